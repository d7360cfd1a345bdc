import type { Unit } from '../core/unit.js';
import type { D } from '../engine/decimal.js';
import { projectTvl } from '../engine/projectTvl.js';
import type { ResolvedScenario } from '../scenario/resolveScenario.js';

/** One scenario as `btcfi list` shows it. */
export interface ListEntry {
  readonly name: string;
  readonly title: string | null;
  readonly source: string | null;
  readonly file: string;
  readonly unit: Unit;
  /** The names of its cases; empty for a scenario without cases. */
  readonly cases: readonly string[];
  readonly expectations: number;
  /** The TVL path of its first case, period by period: computed when asked for (tables draw it). */
  readonly firstPath: () => readonly D[];
}

export interface ListReport {
  readonly scenarios: readonly ListEntry[];
}

/** What `btcfi list` shows of each scenario. */
export function buildListReport(scenarios: readonly ResolvedScenario[]): ListReport {
  return {
    scenarios: scenarios.map((scenario) => ({
      name: scenario.name,
      title: scenario.title,
      source: scenario.source,
      file: scenario.file,
      unit: scenario.unit,
      cases: scenario.cases.flatMap((c) => (c.name === null ? [] : [c.name])),
      expectations: scenario.expectations.length,
      firstPath: () => projectTvl(scenario.cases[0]!.input).map((point) => point.tvl),
    })),
  };
}
