import { PERIODS_PER_YEAR } from '../engine/types.js';
import type { ResolvedScenario } from '../scenario/resolveScenario.js';

/**
 * Rows a run of btcfi project may print. Each file is held to 1 MiB, 100 cases and 2,401
 * periods a case, but a run reads any number of files. Rows are computed as they are written, so
 * memory stays flat; ten million rows of CSV take about half a minute.
 */
export const MAX_PROJECT_ROWS = 10_000_000;

/** The rows a projection of the scenarios prints: one for each period of each case (CSV and JSON alike). */
export function countRows(scenarios: readonly ResolvedScenario[]): number {
  let rows = 0;
  for (const scenario of scenarios) {
    for (const { input } of scenario.cases) {
      rows += input.years * PERIODS_PER_YEAR[input.step] + 1;
    }
  }
  return rows;
}
