import type { Command } from 'commander';
import { suggest } from '../../core/suggest.js';
import { UsageError } from '../errors.js';
import { quoted } from '../../core/visibleText.js';

/**
 * `help [command]` for a command that has subcommands (btcfi, btcfi solve), in place of
 * commander's own, which answers a name it does not know with the whole help on stderr. This one
 * says so in one line, with the nearest command when the name looks like a typo of one. Names
 * after the first go down the tree (`btcfi help solve growth`). Added after the other
 * subcommands, it is listed last, where commander lists its own.
 */
export function addHelpCommand(parent: Command): void {
  parent
    .command('help')
    .description('display help for command')
    .argument('[command]')
    .allowExcessArguments()
    .action((_name: string | undefined, _options: unknown, help: Command) => {
      let command = parent;
      for (const name of help.args) {
        const found = command.commands.find((candidate) => candidate.name() === name || candidate.aliases().includes(name));
        if (found === undefined) {
          const near = suggest(name, command.commands.map((candidate) => candidate.name()).filter((known) => known !== 'help'));
          throw new UsageError(`unknown command ${quoted(name)}`, near === null ? null : `did you mean ${near}?`);
        }
        command = found;
      }
      command.help();
    });
}
