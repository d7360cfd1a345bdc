import { D as Dec, type D } from '../engine/decimal.js';
import { solveGrowth } from '../engine/solveGrowth.js';
import { solveUtilization } from '../engine/solveUtilization.js';
import type { TvlInput } from '../engine/types.js';
import type { ReportRow, TargetReport } from './types.js';

/**
 * When a path reaches its target (the first period at or beyond it, in the direction the
 * target lies from the start), and what would reach it exactly at the horizon: the constant
 * growth per year and, for a market cap scenario, the utilization of the final market cap.
 */
export function buildTargetReport(target: D, input: TvlInput, rows: readonly ReportRow[]): TargetReport {
  const first = rows[0]!;
  const last = rows.at(-1)!;
  const rising = target.gte(first.tvl);
  const reached = rows.find((row) => (rising ? row.tvl.gte(target) : row.tvl.lte(target)))?.period ?? null;

  // TVL at the horizon is start x (1 + g)^years, times the final utilization for a market cap.
  const from = input.base.kind === 'tvl' ? input.base.tvl : input.base.marketCap.times(last.utilization!);
  const growthNeeded = solveGrowth({ from, to: target, years: new Dec(input.years) }).value;
  const utilizationNeeded =
    last.marketCap === null ? null : solveUtilization({ marketCap: last.marketCap, tvl: target, growth: new Dec(0), years: new Dec(0) }).value;
  return { value: target, reached, growthNeeded, utilizationNeeded };
}
