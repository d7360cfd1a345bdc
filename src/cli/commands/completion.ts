import { Argument, type Command } from 'commander';
import { loadScenarioNames } from '../completion/loadScenarioNames.js';
import { makeCompletionScript, SHELLS, type Shell } from '../completion/makeCompletionScript.js';
import type { CliContext } from '../context.js';

const INSTALL = `
Examples: install it, then open a new shell
  bash  echo 'source <(btcfi completion bash)' >> ~/.bashrc
        or, with the bash-completion package, which loads it on first use:
        btcfi completion bash > ~/.local/share/bash-completion/completions/btcfi
  zsh   mkdir -p ~/.zfunc && btcfi completion zsh > ~/.zfunc/_btcfi
        and in ~/.zshrc, before compinit: fpath=(~/.zfunc $fpath)
  fish  btcfi completion fish > ~/.config/fish/completions/btcfi.fish

The script completes commands, options, the choices of --format and other
options, files, and the names of the bundled scenarios, as this version of btcfi
has them: write it again after an upgrade.`;

export function addCompletionCommand(program: Command, context: CliContext): void {
  program
    .command('completion')
    .summary('print a shell completion script (bash, zsh, fish)')
    .description('Print a script that completes btcfi\'s commands, options, format choices and bundled scenario names in your shell.')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .addHelpText('after', INSTALL)
    .action(async (shell: Shell) => {
      // The program as it is now: every command and option it has, this one included.
      await context.emit(makeCompletionScript(shell, program, await loadScenarioNames()), undefined);
    });
}
