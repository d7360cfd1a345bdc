import { Option, type Command } from 'commander';
import { scenarioJsonSchema } from '../../scenario/jsonSchema.js';
import type { CliContext } from '../context.js';

/** The schema as btcfi schema prints it and init writes it. */
export function scenarioSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

export function addSchemaCommand(program: Command, context: CliContext): void {
  program
    .command('schema')
    .summary('print the JSON Schema of scenario files, for editors')
    .description(
      'Print the JSON Schema (draft-07) of the scenario format, generated from btcfi\'s own validation.\nEditors with a YAML language server use it when a scenario file starts with\n  # yaml-language-server: $schema=./btcfi.schema.json\nThe path is relative to the scenario file (btcfi init writes both).',
    )
    .addOption(new Option('-o, --output <file>', 'write the schema to a file (atomically) instead of stdout'))
    .addHelpText('after', '\nExamples:\n  $ btcfi schema -o btcfi.schema.json\n  $ btcfi schema -o claims/btcfi.schema.json   beside the scenarios of claims/')
    .action(async (options: { readonly output?: string }) => {
      await context.emit(scenarioSchemaText(), options.output);
    });
}
