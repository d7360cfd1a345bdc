import { Option, type Command } from 'commander';
import { LIST_FORMATS, listRenderers, type ListFormat } from '../../render/list/index.js';
import { buildListReport } from '../../report/buildListReport.js';
import { loadScenarios } from '../../scenario/loadScenarios.js';
import type { CliContext } from '../context.js';
import { checkRowCap } from '../selectScenarios.js';

interface ListOptions {
  readonly format: ListFormat;
}

export function addListCommand(program: Command, context: CliContext): void {
  program
    .command('list')
    .summary('list the bundled scenarios')
    .description('List scenarios with their titles, sources, cases and number of expectations.\nWith no path, the bundled scenarios.')
    .argument('[paths...]', 'scenario files, directories or bundled scenario names instead of all the bundled ones')
    .addOption(new Option('-f, --format <format>', 'output format').choices(LIST_FORMATS).default('table'))
    .addHelpText('after', '\nExamples:\n  $ btcfi list\n  $ btcfi list --format json | jq -r \'.scenarios[].name\'')
    .action(async (paths: string[], options: ListOptions) => {
      const scenarios = await loadScenarios(paths, {}, context.io);
      // A table draws the path of each scenario's first case.
      checkRowCap(scenarios.map((scenario) => ({ ...scenario, cases: scenario.cases.slice(0, 1) })));
      const report = buildListReport(scenarios);
      await context.emit(listRenderers[options.format](report, { chalk: context.resultChalk(options.format === 'table', undefined), width: context.width }), undefined);
    });
}
