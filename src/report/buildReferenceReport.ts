import { crossingYears } from '../engine/crossingYears.js';
import { P, type D } from '../engine/decimal.js';
import { solveGrowth } from '../engine/solveGrowth.js';
import { PERIODS_PER_YEAR, type TvlInput } from '../engine/types.js';
import type { ResolvedReference } from '../scenario/resolveScenario.js';
import type { ReferenceCrossing, ReferenceReport, ReferenceSide, ReferenceStanding, ReportRow } from './types.js';

/** Where a figure stands against a level. */
export function sideOf(value: D, level: D): ReferenceSide {
  const order = value.cmp(level);
  return order > 0 ? 'above' : order === 0 ? 'at' : 'below';
}

/**
 * One case's path against each level, in one pass over its rows: where it starts and ends, the
 * first period it passes the level (with the exact time it meets it on the compounding path),
 * and, when it ends below, what would reach the level at the last period: the constant growth
 * per year, and for a market cap the utilization. Decided on the engine's values, before any
 * rounding for print.
 */
export function buildReferenceStandings(levels: readonly D[], caseName: string | null, input: TvlInput, rows: Iterable<ReportRow>): ReferenceStanding[] {
  const periodsPerYear = PERIODS_PER_YEAR[input.step];
  const starts: ReferenceSide[] = [];
  const crossings: (ReferenceCrossing | null)[] = levels.map(() => null);
  let previous: ReportRow | null = null;
  for (const row of rows) {
    if (previous === null) {
      starts.push(...levels.map((level) => sideOf(row.tvl, level)));
    } else {
      const before: ReportRow = previous;
      levels.forEach((level, i) => {
        if (crossings[i] !== null) {
          return;
        }
        const wasBelow = before.tvl.lt(level);
        if (wasBelow !== row.tvl.lt(level)) {
          const years = crossingYears({ before: before.tvl, after: row.tvl, level, index: before.index, periodsPerYear });
          crossings[i] = { period: row.period, years, direction: wasBelow ? 'up' : 'down' };
        }
      });
    }
    previous = row;
  }
  const last = previous!;
  return levels.map((level, i) => {
    const end = sideOf(last.tvl, level);
    const below = end === 'below';
    return {
      case: caseName,
      start: starts[i]!,
      end,
      last: last.period,
      crossing: crossings[i]!,
      growthNeeded: below ? growthToReach(level, input, last) : null,
      utilizationNeeded: below && last.marketCap !== null && !last.marketCap.isZero() ? new P(level).div(last.marketCap) : null,
    };
  });
}

/** The constant growth per year that takes the start to the level at the last period; null over 0 years or from zero. */
function growthToReach(level: D, input: TvlInput, last: ReportRow): D | null {
  // TVL at the horizon is start x (1 + g)^years, times the final utilization for a market cap.
  const from = input.base.kind === 'tvl' ? input.base.tvl : new P(input.base.marketCap).times(last.utilization!);
  return solveGrowth({ from, to: level, years: new P(input.years) }).value;
}

/** Each reference with every case's standing against it; `standings[k]` are case k's, one per reference. */
export function buildReferenceReports(references: readonly ResolvedReference[], standings: readonly (readonly ReferenceStanding[])[]): ReferenceReport[] {
  return references.map((reference, r) => ({ ...reference, cases: standings.map((perCase) => perCase[r]!) }));
}
