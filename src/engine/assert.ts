/** Throws when an engine invariant does not hold: a bug, never a user error. */
export function assert(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`[btcfi engine] ${message}`);
  }
}
