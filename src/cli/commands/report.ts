import { Option, type Command } from 'commander';
import { addFieldFlags, addFilterFlags, parseSamples, parseSeed } from '../options.js';
import type { CliContext } from '../context.js';
import { loadProjectReport, type ProjectSelection } from '../projectReport.js';

interface ReportOptions extends ProjectSelection {
  readonly output?: string;
  readonly log?: boolean;
}

const EXAMPLES = `
Examples:
  $ btcfi report -o report.html            the bundled scenarios, as one page
  $ btcfi report defi-2031 btcfi-5-10 -o defi.html
  $ btcfi report claims/ --growth 10% -o what-if.html
  $ btcfi report docs/examples/btcfi-5-10-range.yaml -o range.html

The page holds everything it shows (style and charts inline, no script, nothing
fetched), reads in light and dark, and prints on A4. Each figure carries its
exact value, as btcfi project --format json writes it, in data-value.`;

export function addReportCommand(program: Command, context: CliContext): void {
  const command = program
    .command('report')
    .summary('an HTML report of scenarios: tables and charts in one file')
    .description(
      'Write one self-contained HTML page of every scenario and case: title, source, table, chart and targets.\n' +
        'Chooses and varies scenarios as btcfi project does. With no path, the bundled scenarios of the source article.',
    )
    .argument('[paths...]', 'scenario files (.yaml, .yml, .json), directories of them, bundled scenario names (defi-2031), or - for standard input')
    .addOption(new Option('-o, --output <file>', 'write the page to a file (atomically) instead of stdout'))
    .addOption(new Option('--log', 'charts on a log scale'))
    .addOption(new Option('--samples <n>', 'paths to sample for scenarios with ranges (5% to 10%)').argParser(parseSamples).default(10_000, '10,000'))
    .addOption(new Option('--seed <s>', 'seed of the random generator: the same seed gives the same page').argParser(parseSeed).default(1));
  addFilterFlags(command);
  addFieldFlags(command, ['target']);
  command.addHelpText('after', EXAMPLES).action(async (paths: string[], options: ReportOptions) => {
    const report = await loadProjectReport(paths, options, context);
    // The page's code is loaded only by this command: the other commands start as fast as before.
    const { renderHtml } = await import('../../render/html/renderHtml.js');
    await context.emit(renderHtml(report, { locale: context.settings.locale, log: options.log === true, chalk: context.resultChalk(false, options.output) }), options.output);
  });
}
