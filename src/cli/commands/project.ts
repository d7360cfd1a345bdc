import { Option, type Command } from 'commander';
import { FORMATS, renderers } from '../../render/index.js';
import { CSV_LAYOUTS, type CsvLayout, type Format } from '../../render/options.js';
import { parseCsvFlags } from '../csvFlags.js';
import { UsageError } from '../errors.js';
import { addFieldFlags, addFilterFlags, parseDigits, parseSamples, parseSeed } from '../options.js';
import { DEFAULT_WIDTH, type CliContext } from '../context.js';
import { loadProjectReport, type ProjectSelection } from '../projectReport.js';

interface ProjectOptions extends ProjectSelection {
  readonly format: Format;
  readonly digits?: number;
  readonly output?: string;
  readonly chart?: boolean;
  readonly columns?: string;
  readonly layout?: CsvLayout;
  readonly log?: boolean;
}

const EXAMPLES = `
Examples:
  the bundled scenarios of the source article:
  $ btcfi project
  a bundled scenario by name, as CSV:
  $ btcfi project defi-2031 --format csv > defi.csv
  one column per case, the shape a spreadsheet charts:
  $ btcfi project --format csv --layout wide
  a chart of each scenario, on a log scale:
  $ btcfi project --format svg --log -o charts.svg
  one inline scenario, 5% of $2T:
  $ btcfi project --market-cap 2T --utilization 5%
  $ btcfi project --tvl 238.5B --growth 26.4% --years 5 --start 2026 -f json
  what if everything grew 10% a year?
  $ btcfi project --growth 10%
  a scenario on standard input, as a markdown table for a pull request:
  $ cat my.yaml | btcfi project - --format markdown
  ranges are sampled: medians and percentiles:
  $ btcfi project --market-cap 2T --utilization '5% to 10%' --seed 7`;

export function addProjectCommand(program: Command, context: CliContext): void {
  const command = program
    .command('project')
    .summary('project TVL paths from scenario files')
    .description('Project the TVL path of every scenario and case, exactly, as a table, CSV, JSON or SVG charts.\nWith no path, the bundled scenarios of the source article.')
    .argument('[paths...]', 'scenario files (.yaml, .yml, .json), directories of them, bundled scenario names (defi-2031), or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('table'))
    .addOption(new Option('--digits <n>', 'round figures to n significant digits (tables 4, CSV and JSON 40 unless told)').argParser(parseDigits))
    .addOption(new Option('--columns <names>', 'CSV columns to write, in this order (scenario,period,tvl); see the README for all'))
    .addOption(new Option('--layout <layout>', 'CSV layout: long (a row per case and period) or wide (a row per period, a column per case)').choices(CSV_LAYOUTS))
    .addOption(new Option('-o, --output <file>', 'write the result to a file (atomically) instead of stdout'))
    .addOption(new Option('--samples <n>', 'paths to sample for scenarios with ranges (5% to 10%)').argParser(parseSamples).default(10_000, '10,000'))
    .addOption(new Option('--chart', 'draw a chart of each TVL path under its table, and for ranges a histogram of the last period (on a terminal by default)'))
    .addOption(new Option('--no-chart', 'no chart, even on a terminal'))
    .addOption(new Option('--log', 'SVG charts on a log scale'))
    .addOption(new Option('--seed <s>', 'seed of the random generator: the same seed gives the same output').argParser(parseSeed).default(1));
  addFilterFlags(command);
  addFieldFlags(command, ['target', 'end']);
  command.addHelpText('after', EXAMPLES).action(async (paths: string[], options: ProjectOptions) => {
    const csv = parseCsvFlags(options.format, options.columns, options.layout);
    const report = await loadProjectReport(paths, options, context);
    // Charts are pictures for people: tables only, on a terminal unless asked, never into a file.
    const charted = options.format === 'table' && options.output === undefined && (options.chart ?? context.io.stdoutIsTTY);
    const pieces = renderers[options.format](report, {
      digits: options.digits ?? null,
      chalk: context.resultChalk(options.format === 'table', options.output),
      locale: context.settings.locale,
      chartWidth: charted ? Math.min(context.width ?? DEFAULT_WIDTH, 100) : null,
      width: context.width,
      csv,
      log: options.log === true,
    });
    // Rows are computed as they are written: memory stays flat however many there are.
    await context.emit(pieces, options.output);
  });
}
