import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomSource } from '../engine/sample/simulateCase.js';

/** The xoroshiro128+ generator of pure-rand, seeded (or from a saved state), as the engine's sampling takes it. */
export function makeRandomSource(seed: number | readonly number[]): RandomSource {
  const generator = typeof seed === 'number' ? xoroshiro128plus(seed) : xoroshiro128plusFromState(seed);
  return {
    draw: () => uniformFloat64(generator),
    state: () => generator.getState(),
    fromState: (saved) => makeRandomSource(saved),
  };
}
