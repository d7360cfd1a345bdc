import { stringify } from 'csv-stringify/sync';
import type { D } from '../engine/decimal.js';
import type { ProjectReport } from '../report/types.js';
import { plainFigure } from './formatNumber.js';
import type { RenderOptions } from './options.js';

export const CSV_HEADER = ['scenario', 'case', 'period', 'index', 'unit', 'market_cap', 'utilization', 'tvl'] as const;
/** Added when any scenario has a target; empty cells where a field does not apply. */
export const TARGET_HEADER = ['target', 'target_reached', 'growth_needed', 'utilization_needed'] as const;
const FIGURE_COLUMNS = new Set<number>([3, 5, 6, 7, 8, 10, 11]);

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
  const withTargets = report.scenarios.some((scenario) => scenario.cases.some((c) => c.target !== null));
  const rows: string[][] = [withTargets ? [...CSV_HEADER, ...TARGET_HEADER] : [...CSV_HEADER]];
  for (const scenario of report.scenarios) {
    for (const c of scenario.cases) {
      const { target } = c;
      const targetCells = target === null ? ['', '', '', ''] : [figure(target.value), target.reached ?? '', figure(target.growthNeeded), figure(target.utilizationNeeded)];
      for (const row of c.rows) {
        const cells = [scenario.name, c.name ?? '', row.period, String(row.index), scenario.unit, figure(row.marketCap), figure(row.utilization), figure(row.tvl)];
        rows.push(withTargets ? [...cells, ...targetCells] : cells);
      }
    }
  }
  return toCsv(rows, FIGURE_COLUMNS);
}
