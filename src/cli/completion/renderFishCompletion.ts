import { flattenCommands, type CompletionCommand, type ValueCompletion } from './describeProgram.js';
import { identifier, plainWord, plainWords } from './shellWords.js';

/**
 * A fish completion script: helper functions that find the command being completed, then one
 * `complete` line for each subcommand, option and argument.
 */
export function renderFishCompletion(root: CompletionCommand, scenarios: readonly string[]): string {
  const name = plainWord(root.name);
  const fn = `__${identifier(name)}`;
  const commands = flattenCommands(root);
  const pathText = (command: CompletionCommand): string => command.path.join(' ');
  const names = plainWords(scenarios).join(' ');

  const commandPaths = commands.filter((command) => command.path.length > 0).map((command) => fishQuote(pathText(command)));
  const valueOptions = commands.flatMap((command) =>
    command.options.flatMap((option) =>
      option.value === null ? [] : [option.short, option.long].filter((flag) => flag !== null).map((flag) => fishQuote(`${pathText(command)}|${plainWord(flag)}`)),
    ),
  );
  const variadic = commands.filter((command) => command.arguments.at(-1)?.variadic === true).map((command) => fishQuote(pathText(command)));

  return (
    `# fish completion for ${name}, written by \`${name} completion fish\`.
# Save it as ~/.config/fish/completions/${name}.fish, or load it with: ${name} completion fish | source

` +
    stateFunctions(fn, name, valueOptions, commandPaths, variadic) +
    `${completeLines(fn, name, commands, names).join('\n')}\n`
  );
}

/** The functions that find the command being completed and how many arguments it has. */
function stateFunctions(fn: string, name: string, valueOptions: readonly string[], commandPaths: readonly string[], variadic: readonly string[]): string {
  return `# The command being completed ('' for ${name} itself, 'solve growth'), then how many arguments it has.
function ${fn}_state
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l path ''
    set -l argc 0
    set -l skip 0
    set -l dashdash 0
    for token in $tokens
        if test $skip -eq 1
            set skip 0
            continue
        end
        if test $dashdash -eq 0
            switch $token
                case --
                    set dashdash 1
                    continue
                case '--*=*'
                    continue
                case '-*'
                    if contains -- "$path|$token" ${valueOptions.join(' ')}
                        set skip 1
                    end
                    continue
            end
        end
        set -l next (string join ' ' -- $path $token | string trim)
        if test $dashdash -eq 0 -a $argc -eq 0; and contains -- $next ${commandPaths.join(' ')}
            set path $next
        else
            set argc (math $argc + 1)
        end
    end
    echo $path
    echo $argc
end

# Whether the command being completed is $argv[1].
function ${fn}_at
    set -l state (${fn}_state)
    test "$state[1]" = "$argv[1]"
end

# Whether the command being completed is $argv[1] and the word is its argument number $argv[2] (from 0).
function ${fn}_argument
    set -l state (${fn}_state)
    test "$state[1]" = "$argv[1]"; or return 1
    test "$state[2]" -eq "$argv[2]"; and return 0
    contains -- "$argv[1]" ${variadic.join(' ')}; and test "$state[2]" -ge "$argv[2]"
end

`;
}

/** One `complete` line for each subcommand, option and argument. */
function completeLines(fn: string, name: string, commands: readonly CompletionCommand[], names: string): string[] {
  const pathText = (command: CompletionCommand): string => command.path.join(' ');
  const lines: string[] = [`complete -c ${name} -f`];
  for (const command of commands) {
    const at = `${fn}_at ${fishQuote(pathText(command))}`;
    for (const sub of command.subcommands) {
      lines.push(`complete -c ${name} -n ${fishQuote(`${fn}_argument ${fishQuote(pathText(command))} 0`)} -a ${plainWord(sub.name)} -d ${fishQuote(sub.description)}`);
    }
    for (const option of command.options) {
      const flags = [option.short === null ? '' : ` -s ${plainWord(option.short).replace(/^-/, '')}`, option.long === null ? '' : ` -l ${plainWord(option.long).replace(/^--/, '')}`].join('');
      lines.push(`complete -c ${name} -n ${fishQuote(at)}${flags}${option.value === null ? '' : valueFlags(option.value, names)} -d ${fishQuote(option.description)}`);
    }
    command.arguments.forEach((argument, index) => {
      const condition = fishQuote(`${fn}_argument ${fishQuote(pathText(command))} ${index}`);
      const flags = argumentFlags(argument.value, names);
      if (flags !== null) {
        lines.push(`complete -c ${name} -n ${condition}${flags} -d ${fishQuote(argument.value.kind === 'scenarios' ? 'bundled scenario' : argument.name)}`);
      }
    });
  }

  return lines;
}

/** How an option's value completes: -x (a value, no files) with its words, or -r -F for a file. */
function valueFlags(value: ValueCompletion, scenarios: string): string {
  switch (value.kind) {
    case 'choices':
      return ` -x -a ${fishQuote(value.choices.map(plainWord).join(' '))}`;
    case 'files':
      return ' -r -F';
    case 'scenarios':
      return value.files ? ` -r -F -a ${fishQuote(scenarios)}` : ` -x -a ${fishQuote(scenarios)}`;
    case 'none':
      return ' -x';
  }
}

/** How a positional argument completes; null when fish cannot help. */
function argumentFlags(value: ValueCompletion, scenarios: string): string | null {
  switch (value.kind) {
    case 'choices':
      return ` -a ${fishQuote(value.choices.map(plainWord).join(' '))}`;
    case 'files':
      return ' -F';
    case 'scenarios':
      return value.files ? ` -F -a ${fishQuote(scenarios)}` : ` -a ${fishQuote(scenarios)}`;
    case 'none':
      return null;
  }
}

/** `'text'` for fish, where only \\ and ' are special inside single quotes. */
function fishQuote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
