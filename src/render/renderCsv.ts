import { stringify } from 'csv-stringify/sync';
import { PRINTED_DIGITS, type D } from '../engine/decimal.js';
import type { Fixed } from '../core/fixed.js';
import { plainFixed } from './plainDigits.js';
import type { ProjectReport } from '../report/types.js';
import { plainFigure } from './formatNumber.js';
import type { RenderOptions } from './options.js';

export const CSV_HEADER = ['scenario', 'case', 'period', 'index', 'unit', 'market_cap', 'utilization', 'tvl'] as const;
/** Added when any scenario has a target; empty cells where a field does not apply. */
export const TARGET_HEADER = ['target', 'target_reached', 'growth_needed', 'utilization_needed'] as const;
/** Added when any case was sampled: the TVL's mean and percentiles over the paths (and the chance of the target, with targets). */
export const QUANTILE_HEADER = ['mean', 'p5', 'p25', 'p50', 'p75', 'p95'] as const;
/**
 * Added when any case states a price or a supply: USD per BTC, the supply in BTC, and the TVL in
 * dollars and in bitcoin (one of them the TVL itself); empty cells where a figure is not known.
 */
export const MARKET_HEADER = ['price', 'supply', 'tvl_usd', 'tvl_btc'] as const;
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

/**
 * One text cell as toCsv writes it (formula-escaped, quoted where needed), remembered: a run
 * writes the same few texts (names, units, periods) on every row.
 */
function makeTextCell(): (value: string) => string {
  const cells = new Map<string, string>();
  return (value) => {
    let cell = cells.get(value);
    if (cell === undefined) {
      cell = value === '' || PLAIN_TEXT.test(value) ? value : toCsv([[value]], new Set()).slice(0, -CRLF.length);
      cells.set(value, cell);
    }
    return cell;
  };
}

const CRLF = '\r\n';

/** A text toCsv writes as it is: nothing to quote, and no first character a spreadsheet would run. */
const PLAIN_TEXT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/**
 * One row per scenario, case and period, with an empty cell where a field does not apply, written
 * as the rows are computed. Text cells go through toCsv's rules once per distinct text; a figure
 * is a plain number, which needs no quoting and is never escaped.
 */
export function* renderCsv(report: ProjectReport, options: RenderOptions): Generator<string, void, undefined> {
  const text = makeTextCell();
  // plainFigure writes a plain figure (digits, a point, maybe a minus), never escaped or quoted.
  const figure = (value: D | null): string => (value === null ? '' : plainFigure(value, options.digits));
  const significant = options.digits ?? PRINTED_DIGITS;
  const exact = (value: Fixed | null): string => (value === null ? '' : plainFixed(value, significant));
  // A utilization is often the same value for every row of a case, or shared by the cases of a ramp.
  const utilizations = new WeakMap<Fixed, string>();
  const utilization = (value: Fixed | null): string => {
    if (value === null) {
      return '';
    }
    let text = utilizations.get(value);
    if (text === undefined) {
      text = plainFixed(value, significant);
      utilizations.set(value, text);
    }
    return text;
  };
  const cases = report.scenarios.flatMap((scenario) => scenario.cases);
  const withTargets = cases.some((c) => c.target !== null);
  const withQuantiles = cases.some((c) => c.simulation !== null);
  const withProbability = withTargets && withQuantiles;
  const withMarket = cases.some((c) => c.market != null);
  const header: string[] = [
    ...CSV_HEADER,
    ...(withTargets ? TARGET_HEADER : []),
    ...(withQuantiles ? QUANTILE_HEADER : []),
    ...(withProbability ? ['target_probability'] : []),
    ...(withMarket ? MARKET_HEADER : []),
  ];
  yield toCsv([header], new Set());
  const noQuantiles = withQuantiles ? ',,,,,' + (withProbability ? ',' : '') : '';
  for (const scenario of report.scenarios) {
    for (const c of scenario.cases) {
      const { target } = c;
      const prefix = `${text(scenario.name)},${text(c.name ?? '')},`;
      const unit = text(scenario.unit);
      const targetCells = !withTargets
        ? ''
        : target === null
          ? ',,,,'
          : `,${figure(target.value)},${text(target.reached ?? '')},${figure(target.growthNeeded)},${figure(target.utilizationNeeded)}`;
      let batch = '';
      let count = 0;
      for (const row of c.walk()) {
        const figures = row.exact;
        const cells =
          figures === undefined
            ? `${figure(row.marketCap)},${figure(row.utilization)},${figure(row.tvl)}`
            : `${exact(figures.marketCap)},${utilization(figures.utilization)},${exact(figures.tvl)}`;
        let line = `${prefix}${text(row.period)},${row.index},${unit},${cells}${targetCells}`;
        if (withQuantiles) {
          const q = row.quantiles?.tvl;
          line += q === undefined ? `,${noQuantiles}` : `,${[q.mean, q.p5, q.p25, q.p50, q.p75, q.p95].map(figure).join(',')}`;
          if (withProbability && q !== undefined) {
            line += `,${figure(row.quantiles?.targetProbability ?? null)}`;
          }
        }
        if (withMarket) {
          line += c.market == null ? ',,,,' : `,${[row.price, row.supply, row.tvlUsd, row.tvlBtc].map((value) => figure(value ?? null)).join(',')}`;
        }
        batch += line + CRLF;
        count += 1;
        if (count === ROWS_PER_PIECE) {
          yield batch;
          batch = '';
          count = 0;
        }
      }
      if (batch !== '') {
        yield batch;
      }
    }
  }
}

/** Rows joined into one piece of output: fewer, larger pieces cost less to pass along. */
const ROWS_PER_PIECE = 1024;
