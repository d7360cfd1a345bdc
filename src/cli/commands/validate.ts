import type { Command } from 'commander';
import { renderValidText } from '../../render/check/renderValidText.js';
import { buildCheckReport } from '../../report/buildCheckReport.js';
import { ExitCode } from '../exitCodes.js';
import { formatIssue } from '../formatIssue.js';
import { loadScenarioSet } from '../../scenario/loadScenarios.js';
import type { CliContext } from '../context.js';
import { checkRowCap } from '../selectScenarios.js';

export function addValidateCommand(program: Command, context: CliContext): void {
  program
    .command('validate')
    .summary('only validate scenario files: exit 0 or 2')
    .description('Validate scenario files, expectations included, without evaluating anything.\nPrints one line per valid file; problems go to stderr with FILE:LINE:COL.')
    .argument('[paths...]', 'scenario files, directories of them, bundled scenario names (defi-2031), or - for standard input')
    .addHelpText('after', '\nExamples:\n  $ btcfi validate my-claims/ defi-2031\n  $ btcfi validate my.yaml && echo valid')
    .action(async (paths: string[]) => {
      const { io } = context;
      const set = await loadScenarioSet(paths, {}, io);
      checkRowCap(set.scenarios);
      // Expectations can only be validated against a projection: which periods and cases exist.
      // Whether a case is sampled (for p50, p_target) does not depend on how many paths: one will do.
      const report = buildCheckReport(set.scenarios, set.issues, { samples: 1, seed: 1 });
      io.stderr(report.files.flatMap((file) => file.issues).map((issue) => formatIssue(issue, context.chalk.stderr)).join(''));
      await context.emit(renderValidText(report, { chalk: context.resultChalk(true, undefined) }), undefined);
      context.setExitCode(report.invalid > 0 ? ExitCode.badInput : ExitCode.ok);
    });
}
