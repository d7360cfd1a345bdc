import type { Command } from 'commander';
import { scenarioJsonSchema } from '../../scenario/jsonSchema.js';
import type { CliContext } from '../context.js';

export function addSchemaCommand(program: Command, context: CliContext): void {
  program
    .command('schema')
    .summary('print the JSON Schema of scenario files, for editors')
    .description(
      'Print the JSON Schema (draft-07) of the scenario format, generated from btcfi\'s own validation.\nEditors with a YAML language server use it when a scenario file starts with\n  # yaml-language-server: $schema=PATH/TO/scenario.schema.json',
    )
    .addHelpText('after', '\nExamples:\n  $ btcfi schema > scenario.schema.json')
    .action(async () => {
      await context.emit(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`, undefined);
    });
}
