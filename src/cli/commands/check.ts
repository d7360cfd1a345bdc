import { Option, type Command } from 'commander';
import { buildCheckReport, CHECK_SIMULATION } from '../../report/buildCheckReport.js';
import { getExitCode } from '../getExitCode.js';
import { CHECK_FORMATS, checkRenderers, type CheckFormat } from '../../render/check/index.js';
import { formatIssue } from '../formatIssue.js';
import { loadScenarioSet } from '../../scenario/loadScenarios.js';
import type { CliContext } from '../context.js';
import { checkRowCap, selectForCheck } from '../selectScenarios.js';
import { addFilterFlags, parseSamples, parseSeed } from '../options.js';
import type { CheckReport } from '../../report/checkTypes.js';
import { visible } from '../../core/visibleText.js';

interface CheckOptions {
  readonly format: CheckFormat;
  readonly output?: string;
  readonly scenario?: string[];
  readonly case?: string[];
  readonly samples: number;
  readonly seed: number;
}

const EXAMPLES = `
Examples:
  $ btcfi check                          every expectation of the bundled ones
  $ btcfi check defi-2031 my-claims.yaml     a bundled scenario, and a file
  $ btcfi check --format junit -o btcfi.xml          a JUnit report for CI
  $ btcfi check --format markdown >> "$GITHUB_STEP_SUMMARY"    a CI summary
  $ btcfi check --format json | jq '.check'
  $ btcfi check -s defi-2031 -c exact      one scenario's expectations, one case

Exit codes: 0 every expectation passed, 1 one failed or none was evaluated,
2 a file is invalid
(the others are still checked).`;

export function addCheckCommand(program: Command, context: CliContext): void {
  const command = program
    .command('check')
    .summary('check the expected figures of scenario files, for CI')
    .description(
      'Validate every file, project it, and evaluate its expectations (the expect: list).\nReports every expectation and every problem; with no path, the bundled scenarios.',
    )
    .argument('[paths...]', 'scenario files, directories of them, bundled scenario names (defi-2031), or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(CHECK_FORMATS).default('text'))
    .addOption(new Option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout'))
    .addOption(new Option('--samples <n>', 'paths sampled for p50, p_target and the like').argParser(parseSamples).default(CHECK_SIMULATION.samples, '10,000'))
    .addOption(new Option('--seed <s>', 'seed of the random generator, as project takes it').argParser(parseSeed).default(CHECK_SIMULATION.seed));
  addFilterFlags(command);
  command
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], options: CheckOptions) => {
      const { io } = context;
      const set = await loadScenarioSet(paths, {}, io);
      const scenarios = selectForCheck(set.scenarios, options.scenario, options.case);
      checkRowCap(scenarios);
      const report = buildCheckReport(scenarios, set.issues, { samples: options.samples, seed: options.seed });
      io.stderr(report.files.flatMap((file) => file.issues).map((issue) => formatIssue(issue, context.chalk.stderr)).join(''));
      noteUnchecked(report, context);
      const forPeople = options.format === 'text';
      const chalk = context.resultChalk(forPeople, options.output);
      // Markdown is for people too, in their language, without colour.
      const locale = forPeople || options.format === 'markdown' ? context.settings.locale : 'en-US';
      const text = checkRenderers[options.format](report, { digits: null, chalk, locale, width: context.width });
      await context.emit(text, options.output);
      context.setExitCode(getExitCode(report));
    });
}

/** A note naming the files of which nothing was evaluated: no expect: list, or none for the cases chosen. */
function noteUnchecked(report: CheckReport, context: CliContext): void {
  const unchecked = report.files.filter((file) => file.issues.length === 0 && file.results.length === 0).map((file) => visible(file.file));
  if (unchecked.length > 0) {
    const what = unchecked.length === 1 ? `${unchecked[0]} has` : `${unchecked.length} files have`;
    const list = unchecked.length === 1 ? '' : `: ${unchecked.join(', ')}`;
    context.notice(`${context.chalk.stderr.cyan('btcfi: note:')} ${what} no expectation to evaluate (no expect: list, or none for the cases chosen)${list}\n`);
  }
}
