import type { Command } from 'commander';
import { describeFsError } from '../../scenario/loadScenarioTexts.js';
import { NAME_PATTERN } from '../../scenario/schema.js';
import { UsageError } from '../errors.js';
import type { CliContext } from '../context.js';
import { writeFileAtomic } from '../writeFileAtomic.js';
import { scenarioSchemaText } from './schema.js';
import { quoted } from '../../core/visibleText.js';

/**
 * The schema file init writes beside the scenario. The scenario names it relative to itself,
 * as yaml-language-server resolves it: the line stays true when the folder is committed, moved
 * or cloned elsewhere, where a path into the installed program would not.
 */
export const INIT_SCHEMA_FILE = 'btcfi.schema.json';

/** The starter scenario; `schemaPath` as its first line gives it, relative to the file. */
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
    .description(`Write NAME.yaml, a commented starter scenario that validates and checks, and ${INIT_SCHEMA_FILE} beside it\n(when none is there) for editors: the scenario's first line names it. Never overwrites a file.`)
    .argument('[name]', 'scenario and file name: lowercase letters, digits and hyphens', 'scenario')
    .addHelpText('after', '\nExamples:\n  $ btcfi init demo && btcfi check demo.yaml')
    .action(async (given: string) => {
      const name = given.replace(/\.ya?ml$/i, '');
      if (!NAME_PATTERN.test(name)) {
        throw new UsageError(`${quoted(given)} is not a scenario name`, 'use lowercase letters, digits and hyphens, like my-claim');
      }
      const file = `${name}.yaml`;
      // Whole or not at all, and never over an existing file.
      const wrote = await writeNew(file, starterScenario(name, `./${INIT_SCHEMA_FILE}`));
      if (!wrote) {
        throw new UsageError(`cannot write ${file}: the file already exists`, 'choose another name, or remove the file first');
      }
      // A schema already there is kept: it may be one the user made with btcfi schema -o.
      const wroteSchema = await writeNew(INIT_SCHEMA_FILE, scenarioSchemaText());
      context.notice(`btcfi: wrote ${file}${wroteSchema ? ` and ${INIT_SCHEMA_FILE}` : ''}; try: btcfi check ${file}\n`);
    });
}

/** Writes a file that is not there yet, atomically: false when one is there already. */
async function writeNew(file: string, text: string): Promise<boolean> {
  try {
    await writeFileAtomic(file, text, { exclusive: true });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw new UsageError(`cannot write ${file}: ${describeFsError(error)}`, null);
  }
}
