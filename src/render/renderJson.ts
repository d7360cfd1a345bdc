import { PRINTED_DIGITS, type D } from '../engine/decimal.js';
import type { Fixed } from '../core/fixed.js';
import { plainFixed } from './plainDigits.js';
import type { CaseReport, DecimalQuantiles, ProjectReport, ReferenceReport, ReferenceStanding, ReportRow, ScenarioReport } from '../report/types.js';
import { plainFigure } from './formatNumber.js';
import type { RenderOptions } from './options.js';

/** Version of the JSON documents btcfi writes; it changes only when a field changes meaning or goes away. */
export const JSON_VERSION = 1;

/** Stands for an entry's rows while the rest of the entry is written: the rows are written after it, as they are computed. */
const ROWS_MARK = '@@rows@@';
const ROWS_AT = `\n      "rows": "${ROWS_MARK}"`;

/**
 * One entry per scenario and case; every figure a decimal string (never a JS number) or null.
 * The document is the one JSON.stringify(document, null, 2) writes, written entry by entry and
 * row by row as the rows are computed.
 */
export function* renderJson(report: ProjectReport, options: RenderOptions): Generator<string, void, undefined> {
  const figure = (value: D | null): string | null => (value === null ? null : plainFigure(value, options.digits));
  const entries = report.scenarios.flatMap((scenario) => scenario.cases.map((c, k) => [scenario, c, k] as const));
  if (entries.length === 0) {
    yield `${JSON.stringify({ btcfi: JSON_VERSION, scenarios: [] }, null, 2)}\n`;
    return;
  }
  yield `{\n  "btcfi": ${JSON_VERSION},\n  "scenarios": [\n`;
  let first = true;
  for (const [scenario, c, k] of entries) {
    const entry = indent(JSON.stringify(entryWithoutRows(scenario, c, k, figure), null, 2), '    ');
    const at = entry.indexOf(ROWS_AT);
    yield `${first ? '' : ',\n'}${entry.slice(0, at)}\n      "rows": [\n`;
    first = false;
    let separator = '';
    let batch = '';
    let count = 0;
    for (const row of c.walk()) {
      batch += separator + indent(JSON.stringify(rowObject(row, figure, options.digits ?? PRINTED_DIGITS, c.market != null), null, 2), '        ');
      separator = ',\n';
      count += 1;
      if (count === ROWS_PER_PIECE) {
        yield batch;
        batch = '';
        count = 0;
      }
    }
    yield `${batch}\n      ]${entry.slice(at + ROWS_AT.length)}`;
  }
  yield '\n  ]\n}\n';
}

const ROWS_PER_PIECE = 128;

function indent(text: string, by: string): string {
  return by + text.replace(/\n/g, `\n${by}`);
}

function entryWithoutRows(scenario: ScenarioReport, c: CaseReport, k: number, figure: (value: D | null) => string | null) {
  return {
    name: scenario.name,
    case: c.name,
    title: scenario.title,
    unit: scenario.unit,
    ...(c.simulation === null ? {} : { samples: c.simulation.samples, seed: c.simulation.seed }),
    ...(c.solvedEnd == null ? {} : { end: figure(c.solvedEnd.end), growth_solved: figure(c.solvedEnd.growth) }),
    rows: ROWS_MARK,
    target:
      c.target === null
        ? null
        : {
            value: figure(c.target.value),
            reached: c.target.reached,
            growth_needed: figure(c.target.growthNeeded),
            utilization_needed: figure(c.target.utilizationNeeded),
          },
    references: scenario.references.map((reference) => referenceObject(reference, reference.cases[k]!, figure)),
  };
}

/** A reference and where this entry's case stands against it. */
function referenceObject(reference: ReferenceReport, standing: ReferenceStanding, figure: (value: D | null) => string | null) {
  const { crossing } = standing;
  return {
    name: reference.name,
    value: figure(reference.value),
    period: reference.period,
    source: reference.source,
    note: reference.note,
    start: standing.start,
    end: standing.end,
    crossing: crossing === null ? null : { period: crossing.period, years: figure(crossing.years), direction: crossing.direction },
    growth_needed: figure(standing.growthNeeded),
    utilization_needed: figure(standing.utilizationNeeded),
  };
}

function rowObject(row: ReportRow, figure: (value: D | null) => string | null, significant: number, market: boolean) {
  const exact = (value: Fixed | null): string | null => (value === null ? null : plainFixed(value, significant));
  const figures = row.exact;
  const quantiles = (q: DecimalQuantiles) => ({ mean: figure(q.mean), p5: figure(q.p5), p25: figure(q.p25), p50: figure(q.p50), p75: figure(q.p75), p95: figure(q.p95) });
  return {
    period: row.period,
    index: row.index,
    market_cap: figures === undefined ? figure(row.marketCap) : exact(figures.marketCap),
    utilization: figures === undefined ? figure(row.utilization) : exact(figures.utilization),
    tvl: figures === undefined ? figure(row.tvl) : exact(figures.tvl),
    ...(row.quantiles === null
      ? {}
      : {
          quantiles: quantiles(row.quantiles.tvl),
          market_cap_quantiles: row.quantiles.marketCap === null ? null : quantiles(row.quantiles.marketCap),
          utilization_quantiles: row.quantiles.utilization === null ? null : quantiles(row.quantiles.utilization),
          target_probability: figure(row.quantiles.targetProbability),
        }),
    // Where the case states a price or a supply: USD per BTC, the supply in BTC, the TVL in both units (null where not known).
    ...(market ? { price: figure(row.price ?? null), supply: figure(row.supply ?? null), tvl_usd: figure(row.tvlUsd ?? null), tvl_btc: figure(row.tvlBtc ?? null) } : {}),
  };
}
