import { stringify } from 'csv-stringify/sync';
import type { D } from '../engine/decimal.js';
import type { ProjectReport } from '../report/types.js';
import { plainFigure } from './formatNumber.js';
import type { RenderOptions } from './options.js';

export const CSV_HEADER = ['scenario', 'case', 'period', 'index', 'unit', 'market_cap', 'utilization', 'tvl'] as const;
/** Added when any scenario has a target; empty cells where a field does not apply. */
export const TARGET_HEADER = ['target', 'target_reached', 'growth_needed', 'utilization_needed'] as const;
/** Added when any case was sampled: the TVL's mean and percentiles over the paths (and the chance of the target, with targets). */
export const QUANTILE_HEADER = ['mean', 'p5', 'p25', 'p50', 'p75', 'p95'] as const;
const TEXT_COLUMNS = new Set(['scenario', 'case', 'period', 'unit', 'target_reached']);

/** A figure as plainFigure writes it: what a spreadsheet reads as a number, and never runs. */
const PLAIN_FIGURE = /^-?[0-9]+(\.[0-9]+)?$/;

/**
 * RFC 4180 rows (CRLF, a header, quotes only where needed). A text cell that a spreadsheet would
 * run as a formula (one that starts with =, +, -, @, a tab or a CR, or their full-width forms,
 * as OWASP lists them) gets a leading `'`; a cell of a figure column is left as it is only when
 * it is a plain figure, so a negative figure stays a number and nothing else can pass as one.
 */
export function toCsv(rows: readonly (readonly string[])[], figureColumns: ReadonlySet<number>): string {
  return stringify(rows as string[][], {
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: {
      string: (value, context) =>
        context.header !== true && typeof context.index === 'number' && figureColumns.has(context.index) && PLAIN_FIGURE.test(value)
          ? { value, escape_formulas: false }
          : value,
    },
  });
}

/** One row per scenario, case and period, with an empty cell where a field does not apply. */
export function renderCsv(report: ProjectReport, options: RenderOptions): string {
  const figure = (value: D | null): string => (value === null ? '' : plainFigure(value, options.digits));
  const cases = report.scenarios.flatMap((scenario) => scenario.cases);
  const withTargets = cases.some((c) => c.target !== null);
  const withQuantiles = cases.some((c) => c.simulation !== null);
  const withProbability = withTargets && withQuantiles;
  const header: string[] = [
    ...CSV_HEADER,
    ...(withTargets ? TARGET_HEADER : []),
    ...(withQuantiles ? QUANTILE_HEADER : []),
    ...(withProbability ? ['target_probability'] : []),
  ];
  const rows: string[][] = [header];
  for (const scenario of report.scenarios) {
    for (const c of scenario.cases) {
      const { target } = c;
      const targetCells = target === null ? ['', '', '', ''] : [figure(target.value), target.reached ?? '', figure(target.growthNeeded), figure(target.utilizationNeeded)];
      for (const row of c.rows) {
        const cells = [scenario.name, c.name ?? '', row.period, String(row.index), scenario.unit, figure(row.marketCap), figure(row.utilization), figure(row.tvl)];
        if (withTargets) {
          cells.push(...targetCells);
        }
        if (withQuantiles) {
          const q = row.quantiles?.tvl;
          cells.push(...(q === undefined ? ['', '', '', '', '', ''] : [q.mean, q.p5, q.p25, q.p50, q.p75, q.p95].map(figure)));
        }
        if (withProbability) {
          cells.push(figure(row.quantiles?.targetProbability ?? null));
        }
        rows.push(cells);
      }
    }
  }
  const figureColumns = new Set(header.flatMap((name, i) => (TEXT_COLUMNS.has(name) ? [] : [i])));
  return toCsv(rows, figureColumns);
}
