import type { D } from '../core/decimal.js';
import type { Fixed } from '../core/fixed.js';
import type { CaseReport, ReportRow, ScenarioReport } from '../report/types.js';

/** How the columns' cells are written, chosen once per run (the digits, the formula guard, the memos). */
export interface CsvCells {
  /** A text from a file or a name: quoted where needed, and never a formula. */
  readonly text: (value: string) => string;
  /** A period label as a spreadsheet reads it cleanly: `2026`, `2026-Q3`, or years from the start (`0`, `1-Q3`). */
  readonly period: (label: string) => string;
  /** A figure, rounded to the run's digits; empty for null. */
  readonly figure: (value: D | null) => string;
  /** A figure of the engine's step, rounded to the run's digits; empty for null. */
  readonly exact: (value: Fixed | null) => string;
  /** As exact, remembered by identity: for a value many rows share (a utilization, which the cases of a ramp share). */
  readonly shared: (value: Fixed | null) => string;
}

/** A cell every row of a case shares (its text), or how each row fills it. */
export type CsvFill = string | ((row: ReportRow) => string);

/**
 * One column of the CSV of `project`: its name, what it holds (the README's column list says the
 * same), whether it holds figures (a spreadsheet reads them as numbers) and how a case's rows fill
 * it. Every column is written for every row; a cell where the column does not apply is empty.
 */
export interface CsvColumn {
  readonly name: string;
  readonly meaning: string;
  readonly figure: boolean;
  /** One of a row's figures: --layout wide can give each case a column of it. */
  readonly perPeriod: boolean;
  readonly fill: (cells: CsvCells, scenario: ScenarioReport, c: CaseReport) => CsvFill;
}

const EMPTY: CsvFill = '';

/** A figure of a sampled case's rows; empty for an exact case. */
function quantile(pick: (q: NonNullable<ReportRow['quantiles']>) => D | null): CsvColumn['fill'] {
  return (cells, _scenario, c) => (c.simulation === null ? EMPTY : (row) => cells.figure(row.quantiles === null ? null : pick(row.quantiles)));
}

/** A price or supply figure of a case that states one; empty for a case that states neither. */
function market(pick: (row: ReportRow) => D | null | undefined): CsvColumn['fill'] {
  return (cells, _scenario, c) => (c.market == null ? EMPTY : (row) => cells.figure(pick(row) ?? null));
}

/** The CSV's columns, in their default order. To add one, add a row. */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'scenario', meaning: 'the scenario\'s name', figure: false, perPeriod: false, fill: (cells, scenario) => cells.text(scenario.name) },
  { name: 'case', meaning: 'the case\'s name; empty for a scenario without cases', figure: false, perPeriod: false, fill: (cells, _s, c) => cells.text(c.name ?? '') },
  {
    name: 'period',
    meaning: 'the period: `2026`, `2026-Q3`, `2026-07`; without a start year, whole years from the start (`0`, `1`, `1-Q3`, `2-07`)',
    figure: false,
    perPeriod: false,
    fill: (cells) => (row) => cells.period(row.period),
  },
  { name: 'index', meaning: 'the period\'s number, from 0 for the first', figure: true, perPeriod: false, fill: () => (row) => String(row.index) },
  { name: 'unit', meaning: 'the unit of the amounts: USD or BTC', figure: false, perPeriod: false, fill: (cells, scenario) => cells.text(scenario.unit) },
  {
    name: 'market_cap',
    meaning: 'the market cap; empty for a scenario that compounds a TVL directly (the median for a sampled case)',
    figure: true,
    perPeriod: true,
    fill: (cells) => (row) => (row.exact === undefined ? cells.figure(row.marketCap) : cells.exact(row.exact.marketCap)),
  },
  {
    name: 'utilization',
    meaning: 'the share of the market cap locked, as a fraction (0.05 for 5%); empty without a market cap',
    figure: true,
    perPeriod: true,
    fill: (cells) => (row) => (row.exact === undefined ? cells.figure(row.utilization) : cells.shared(row.exact.utilization)),
  },
  {
    name: 'tvl',
    meaning: 'the TVL (the median for a sampled case)',
    figure: true,
    perPeriod: true,
    fill: (cells) => (row) => (row.exact === undefined ? cells.figure(row.tvl) : cells.exact(row.exact.tvl)),
  },
  {
    name: 'change',
    meaning: 'the TVL\'s growth from the previous period, as a fraction (0.1 for +10%), as the table\'s change column; empty for the first period and after a TVL of 0',
    figure: true,
    perPeriod: true,
    fill: (cells) => {
      // A growth rate's change is one object for every period at that rate: written once while it repeats.
      let last: Fixed | null = null;
      let text = '';
      return (row) => {
        const value = row.exactChange;
        if (value === undefined) {
          return cells.figure(row.change);
        }
        if (value !== last) {
          last = value;
          text = cells.exact(value);
        }
        return text;
      };
    },
  },
  { name: 'target', meaning: 'the target TVL; empty without a target', figure: true, perPeriod: false, fill: (cells, _s, c) => cells.figure(c.target?.value ?? null) },
  {
    name: 'target_reached',
    meaning: 'the first period that reaches the target (in the direction it lies from the start); empty when none does',
    figure: false,
    perPeriod: false,
    fill: (cells, _s, c) => (c.target?.reached == null ? EMPTY : cells.period(c.target.reached)),
  },
  {
    name: 'growth_needed',
    meaning: 'the constant growth a year that reaches the target exactly at the last period; empty over 0 years or from 0',
    figure: true,
    perPeriod: false,
    fill: (cells, _s, c) => cells.figure(c.target?.growthNeeded ?? null),
  },
  {
    name: 'utilization_needed',
    meaning: 'for a market cap: the utilization of the last market cap that makes the target (may exceed 1)',
    figure: true,
    perPeriod: false,
    fill: (cells, _s, c) => cells.figure(c.target?.utilizationNeeded ?? null),
  },
  { name: 'mean', meaning: 'for a sampled case: the mean TVL over the paths', figure: true, perPeriod: true, fill: quantile((q) => q.tvl.mean) },
  { name: 'p5', meaning: 'for a sampled case: the TVL 5% of the paths stay below', figure: true, perPeriod: true, fill: quantile((q) => q.tvl.p5) },
  { name: 'p25', meaning: 'for a sampled case: the TVL 25% of the paths stay below', figure: true, perPeriod: true, fill: quantile((q) => q.tvl.p25) },
  { name: 'p50', meaning: 'for a sampled case: the median TVL', figure: true, perPeriod: true, fill: quantile((q) => q.tvl.p50) },
  { name: 'p75', meaning: 'for a sampled case: the TVL 75% of the paths stay below', figure: true, perPeriod: true, fill: quantile((q) => q.tvl.p75) },
  { name: 'p95', meaning: 'for a sampled case: the TVL 95% of the paths stay below', figure: true, perPeriod: true, fill: quantile((q) => q.tvl.p95) },
  {
    name: 'target_probability',
    meaning: 'for a sampled case with a target: the share of the paths that reached it by this period',
    figure: true,
    perPeriod: true,
    fill: (cells, _s, c) => (c.simulation === null || c.target === null ? EMPTY : quantile((q) => q.targetProbability)(cells, _s, c)),
  },
  { name: 'price', meaning: 'USD per BTC, where the case states a price (along the median path for a sampled case)', figure: true, perPeriod: true, fill: market((row) => row.price) },
  { name: 'supply', meaning: 'the supply in BTC, where the case states one or a price gives it', figure: true, perPeriod: true, fill: market((row) => row.supply) },
  { name: 'tvl_usd', meaning: 'the TVL in dollars, where the unit or a price gives it', figure: true, perPeriod: true, fill: market((row) => row.tvlUsd) },
  { name: 'tvl_btc', meaning: 'the TVL in bitcoin, where the unit or a price gives it', figure: true, perPeriod: true, fill: market((row) => row.tvlBtc) },
];

export const CSV_COLUMN_NAMES: readonly string[] = CSV_COLUMNS.map((column) => column.name);

/** The figures --layout wide gives each case a column of, unless --columns names others. */
export const WIDE_EXACT: readonly string[] = ['tvl'];
export const WIDE_SAMPLED: readonly string[] = ['p5', 'p25', 'p50', 'p75', 'p95'];
