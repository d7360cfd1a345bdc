import { P, type D } from '../engine/decimal.js';
import { solveGrowth } from '../engine/solveGrowth.js';
import { solveUtilization } from '../engine/solveUtilization.js';
import type { TvlInput } from '../engine/types.js';
import type { ReportRow, TargetReport } from './types.js';

/**
 * When a path reaches its target (the first period at or beyond it, in the direction the
 * target lies from the start), and what would reach it exactly at the horizon: the constant
 * growth per year and, for a market cap scenario, the utilization of the final market cap.
 * Decided on the engine's values, before any rounding for print. Reads the rows once.
 */
export function buildTargetReport(target: D, input: TvlInput, rows: Iterable<ReportRow>): TargetReport {
  let first: ReportRow | null = null;
  let last: ReportRow | null = null;
  let reached: string | null = null;
  let rising = true;
  for (const row of rows) {
    if (first === null) {
      first = row;
      rising = target.gte(row.tvl);
    }
    if (reached === null && (rising ? row.tvl.gte(target) : row.tvl.lte(target))) {
      reached = row.period;
    }
    last = row;
  }
  // TVL at the horizon is start x (1 + g)^years, times the final utilization for a market cap.
  const from = input.base.kind === 'tvl' ? input.base.tvl : new P(input.base.marketCap).times(last!.utilization!);
  const growthNeeded = solveGrowth({ from, to: target, years: new P(input.years) }).value;
  const utilizationNeeded =
    last!.marketCap === null ? null : solveUtilization({ marketCap: last!.marketCap, tvl: target, growth: new P(0), years: new P(0) }).value;
  return { value: target, reached, growthNeeded, utilizationNeeded };
}
