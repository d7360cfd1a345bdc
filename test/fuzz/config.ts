// How long the fuzz campaigns run. `npm test` runs short samples at a fixed seed, a few seconds;
// `npm run fuzz` raises the counts through the environment (100,000 and 10,000 there), then runs
// the property tests (every describe('properties')) at 10 times the cases they check in npm test:
//   BTCFI_FUZZ_RUNS       generated scenario files, history CSVs and field values, each
//                         checked in-process                                  (default 200)
//   BTCFI_FUZZ_CLI_RUNS   argument vectors, each a CLI run in-process         (default 100)
//   BTCFI_FUZZ_SEED       the seed of both campaigns                          (default 20260426)
//   BTCFI_PROPERTY_SCALE  how many times its npm test count of cases a property test
//                         checks, where it counts them with propertyRuns()    (default 1)

function count(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') {
    return fallback;
  }
  const value = Number(text.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of at least 1 (got ${text})`);
  }
  return value;
}

export const FUZZ_RUNS = count('BTCFI_FUZZ_RUNS', 200);
export const FUZZ_CLI_RUNS = count('BTCFI_FUZZ_CLI_RUNS', 100);
export const FUZZ_SEED = count('BTCFI_FUZZ_SEED', 20_260_426);
const PROPERTY_SCALE = count('BTCFI_PROPERTY_SCALE', 1);

/** The cases a property test checks: `runs` in npm test, BTCFI_PROPERTY_SCALE times as many in npm run fuzz. */
export function propertyRuns(runs: number): number {
  return runs * PROPERTY_SCALE;
}

/** Generous bounds that prove "does not hang", never a speed requirement: shared CI machines are noisy. */
export function timeoutFor(runs: number, perRunMs: number): number {
  return 60_000 + runs * perRunMs;
}
