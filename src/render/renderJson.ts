import type { D } from '../engine/decimal.js';
import type { ProjectReport } from '../report/types.js';
import { plainFigure } from './formatNumber.js';
import type { RenderOptions } from './options.js';

/** Version of the JSON documents btcfi writes; it changes only when a field changes meaning or goes away. */
export const JSON_VERSION = 1;

/** One entry per scenario and case; every figure a decimal string (never a JS number) or null. */
export function renderJson(report: ProjectReport, options: RenderOptions): string {
  const figure = (value: D | null): string | null => (value === null ? null : plainFigure(value, options.digits));
  const document = {
    btcfi: JSON_VERSION,
    scenarios: report.scenarios.flatMap((scenario) =>
      scenario.cases.map((c) => ({
        name: scenario.name,
        case: c.name,
        title: scenario.title,
        unit: scenario.unit,
        rows: c.rows.map((row) => ({
          period: row.period,
          index: row.index,
          market_cap: figure(row.marketCap),
          utilization: figure(row.utilization),
          tvl: figure(row.tvl),
        })),
        target:
          c.target === null
            ? null
            : {
                value: figure(c.target.value),
                reached: c.target.reached,
                growth_needed: figure(c.target.growthNeeded),
                utilization_needed: figure(c.target.utilizationNeeded),
              },
      })),
    ),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
