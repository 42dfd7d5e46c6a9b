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

/**
 * An argument does not fit the contract: a malformed record, a cursor this store did not issue,
 * a page size out of range. Nothing was written. The message names the offending field.
 */
export class InvalidArgumentError extends Error {
  override readonly name = 'InvalidArgumentError';
}

/**
 * The store could not be opened. The message names the problem and the place (the data
 * directory that cannot be written, the Redis URL without its password that did not answer);
 * `cause` carries the underlying error.
 */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
}

/**
 * A stored value cannot be decoded into what the store wrote there (not JSON, a field missing
 * or of the wrong type): someone or something changed it behind the store's back. The message
 * names the value (e.g. `audit event 7`) and what is wrong with it.
 */
export class UnreadableDataError extends Error {
  override readonly name = 'UnreadableDataError';
}
