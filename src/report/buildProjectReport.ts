import { D } from '../engine/decimal.js';
import { projectTvl } from '../engine/projectTvl.js';
import type { ResolvedCase, ResolvedScenario } from '../scenario/resolveScenario.js';
import type { Quantiles } from '../engine/sample/quantiles.js';
import { simulateCase } from '../engine/sample/simulateCase.js';
import { buildTargetReport } from './buildTargetReport.js';
import { periodLabel } from './periodLabel.js';
import type { CaseReport, DecimalQuantiles, ProjectReport, ReportRow, ScenarioReport } from './types.js';

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

/** Projects every case of every scenario and labels the periods; samples the cases that have ranges. */
export function buildProjectReport(scenarios: readonly ResolvedScenario[], simulation: SimulationRequest | null = null): ProjectReport {
  const total = simulation === null ? 0 : scenarios.reduce((sum, s) => sum + s.cases.filter((c) => c.uncertain !== null).length, 0);
  let finished = 0;
  const projectCase = (scenario: ResolvedScenario, resolved: ResolvedCase): CaseReport => {
    const label = (year: number, subperiod: number): string => periodLabel(resolved.start, resolved.input.step, year, subperiod);
    if (simulation !== null && resolved.uncertain !== null) {
      const done = finished;
      const result = simulateCase(resolved.input, resolved.uncertain, resolved.target, {
        samples: simulation.samples,
        seed: simulation.seed,
        onProgress: (share) => simulation.onProgress?.(done + share, total),
      });
      finished += 1;
      if (!result.ok) {
        throw new SimulationOverflowError(scenario.name, resolved.name);
      }
      const points = projectTvl(resolved.input);
      const rows = result.rows.map((simulated, index): ReportRow => {
        const point = points[index]!;
        const tvl = toDecimals(simulated.tvl);
        const marketCap = simulated.marketCap === null ? null : toDecimals(simulated.marketCap);
        const utilization = simulated.utilization === null ? null : toDecimals(simulated.utilization);
        return {
          period: label(point.year, point.subperiod),
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
      return { name: resolved.name, rows: withChange, target, simulation: { samples: simulation.samples, seed: simulation.seed } };
    }
    const rows = projectTvl(resolved.input).map(
      (point): ReportRow => ({
        period: label(point.year, point.subperiod),
        index: point.index,
        marketCap: point.marketCap,
        utilization: point.utilization,
        tvl: point.tvl,
        change: point.change,
        quantiles: null,
      }),
    );
    const target = resolved.target === null ? null : buildTargetReport(resolved.target, resolved.input, rows);
    return { name: resolved.name, rows, target, simulation: null };
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

/** A float of the simulation as a decimal, at the border: 12 significant digits, deterministic. */
function decimal(value: number): D {
  return new D(value.toPrecision(SIMULATED_DIGITS));
}

function toDecimals(q: Quantiles): DecimalQuantiles {
  return { mean: decimal(q.mean), p5: decimal(q.p5), p25: decimal(q.p25), p50: decimal(q.p50), p75: decimal(q.p75), p95: decimal(q.p95) };
}
