import { err, ok, type Result } from '../core/result.js';
import { PERIODS_PER_YEAR, type TvlInput } from '../engine/types.js';
import { computeGridRows } from './computeGridRows.js';
import type { Axis } from '../scenario/axis.js';
import type { TextProblem } from '../scenario/parseAmount.js';
import { parsePeriod } from '../scenario/parsePeriod.js';
import type { ResolvedCase, ResolvedScenario } from '../scenario/resolveScenario.js';
import type { GridReport } from './gridTypes.js';
import { periodLabel } from './periodLabel.js';

/** The period every cell is at: an index into each path and its label; both null for each cell's own last period. */
export interface GridPeriod {
  readonly index: number | null;
  readonly label: string | null;
}

/** What a grid varies: a case of a scenario, resolved once per years value when years is an axis. */
export interface GridRequest {
  readonly scenario: ResolvedScenario;
  readonly chosen: ResolvedCase;
  readonly x: Axis;
  readonly y: Axis;
  readonly inputs: ReadonlyMap<number, TvlInput>;
  readonly period: GridPeriod;
}

/** The grid, its rows computed as they are read. */
export function buildGridReport({ scenario, chosen, x, y, inputs, period }: GridRequest): GridReport {
  const { input } = chosen;
  return {
    scenario: scenario.name,
    case: chosen.name,
    unit: scenario.unit,
    x,
    y,
    at: period.label,
    rows: () => computeGridRows({ x, y, at: period.index, inputFor: (years) => (years === null ? input : inputs.get(years)!) }),
  };
}

/**
 * The period every cell is at (--at TEXT): by default the last period, or, with years on an
 * axis (shortestYears set), each cell's own last period. A period past the last of any cell is
 * a problem to show.
 */
export function findGridPeriod(at: string | undefined, chosen: ResolvedCase, shortestYears: number | null): Result<GridPeriod, TextProblem> {
  const { start, input } = chosen;
  const perYear = PERIODS_PER_YEAR[input.step];
  const shortest = shortestYears ?? input.years;
  if (at === undefined) {
    return ok({ index: null, label: shortestYears === null ? periodLabel(start, input.step, input.years, 0) : null });
  }
  const position = parsePeriod(at, start, input.step);
  if (!position.ok) {
    return err({ message: `--at: ${position.error.message}`, hint: position.error.hint });
  }
  const { year, subperiod } = position.value;
  const last = periodLabel(start, input.step, shortest, 0);
  if (year * perYear + subperiod > shortest * perYear) {
    return err({
      message: `--at ${at.trim()} is past the last period${shortestYears === null ? '' : ` of the cells with years = ${shortest}`} (${last})`,
      hint: shortest === 0 ? `with years = 0 the only period is ${last}: leave 0 out of the years axis` : `choose a period from ${periodLabel(start, input.step, 0, 0)} to ${last}`,
    });
  }
  return ok({ index: year * perYear + subperiod, label: periodLabel(start, input.step, year, subperiod) });
}
