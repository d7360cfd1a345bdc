import type { D } from '../engine/decimal.js';
import type { DecimalQuantiles, ProjectReport } from '../report/types.js';
import { plainFigure } from './formatNumber.js';
import type { RenderOptions } from './options.js';

/** Version of the JSON documents btcfi writes; it changes only when a field changes meaning or goes away. */
export const JSON_VERSION = 1;

/** One entry per scenario and case; every figure a decimal string (never a JS number) or null. */
export function renderJson(report: ProjectReport, options: RenderOptions): string {
  const figure = (value: D | null): string | null => (value === null ? null : plainFigure(value, options.digits));
  const quantiles = (q: DecimalQuantiles) => ({ mean: figure(q.mean), p5: figure(q.p5), p25: figure(q.p25), p50: figure(q.p50), p75: figure(q.p75), p95: figure(q.p95) });
  const document = {
    btcfi: JSON_VERSION,
    scenarios: report.scenarios.flatMap((scenario) =>
      scenario.cases.map((c) => ({
        name: scenario.name,
        case: c.name,
        title: scenario.title,
        unit: scenario.unit,
        ...(c.simulation === null ? {} : { samples: c.simulation.samples, seed: c.simulation.seed }),
        rows: c.rows.map((row) => ({
          period: row.period,
          index: row.index,
          market_cap: figure(row.marketCap),
          utilization: figure(row.utilization),
          tvl: figure(row.tvl),
          ...(row.quantiles === null
            ? {}
            : {
                quantiles: quantiles(row.quantiles.tvl),
                market_cap_quantiles: row.quantiles.marketCap === null ? null : quantiles(row.quantiles.marketCap),
                utilization_quantiles: row.quantiles.utilization === null ? null : quantiles(row.quantiles.utilization),
                target_probability: figure(row.quantiles.targetProbability),
              }),
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
