import type { Command } from 'commander';
import { describeProgram, type CompletionCommand } from './describeProgram.js';
import { renderBashCompletion } from './renderBashCompletion.js';
import { renderFishCompletion } from './renderFishCompletion.js';
import { renderZshCompletion } from './renderZshCompletion.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const renderers = {
  bash: renderBashCompletion,
  zsh: renderZshCompletion,
  fish: renderFishCompletion,
} satisfies Record<Shell, (root: CompletionCommand, scenarios: readonly string[]) => string>;

/**
 * The completion script of `program` for a shell: its commands, options and choices as
 * commander holds them now, and `scenarioNames` for the arguments and options that take a
 * bundled scenario's name. Pure: the caller reads the names.
 */
export function makeCompletionScript(shell: Shell, program: Command, scenarioNames: readonly string[]): string {
  return renderers[shell](describeProgram(program), scenarioNames);
}
