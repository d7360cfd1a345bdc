import type { Argument, Command, Option } from 'commander';

// What a shell needs to complete btcfi, read from the commander program itself, so that a new
// command, option or choice is completed without touching this folder.

/** How to complete a value: from a list, as a file, as a bundled scenario name, or not at all. */
export type ValueCompletion =
  | { readonly kind: 'choices'; readonly choices: readonly string[] }
  | { readonly kind: 'files' }
  /** A bundled scenario's name; `files` when a file may stand there too. */
  | { readonly kind: 'scenarios'; readonly files: boolean }
  /** A value the shell cannot guess (an amount, a rate, a name). */
  | { readonly kind: 'none' };

export interface CompletionOption {
  /** `-f` and `--format`; one of them for an option with only a short or long form. */
  readonly short: string | null;
  readonly long: string | null;
  /** The first line of its help. */
  readonly description: string;
  /** null for a flag (`--color`); how to complete its value otherwise. */
  readonly value: ValueCompletion | null;
  /** The name of its value in the help (`format`, `file`); null for a flag. */
  readonly valueName: string | null;
}

export interface CompletionArgument {
  readonly name: string;
  readonly value: ValueCompletion;
  readonly variadic: boolean;
}

export interface CompletionCommand {
  /** The words that lead to it: [] for the program, ['solve', 'growth'] for `btcfi solve growth`. */
  readonly path: readonly string[];
  readonly name: string;
  readonly description: string;
  /** Its own options, then those of its parents (commander accepts them after a subcommand too). */
  readonly options: readonly CompletionOption[];
  readonly arguments: readonly CompletionArgument[];
  /** Visible subcommands, with commander's `help` where it has one. */
  readonly subcommands: readonly CompletionCommand[];
}

/** The program's tree of visible commands, options and arguments, as commander's help sees it. */
export function describeProgram(program: Command): CompletionCommand {
  return describeCommand(program, [], []);
}

/** Every command of the tree, the program first, each before its subcommands. */
export function flattenCommands(root: CompletionCommand): CompletionCommand[] {
  return [root, ...root.subcommands.flatMap(flattenCommands)];
}

/**
 * `parents` are passed down rather than read from `command.parent`, which commander leaves
 * unset on its implicit `help` command.
 */
function describeCommand(command: Command, parents: readonly Command[], path: readonly string[]): CompletionCommand {
  const help = command.createHelp();
  const subcommands = help.visibleCommands(command);
  const inherited = parents.toReversed().flatMap((parent) => parent.options.filter((option) => !option.hidden));
  const parent = parents.at(-1);
  const siblings = parent === undefined ? [] : parent.createHelp().visibleCommands(parent).map((sub) => sub.name());
  return {
    path,
    name: command.name(),
    description: firstLine(command.summary() || command.description()),
    options: [...help.visibleOptions(command), ...inherited].map(describeOption),
    arguments: command.registeredArguments.map((argument) => describeArgument(argument, siblings)),
    subcommands: subcommands.map((sub) => describeCommand(sub, [...parents, command], [...path, sub.name()])),
  };
}

function describeOption(option: Option): CompletionOption {
  const takesValue = option.required || option.optional;
  const valueName = takesValue ? (/[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1] ?? 'value').replace(/\.\.\.$/, '') : null;
  return {
    short: option.short ?? null,
    long: option.long ?? null,
    description: firstLine(option.description),
    value: valueName === null ? null : optionValue(option, valueName),
    valueName,
  };
}

/** The rules that map btcfi's options to completions; everything else is read from commander. */
function optionValue(option: Option, valueName: string): ValueCompletion {
  if (option.argChoices !== undefined) {
    return { kind: 'choices', choices: option.argChoices };
  }
  if (option.long === '--scenario') {
    return { kind: 'scenarios', files: false };
  }
  if (valueName === 'file') {
    return { kind: 'files' };
  }
  return { kind: 'none' };
}

function describeArgument(argument: Argument, commands: readonly string[]): CompletionArgument {
  const name = argument.name();
  const value: ValueCompletion =
    argument.argChoices !== undefined
      ? { kind: 'choices', choices: argument.argChoices }
      : name === 'scenario'
        ? { kind: 'scenarios', files: true }
        : ['paths', 'path', 'file', 'files'].includes(name)
          ? { kind: 'files' }
          : name === 'command'
            ? { kind: 'choices', choices: commands.filter((command) => command !== 'help') }
            : { kind: 'none' };
  return { name, value, variadic: argument.variadic };
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
