/** A write collided with existing data (duplicate id, email or hash). */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

/** A compare-and-set write expected one version and found another. */
export class VersionConflictError extends Error {
  override readonly name = 'VersionConflictError';

  constructor(
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`expected version ${expectedVersion}, but version ${currentVersion} is stored`);
  }
}
