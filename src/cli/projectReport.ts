import { buildProjectReport } from '../report/buildProjectReport.js';
import type { ProjectReport } from '../report/types.js';
import { loadScenarios, UnknownSelectionError, type FieldFlags } from '../scenario/loadScenarios.js';
import { notAppliedNotes } from '../scenario/whatIfFlags.js';
import { visible } from '../core/visibleText.js';
import type { CliContext } from './context.js';
import { makeProgress } from './progress.js';
import { checkRowCap, selectionUsageError } from './selectScenarios.js';

/** The flags that choose and vary what `project` and `report` compute: scenarios, cases, what-ifs, sampling. */
export interface ProjectSelection extends FieldFlags {
  readonly scenario?: string[];
  readonly case?: string[];
  readonly samples: number;
  readonly seed: number;
}

/**
 * Reads the paths (the bundled scenarios without one), keeps the scenarios and cases asked for,
 * applies the what-ifs to them (filters first: a what-if is checked against what is selected,
 * with a note where it does not apply), and projects them.
 */
export async function loadProjectReport(paths: readonly string[], options: ProjectSelection, context: CliContext): Promise<ProjectReport> {
  const scenarios = await loadScenarios(paths, options, context.io, { scenarios: options.scenario, cases: options.case }).catch((error: unknown) => {
    throw error instanceof UnknownSelectionError ? selectionUsageError(error) : error;
  });
  checkRowCap(scenarios);
  for (const note of notAppliedNotes(scenarios)) {
    context.notice(`${context.chalk.stderr.cyan('btcfi: note:')} ${visible(note)}\n`);
  }
  const progress = makeProgress(context);
  const report = buildProjectReport(scenarios, { samples: options.samples, seed: options.seed, onProgress: progress.update });
  progress.end();
  return report;
}
