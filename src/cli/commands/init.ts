import type { Command } from 'commander';
import { dirname, join, relative, resolve } from 'node:path';
import { describeFsError } from '../../scenario/loadScenarioTexts.js';
import { NAME_PATTERN } from '../../scenario/schema.js';
import { UsageError } from '../errors.js';
import { BUNDLED_SCENARIOS } from '../loadScenarios.js';
import type { CliContext } from '../program.js';
import { writeFileAtomic } from '../writeFileAtomic.js';

/** The JSON Schema shipped beside the bundled scenarios, whether run from dist/cli/ or from src/. */
export const SCHEMA_FILE = join(BUNDLED_SCENARIOS, '..', 'schema', 'scenario.schema.json');

export function starterScenario(name: string, schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}
# A btcfi scenario. Run it with:  btcfi project ${name}.yaml
# Check its expectations with:     btcfi check ${name}.yaml
name: ${name}
title: BTCFi at 5% of a $2T bitcoin, growing 10% a year
source: where the claim comes from (an article, a report, a dashboard)
unit: USD            # USD or BTC
start: 2026          # first calendar year; leave out to count periods +0, +1, ...
years: 5             # horizon in whole years, 0 to 200
step: year           # year, quarter or month

# Either a TVL that compounds at growth ...
#   tvl: 100B
# ... or a market cap that compounds, times the share of it that is locked:
market_cap: 2T       # 2T, $2T, 2,000,000,000,000, 2e12; 91,332 BTC for unit BTC
utilization: 5%      # or a ramp: {from: 5%, to: 10%}
growth: 10%          # per year; or phases: [{years: 2, rate: 20%}, {years: 3, rate: 5%}]

# Named variants; each overrides any of the fields above.
cases:
  base: {}
  bull: {utilization: 10%}

# Figures the scenario must reproduce; btcfi check fails when they drift.
expect:
  - {case: base, period: 2026, tvl: 100B}                 # exact
  - {case: base, period: 2031, tvl: 161B, within: 0.1%}   # relative tolerance
  - {case: bull, period: 2031, tvl: {at_least: 300B}}     # a bound
`;
}

export function addInitCommand(program: Command, context: CliContext): void {
  program
    .command('init')
    .summary('write a commented starter scenario')
    .description('Write NAME.yaml, a commented starter scenario that validates and checks. Never overwrites a file.')
    .argument('[name]', 'scenario and file name: lowercase letters, digits and hyphens', 'scenario')
    .addHelpText('after', '\nExamples:\n  $ btcfi init demo && btcfi check demo.yaml')
    .action(async (given: string) => {
      const name = given.replace(/\.ya?ml$/i, '');
      if (!NAME_PATTERN.test(name)) {
        throw new UsageError(`'${given}' is not a scenario name`, 'use lowercase letters, digits and hyphens, like my-claim');
      }
      const file = `${name}.yaml`;
      const schemaPath = relative(dirname(resolve(file)), SCHEMA_FILE).split('\\').join('/');
      try {
        // Whole or not at all, and never over an existing file.
        await writeFileAtomic(file, starterScenario(name, schemaPath), { exclusive: true });
      } catch (error) {
        const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
        throw new UsageError(`cannot write ${file}: ${exists ? 'the file already exists' : describeFsError(error)}`, exists ? 'choose another name, or remove the file first' : null);
      }
      context.notice(`btcfi: wrote ${file}; try: btcfi check ${file}\n`);
    });
}
