import { projectTvl } from '../engine/projectTvl.js';
import type { ResolvedScenario } from '../scenario/resolveScenario.js';
import { buildTargetReport } from './buildTargetReport.js';
import { periodLabel } from './periodLabel.js';
import type { ProjectReport, ScenarioReport } from './types.js';

/** Projects every case of every scenario and labels the periods. */
export function buildProjectReport(scenarios: readonly ResolvedScenario[]): ProjectReport {
  return { scenarios: scenarios.map(projectScenario) };
}

function projectScenario(scenario: ResolvedScenario): ScenarioReport {
  return {
    name: scenario.name,
    title: scenario.title,
    source: scenario.source,
    unit: scenario.unit,
    whatIf: scenario.whatIf,
    cases: scenario.cases.map((resolved) => {
      const rows = projectTvl(resolved.input).map((point) => ({
        period: periodLabel(resolved.start, resolved.input.step, point.year, point.subperiod),
        index: point.index,
        marketCap: point.marketCap,
        utilization: point.utilization,
        tvl: point.tvl,
        change: point.change,
      }));
      const target = resolved.target === null ? null : buildTargetReport(resolved.target, resolved.input, rows);
      return { name: resolved.name, rows, target };
    }),
  };
}
