/**
 * A seeded generator of uniform draws in [0, 1), passed in so that the engine holds no source of
 * randomness of its own. Its state can be saved and a generator started again from it.
 */
export interface RandomSource {
  readonly draw: () => number;
  /** The state, as a few 32-bit integers, always as many. */
  readonly state: () => readonly number[];
  /** A generator that continues from a saved state. */
  readonly fromState: (state: readonly number[]) => RandomSource;
}
