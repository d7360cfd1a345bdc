import { Option, type Command } from 'commander';
import { buildCheckReport } from '../../report/buildCheckReport.js';
import { getExitCode } from '../getExitCode.js';
import { CHECK_FORMATS, checkRenderers, type CheckFormat } from '../../render/check/index.js';
import { formatIssue } from '../formatIssue.js';
import { loadScenarioSet } from '../../scenario/loadScenarios.js';
import type { CliContext } from '../context.js';
import { checkRowCap } from '../selectScenarios.js';

interface CheckOptions {
  readonly format: CheckFormat;
  readonly output?: string;
}

const EXAMPLES = `
Examples:
  $ btcfi check                          every expectation of the bundled ones
  $ btcfi check defi-2031 my-claims.yaml     a bundled scenario, and a file
  $ btcfi check --format junit -o btcfi.xml          a JUnit report for CI
  $ btcfi check --format markdown >> "$GITHUB_STEP_SUMMARY"    a CI summary
  $ btcfi check --format json | jq '.check'

Exit codes: 0 every expectation passed, 1 one failed, 2 a file is invalid
(the others are still checked).`;

export function addCheckCommand(program: Command, context: CliContext): void {
  program
    .command('check')
    .summary('check the expected figures of scenario files, for CI')
    .description(
      'Validate every file, project it, and evaluate its expectations (the expect: list).\nReports every expectation and every problem; with no path, the bundled scenarios.',
    )
    .argument('[paths...]', 'scenario files, directories of them, bundled scenario names (defi-2031), or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(CHECK_FORMATS).default('text'))
    .addOption(new Option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout'))
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], options: CheckOptions) => {
      const { io } = context;
      const set = await loadScenarioSet(paths, {}, io);
      checkRowCap(set.scenarios);
      const report = buildCheckReport(set.scenarios, set.issues);
      io.stderr(report.files.flatMap((file) => file.issues).map((issue) => formatIssue(issue, context.chalk.stderr)).join(''));
      const forPeople = options.format === 'text';
      const chalk = context.resultChalk(forPeople, options.output);
      // Markdown is for people too, in their language, without colour.
      const locale = forPeople || options.format === 'markdown' ? context.settings.locale : 'en-US';
      const text = checkRenderers[options.format](report, { digits: null, chalk, locale, width: context.width });
      await context.emit(text, options.output);
      context.setExitCode(getExitCode(report));
    });
}
