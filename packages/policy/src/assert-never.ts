/**
 * Marks the end of an exhaustive `switch` over a union, such as a denial `reason`: the call
 * compiles only when every case is handled, and throws if a value the types ruled out turns up.
 */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
