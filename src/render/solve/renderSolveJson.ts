import type { D } from '../../engine/decimal.js';
import type { Given, SolveReport } from '../../report/solveTypes.js';
import { plainFigure } from '../formatNumber.js';
import type { RenderOptions } from '../options.js';
import { JSON_VERSION } from '../renderJson.js';

/**
 * `{"btcfi": 1, "solve": "growth", "value": "0.2643…", "reason": null, "unit": "USD", "inputs": {...}}`:
 * every figure a decimal string with all of the engine's digits (or --digits of them), never a
 * JS number. Where there is no answer, "value" is null and "reason" says why, as a code.
 */
export function renderSolveJson(report: SolveReport, options: RenderOptions): string {
  const figure = (value: D): string => plainFigure(value, options.digits);
  const maybe = (value: D | null): string | null => (value === null ? null : figure(value));
  const given = (value: Given | null): string | null => (value === null ? null : figure(value.value));
  const head = { btcfi: JSON_VERSION, solve: report.solve === 'growth-history' ? 'growth' : report.solve, value: maybe(report.value), reason: report.reason, unit: report.unit };
  let document: object;
  switch (report.solve) {
    case 'growth':
      document = { ...head, inputs: { from: given(report.from), to: given(report.to), years: given(report.years) } };
      break;
    case 'growth-history': {
      const { history } = report;
      const first = history.points[0]!;
      const last = history.points.at(-1)!;
      document = {
        ...head,
        log_linear: figure(report.logLinear),
        points: history.points.length,
        span_years: figure(history.spanYears),
        span_days: maybe(history.spanDays),
        day_count: history.dayCount,
        inputs: {
          history: history.file,
          date_column: history.dateColumn,
          value_column: history.valueColumn,
          first: first.label,
          last: last.label,
          from: figure(first.value),
          to: figure(last.value),
          years: figure(history.spanYears),
        },
      };
      break;
    }
    case 'years':
      document = {
        ...head,
        whole_years: maybe(report.wholeYears),
        reached_in: report.wholeYears === null || report.start === null ? null : figure(report.wholeYears.plus(report.start)),
        inputs: { from: given(report.from), to: given(report.to), growth: given(report.growth), start: report.start === null ? null : String(report.start) },
      };
      break;
    case 'end':
      document = { ...head, inputs: { from: given(report.from), growth: given(report.growth), years: given(report.years) } };
      break;
    case 'start':
      document = { ...head, inputs: { to: given(report.to), growth: given(report.growth), years: given(report.years) } };
      break;
    case 'utilization':
      document = {
        ...head,
        market_cap_at_horizon: figure(report.marketCapAtHorizon),
        inputs: { market_cap: given(report.marketCap), tvl: given(report.tvl), growth: given(report.growth), years: given(report.years) },
      };
      break;
    case 'tvl':
    case 'market-cap':
    case 'price':
    case 'supply': {
      const { inputs } = report;
      document = {
        ...head,
        route: report.route,
        amount_unit: report.amountUnit,
        market_cap: maybe(report.marketCap),
        inputs: {
          market_cap: given(inputs.marketCap),
          tvl: given(inputs.tvl),
          utilization: given(inputs.utilization),
          price: given(inputs.price),
          supply: given(inputs.supply),
          growth: given(inputs.growth),
          years: given(inputs.years),
        },
      };
      break;
    }
  }
  return `${JSON.stringify(document, null, 2)}\n`;
}
