import { Option, type Command } from 'commander';
import { projectTvl } from '../../engine/projectTvl.js';
import { renderSparkline } from '../../render/chart/renderSparkline.js';
import { JSON_VERSION } from '../../render/renderJson.js';
import { loadScenarios } from '../../scenario/loadScenarios.js';
import type { CliContext } from '../context.js';

interface ListOptions {
  readonly format: 'table' | 'json';
}

export function addListCommand(program: Command, context: CliContext): void {
  program
    .command('list')
    .summary('list the bundled scenarios')
    .description('List scenarios with their titles, sources, cases and number of expectations.\nWith no path, the bundled scenarios.')
    .argument('[paths...]', 'scenario files or directories instead of the bundled ones')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addHelpText('after', '\nExamples:\n  $ btcfi list\n  $ btcfi list --format json | jq -r \'.scenarios[].name\'')
    .action(async (paths: string[], options: ListOptions) => {
      const scenarios = await loadScenarios(paths, {}, context.io);
      const entries = scenarios.map((scenario) => ({
        name: scenario.name,
        title: scenario.title,
        source: scenario.source,
        file: scenario.file,
        unit: scenario.unit,
        cases: scenario.cases.flatMap((c) => (c.name === null ? [] : [c.name])),
        expectations: scenario.expectations.length,
      }));
      if (options.format === 'json') {
        await context.emit(`${JSON.stringify({ btcfi: JSON_VERSION, scenarios: entries }, null, 2)}\n`, undefined);
        return;
      }
      const chalk = context.resultChalk(true, undefined);
      const width = Math.max(...entries.map((entry) => entry.name.length));
      const pad = ' '.repeat(width + 2);
      const blocks = entries.map((entry, i) => {
        // The shape of the first case's TVL path, one block a period.
        const spark = renderSparkline(projectTvl(scenarios[i]!.cases[0]!.input).map((point) => point.tvl), 24);
        const counts = [
          entry.cases.length === 0 ? 'no cases' : `cases ${entry.cases.join(', ')}`,
          `${entry.expectations} ${entry.expectations === 1 ? 'expectation' : 'expectations'}`,
          entry.unit,
        ].join(' · ');
        const lines = [`${chalk.bold(entry.name.padEnd(width))}  ${entry.title ?? ''}`, `${pad}${chalk.dim(counts)}${spark.length > 1 ? `  ${chalk.cyan(spark)}` : ''}`];
        if (entry.source !== null) {
          lines.push(`${pad}${chalk.dim(entry.source)}`);
        }
        return lines.join('\n');
      });
      await context.emit(`${blocks.join('\n')}\n`, undefined);
    });
}
