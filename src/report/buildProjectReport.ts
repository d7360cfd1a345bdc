import { D } from '../engine/decimal.js';
import { makeFactors, type Factors } from '../engine/makeFactors.js';
import type { Quantiles } from '../engine/sample/quantiles.js';
import { simulateCase } from '../engine/sample/simulateCase.js';
import { PERIODS_PER_YEAR, type ExactFigures, type Step, type TvlPoint } from '../engine/types.js';
import { walkPath } from '../engine/walkPath.js';
import type { ResolvedCase, ResolvedScenario } from '../scenario/resolveScenario.js';
import { buildTargetReport } from './buildTargetReport.js';
import { makeRandomSource } from './makeRandomSource.js';
import { periodLabel } from './periodLabel.js';
import type { CaseReport, DecimalQuantiles, FinalDistribution, ProjectReport, ReportRow, ScenarioReport } from './types.js';

/** How cases with ranges are sampled; without it they are projected at their medians, exactly. */
export interface SimulationRequest {
  readonly samples: number;
  readonly seed: number;
  /** Called as work is done: cases finished plus the share of the current one, over all cases sampled. */
  readonly onProgress?: (done: number, total: number) => void;
}

export class SimulationOverflowError extends Error {
  constructor(readonly scenario: string, readonly caseName: string | null) {
    super(`the paths of ${scenario}${caseName === null ? '' : ` (case ${caseName})`} grow beyond 1e308`);
  }
}

/** Significant digits kept of a simulated figure: sampling error is far above them, and float noise far below. */
export const SIMULATED_DIGITS = 12;

/**
 * Projects every case of every scenario and labels the periods; samples the cases that have ranges.
 * Exact cases are not computed here: each case's walk() computes its rows as a renderer reads
 * them (with growth factors shared by the whole run), so a report of millions of rows stays small.
 * A case with a target is walked once here, to find the period that reaches it.
 */
export function buildProjectReport(scenarios: readonly ResolvedScenario[], simulation: SimulationRequest | null = null): ProjectReport {
  const total = simulation === null ? 0 : scenarios.reduce((sum, s) => sum + s.cases.filter((c) => c.uncertain !== null).length, 0);
  const factors = makeFactors();
  let finished = 0;
  const projectCase = (scenario: ResolvedScenario, resolved: ResolvedCase): CaseReport => {
    if (simulation !== null && resolved.uncertain !== null) {
      const done = finished;
      const report = sampleCase(scenario, resolved, simulation, factors, (share) => simulation.onProgress?.(done + share, total));
      finished += 1;
      return report;
    }
    const walk = (): Iterable<ReportRow> => exactRows(resolved, factors);
    const target = resolved.target === null ? null : buildTargetReport(resolved.target, resolved.input, walk());
    return lazyRows({ name: resolved.name, rowCount: rowCount(resolved), walk, target, simulation: null, distribution: null });
  };
  return {
    scenarios: scenarios.map(
      (scenario): ScenarioReport => ({
        name: scenario.name,
        title: scenario.title,
        source: scenario.source,
        unit: scenario.unit,
        whatIf: scenario.whatIf,
        cases: scenario.cases.map((resolved) => projectCase(scenario, resolved)),
      }),
    ),
  };
}

function rowCount(resolved: ResolvedCase): number {
  return resolved.input.years * PERIODS_PER_YEAR[resolved.input.step] + 1;
}

/**
 * The rows of an exact case, each labelled as walkPath computes its point. An iterator over
 * walkPath's own, whose results it passes on with the row in place of the point: no second
 * generator and no second result object per row.
 */
function exactRows(resolved: ResolvedCase, factors: Factors): IterableIterator<ReportRow> {
  const { start, input } = resolved;
  // Labels are the same for every case of the same start and step: made once per period of a run.
  const labels = labelsFor(start, input.step);
  const points = walkPath(input, factors);
  const rows: IterableIterator<ReportRow> = {
    next(): IteratorResult<ReportRow, undefined> {
      const result = points.next() as IteratorResult<TvlPoint | ReportRow, undefined>;
      if (result.done !== true) {
        const point = result.value as TvlPoint;
        result.value = new ExactRow(labels(point.index, point.year, point.subperiod), point);
      }
      return result as IteratorResult<ReportRow, undefined>;
    },
    return(): IteratorResult<ReportRow, undefined> {
      points.return(undefined);
      return { done: true, value: undefined };
    },
    [Symbol.iterator]() {
      return rows;
    },
  };
  return rows;
}

const labelCache = new Map<string, string[]>();

function labelsFor(start: number | null, step: Step): (index: number, year: number, subperiod: number) => string {
  const key = `${start}|${step}`;
  let labels = labelCache.get(key);
  if (labels === undefined) {
    labels = [];
    labelCache.set(key, labels);
  }
  const known = labels;
  return (index, year, subperiod) => (known[index] ??= periodLabel(start, step, year, subperiod));
}

/** A row of an exact case; its change is computed only when read (tables show it, CSV and JSON do not). */
class ExactRow implements ReportRow {
  readonly index: number;
  readonly quantiles = null;
  readonly exact: ExactFigures | undefined;

  constructor(
    readonly period: string,
    private readonly point: TvlPoint,
  ) {
    this.index = point.index;
    this.exact = point.exact;
  }

  get marketCap(): D | null {
    return this.point.marketCap;
  }

  get utilization(): D | null {
    return this.point.utilization;
  }

  get tvl(): D {
    return this.point.tvl;
  }

  get change(): D | null {
    return this.point.change;
  }
}

/** A case report whose `rows` are computed from walk() at first use. */
function lazyRows(report: Omit<CaseReport, 'rows'>): CaseReport {
  let rows: readonly ReportRow[] | null = null;
  return {
    ...report,
    get rows(): readonly ReportRow[] {
      rows ??= Array.from(report.walk());
      return rows;
    },
  };
}

function sampleCase(
  scenario: ResolvedScenario,
  resolved: ResolvedCase,
  simulation: SimulationRequest,
  factors: Factors,
  onProgress: (share: number) => void,
): CaseReport {
  const result = simulateCase(resolved.input, resolved.uncertain!, resolved.target, {
    samples: simulation.samples,
    random: makeRandomSource(simulation.seed),
    onProgress,
  });
  if (!result.ok) {
    throw new SimulationOverflowError(scenario.name, resolved.name);
  }
  const points = Array.from(walkPath(resolved.input, factors));
  const rows = result.rows.map((simulated, index): ReportRow => {
    const point = points[index]!;
    const tvl = toDecimals(simulated.tvl);
    const marketCap = simulated.marketCap === null ? null : toDecimals(simulated.marketCap);
    const utilization = simulated.utilization === null ? null : toDecimals(simulated.utilization);
    return {
      period: periodLabel(resolved.start, resolved.input.step, point.year, point.subperiod),
      index,
      marketCap: marketCap?.p50 ?? null,
      utilization: utilization?.p50 ?? point.utilization,
      tvl: tvl.p50,
      change: null,
      quantiles: {
        tvl,
        marketCap,
        utilization,
        targetProbability: simulated.targetProbability === null ? null : decimal(simulated.targetProbability),
      },
    };
  });
  const withChange = rows.map((row, i) => ({ ...row, change: i === 0 || rows[i - 1]!.tvl.isZero() ? null : row.tvl.div(rows[i - 1]!.tvl).minus(1) }));
  const target = resolved.target === null ? null : buildTargetReport(resolved.target, resolved.input, withChange);
  const histogram = result.finalHistogram;
  const distribution: FinalDistribution = {
    period: withChange.at(-1)!.period,
    edges: histogram.edges.map(decimal),
    counts: histogram.counts,
    below: histogram.below,
    above: histogram.above,
    samples: simulation.samples,
  };
  return {
    name: resolved.name,
    rowCount: withChange.length,
    walk: () => withChange,
    rows: withChange,
    target,
    simulation: { samples: simulation.samples, seed: simulation.seed },
    distribution,
  };
}

/** A float of the simulation as a decimal, at the border: 12 significant digits, deterministic. */
function decimal(value: number): D {
  return new D(value.toPrecision(SIMULATED_DIGITS));
}

function toDecimals(q: Quantiles): DecimalQuantiles {
  return { mean: decimal(q.mean), p5: decimal(q.p5), p25: decimal(q.p25), p50: decimal(q.p50), p75: decimal(q.p75), p95: decimal(q.p95) };
}
