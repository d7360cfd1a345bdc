import type { D } from '../../engine/decimal.js';
import type { CaseReport, DecimalQuantiles } from '../../report/types.js';

/** One point of a case's path: where it is in time, its label, its TVL (a median when sampled) and, sampled, its percentiles. */
export interface SeriesPoint {
  /** Years from year 0 (2026.25 is 2026-Q2); for periods that do not parse, the row's index. */
  readonly time: number;
  readonly period: string;
  readonly value: D;
  readonly band: DecimalQuantiles | null;
}

/** A case's path, as a chart draws it. */
export interface Series {
  /** null for a scenario without cases. */
  readonly name: string | null;
  readonly points: readonly SeriesPoint[];
  readonly sampled: boolean;
}

/** `2026`, `2026-Q3`, `2026-07`, `+5`, `+5-Q1`: the year (and its sign), and the quarter or month. */
const PERIOD = /^(\+?)(-?[0-9]+)(?:-Q([1-4])|-([0-9]{2}))?$/;

/** A period label as a time in years: 2026-Q3 is 2026.5, 2026-07 is 2026.5, +5 is 5. */
export function periodTime(label: string): number | null {
  const match = PERIOD.exec(label);
  if (match === null) {
    return null;
  }
  const year = Number(match[2]);
  if (match[3] !== undefined) {
    return year + (Number(match[3]) - 1) / 4;
  }
  if (match[4] !== undefined) {
    return year + (Number(match[4]) - 1) / 12;
  }
  return year;
}

/** Whether the periods count from the first (`+5`) rather than name years (`2031`). */
export function isRelative(label: string): boolean {
  return label.startsWith('+');
}

/**
 * Each case's rows as points in time, walked once. Periods that all parse are placed by their
 * time (cases of other steps or starts line up); otherwise by their index.
 */
export function collectSeries(cases: readonly CaseReport[]): Series[] {
  const series = cases.map((c): Series & { points: SeriesPoint[] } => ({ name: c.name, points: [], sampled: c.simulation !== null }));
  let timed = true;
  cases.forEach((c, k) => {
    for (const row of c.walk()) {
      const time = periodTime(row.period);
      timed &&= time !== null;
      series[k]!.points.push({ time: time ?? row.index, period: row.period, value: row.tvl, band: row.quantiles?.tvl ?? null });
    }
  });
  if (!timed) {
    return series.map((s) => ({ ...s, points: s.points.map((point, index) => ({ ...point, time: index })) }));
  }
  return series;
}
