import { stringify } from 'csv-stringify/sync';
import type { D } from '../engine/decimal.js';
import type { ProjectReport } from '../report/types.js';
import { plainFigure } from './formatNumber.js';
import type { RenderOptions } from './options.js';

export const CSV_HEADER = ['scenario', 'case', 'period', 'index', 'unit', 'market_cap', 'utilization', 'tvl'] as const;
const FIGURE_COLUMNS = new Set<number>([3, 5, 6, 7]);

/**
 * RFC 4180 rows (CRLF, a header, quotes only where needed). Text cells that a spreadsheet
 * would run as a formula are neutralised; figure cells are left as numbers.
 */
export function toCsv(rows: readonly (readonly string[])[], figureColumns: ReadonlySet<number>): string {
  return stringify(rows as string[][], {
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: {
      string: (value, context) =>
        context.header !== true && typeof context.index === 'number' && figureColumns.has(context.index)
          ? { value, escape_formulas: false }
          : value,
    },
  });
}

/** One row per scenario, case and period, with an empty cell where a field does not apply. */
export function renderCsv(report: ProjectReport, options: RenderOptions): string {
  const figure = (value: D | null): string => (value === null ? '' : plainFigure(value, options.digits));
  const rows: string[][] = [[...CSV_HEADER]];
  for (const scenario of report.scenarios) {
    for (const c of scenario.cases) {
      for (const row of c.rows) {
        rows.push([scenario.name, c.name ?? '', row.period, String(row.index), scenario.unit, figure(row.marketCap), figure(row.utilization), figure(row.tvl)]);
      }
    }
  }
  return toCsv(rows, FIGURE_COLUMNS);
}
