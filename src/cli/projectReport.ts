import { buildProjectReport } from '../report/buildProjectReport.js';
import type { ProjectReport } from '../report/types.js';
import { loadScenarios, type FieldFlags } from '../scenario/loadScenarios.js';
import type { CliContext } from './context.js';
import { makeProgress } from './progress.js';
import { checkRowCap, selectScenarios } from './selectScenarios.js';

/** The flags that choose and vary what `project` and `report` compute: scenarios, cases, what-ifs, sampling. */
export interface ProjectSelection extends FieldFlags {
  readonly scenario?: string[];
  readonly case?: string[];
  readonly samples: number;
  readonly seed: number;
}

/** Reads the paths (the bundled scenarios without one), keeps the scenarios and cases asked for, and projects them. */
export async function loadProjectReport(paths: readonly string[], options: ProjectSelection, context: CliContext): Promise<ProjectReport> {
  const scenarios = selectScenarios(await loadScenarios(paths, options, context.io), options.scenario, options.case);
  checkRowCap(scenarios);
  const progress = makeProgress(context);
  const report = buildProjectReport(scenarios, { samples: options.samples, seed: options.seed, onProgress: progress.update });
  progress.end();
  return report;
}
