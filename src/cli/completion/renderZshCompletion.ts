import type { CompletionCommand, CompletionOption, ValueCompletion } from './describeProgram.js';
import { identifier, plainWord, plainWords, singleQuote } from './shellWords.js';

/**
 * A zsh completion script for compsys: one function per command, built on _arguments, with the
 * commands' and options' descriptions. Works as a file `_btcfi` in $fpath or sourced.
 */
export function renderZshCompletion(root: CompletionCommand, scenarios: readonly string[]): string {
  const name = plainWord(root.name);
  const base = `_${identifier(name)}`;
  const functionName = (command: CompletionCommand): string => [base, ...command.path.map(identifier)].join('__');
  const functions: string[] = [];
  const visit = (command: CompletionCommand): void => {
    functions.push(commandFunction(command, functionName, base));
    command.subcommands.forEach(visit);
  };
  visit(root);
  return `#compdef ${name}
# zsh completion for ${name}, written by \`${name} completion zsh\`.
# Save it as _${name} in a folder of $fpath, or load it in ~/.zshrc (after compinit) with:
#   source <(${name} completion zsh)

${base}_scenarios() {
  local -a scenarios
  scenarios=(${plainWords(scenarios).join(' ')})
  _describe -t scenarios 'bundled scenario' scenarios
}

${functions.join('\n\n')}

${base}() {
  ${functionName(root)}__command "$@"
}

if [[ $funcstack[1] == ${base} ]]; then
  ${base} "$@"
else
  compdef ${base} ${name}
fi
`;
}

function commandFunction(command: CompletionCommand, functionName: (command: CompletionCommand) => string, base: string): string {
  const specs = command.options.flatMap((option) => optionSpecs(option, base));
  const lines: string[] = [];
  if (command.subcommands.length > 0) {
    specs.push(singleQuote('1: :->command'), singleQuote('*:: :->argument'));
    const described = command.subcommands.map((sub) => singleQuote(`${plainWord(sub.name)}:${sub.description}`));
    const branches = command.subcommands.map((sub) => `        ${plainWord(sub.name)}) ${functionName(sub)}__command && ret=0 ;;`);
    lines.push(
      '  local curcontext=$curcontext state state_descr line ret=1',
      '  typeset -A opt_args',
      `  _arguments -C -S \\\n    ${specs.join(' \\\n    ')} && ret=0`,
      '  case $state in',
      '    command)',
      `      local -a commands`,
      `      commands=(\n        ${described.join('\n        ')}\n      )`,
      `      _describe -t commands ${singleQuote(`${[base.slice(1), ...command.path].join(' ')} command`)} commands && ret=0`,
      '      ;;',
      '    argument)',
      '      curcontext=${curcontext%:*:*}:' + `${[base.slice(1), ...command.path].join('-')}-$words[1]:`,
      '      case $words[1] in',
      ...branches,
      '      esac',
      '      ;;',
      '  esac',
      '  return ret',
    );
  } else {
    command.arguments.forEach((argument, index) => {
      const action = valueAction(argument.value, base);
      specs.push(singleQuote(argument.variadic ? `*:${argument.name}:${action}` : `${index + 1}:${argument.name}:${action}`));
    });
    lines.push(specs.length === 0 ? '  _message "no more arguments"' : `  _arguments -S \\\n    ${specs.join(' \\\n    ')}`);
  }
  return `${functionName(command)}__command() {\n${lines.join('\n')}\n}`;
}

/** `'*--format[output format]:format:(table csv json)'`, one for each of its flags. */
function optionSpecs(option: CompletionOption, base: string): string[] {
  const description = option.description.replace(/\\/g, '\\\\').replace(/\]/g, '\\]').replace(/\[/g, '\\[');
  const value = option.value === null ? '' : `:${option.valueName ?? 'value'}:${valueAction(option.value, base)}`;
  // Options with a value may be given more than once (--scenario a --scenario b).
  const repeat = option.value === null ? '' : '*';
  return [option.short, option.long]
    .filter((flag) => flag !== null)
    .map((flag) => singleQuote(`${repeat}${plainWord(flag)}[${description}]${value}`));
}

function valueAction(value: ValueCompletion, base: string): string {
  switch (value.kind) {
    case 'choices':
      return `(${value.choices.map(plainWord).join(' ')})`;
    case 'files':
      return '_files';
    case 'scenarios':
      return value.files ? `{${base}_scenarios; _files}` : `${base}_scenarios`;
    case 'none':
      return ' ';
  }
}
