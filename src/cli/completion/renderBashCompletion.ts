import { flattenCommands, type CompletionCommand, type ValueCompletion } from './describeProgram.js';
import { identifier, plainWord, plainWords, singleQuote } from './shellWords.js';

/**
 * A bash completion script (bash 3.2 and later, no bash-completion package needed): commands and
 * subcommands, each command's options, the choices of option values and arguments, files where
 * a file is expected, and the bundled scenario names.
 */
export function renderBashCompletion(root: CompletionCommand, scenarios: readonly string[]): string {
  const name = plainWord(root.name);
  const fn = `__${identifier(name)}`;
  const commands = flattenCommands(root);
  return (
    `# bash completion for ${name}, written by \`${name} completion bash\`.
# Load it in ~/.bashrc with: source <(${name} completion bash)

${fn}_scenarios=${singleQuote(plainWords(scenarios).join(' '))}

` +
    lookupFunctions(fn, commands, name) +
    valuesFunction(fn) +
    completeFunction(fn, name)
  );
}

/** The tables the script looks up: each command's subcommands, options, option values and arguments. */
function lookupFunctions(fn: string, commands: readonly CompletionCommand[], name: string): string {
  const key = (command: CompletionCommand): string => singleQuote(command.path.join(' '));
  const cases = (lines: readonly string[]): string => lines.join('\n');

  const subcommandCases = commands
    .filter((command) => command.subcommands.length > 0)
    .map((command) => `    ${key(command)}) echo ${singleQuote(command.subcommands.map((sub) => plainWord(sub.name)).join(' '))} ;;`);
  const optionCases = commands.map((command) => {
    const flags = command.options.flatMap((option) => [option.short, option.long].filter((flag) => flag !== null)).map(plainWord);
    return `    ${key(command)}) echo ${singleQuote(flags.join(' '))} ;;`;
  });
  const valueCases = commands.flatMap((command) =>
    command.options.flatMap((option) => {
      if (option.value === null) {
        return [];
      }
      const patterns = [option.short, option.long].filter((flag) => flag !== null).map((flag) => singleQuote(`${command.path.join(' ')}|${plainWord(flag)}`));
      return [`    ${patterns.join('|')}) echo ${singleQuote(kind(option.value))} ;;`];
    }),
  );
  const argumentCases = commands.flatMap((command) =>
    command.arguments.map((argument, index) => {
      const prefix = singleQuote(`${command.path.join(' ')}|`);
      const pattern = argument.variadic ? `${prefix}*` : `${prefix}${index}`;
      return `    ${pattern}) echo ${singleQuote(kind(argument.value))} ;;`;
    }),
  );


  return `# The subcommands of a command, by the words that lead to it ('' for ${name} itself).
${fn}_subcommands() {
  case "$1" in
${cases(subcommandCases)}
  esac
}

# The options of a command, its parents' included.
${fn}_options() {
  case "$1" in
${cases(optionCases)}
  esac
}

# How to complete the value of an option that takes one; fails for flags and unknown options.
${fn}_option_value() {
  case "$1|$2" in
${cases(valueCases)}
    *) return 1 ;;
  esac
}

# How to complete the command's positional argument number $2 (from 0).
${fn}_argument() {
  case "$1|$2" in
${cases(argumentCases)}
    *) return 1 ;;
  esac
}

`;
}

/** The function that adds the matches of a kind of value. */
function valuesFunction(fn: string): string {
  return `# Adds the matches of a kind of value (choices WORDS, scenarios, files) for $2, each after $3.
${fn}_values() {
  local kind=$1 cur=$2 prefix=$3 word
  local IFS=$'\\n'
  case $kind in
    'choices '*) for word in $(IFS=' '; compgen -W "\${kind#choices }" -- "$cur"); do COMPREPLY+=("$prefix$word"); done ;;
    scenarios*) for word in $(IFS=' '; compgen -W "\$${fn}_scenarios" -- "$cur"); do COMPREPLY+=("$prefix$word"); done ;;
  esac
  case $kind in
    *files)
      for word in $(compgen -f -- "$cur"); do COMPREPLY+=("$prefix$word"); done
      compopt -o filenames 2>/dev/null
      ;;
  esac
}

`;
}

/** The completion function itself, and its registration. */
function completeFunction(fn: string, name: string): string {
  return `_${identifier(name)}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} path='' value='' argc=0 dashdash='' i word kind subcommands
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    if [[ -n $value ]]; then
      # --format=csv reaches here as --format, =, csv when = breaks words (the default).
      [[ $word == '=' ]] && continue
      value=''
      continue
    fi
    if [[ -z $dashdash ]]; then
      case $word in
        --) dashdash=1; continue ;;
        --*=*) continue ;;
        -*) ${fn}_option_value "$path" "$word" >/dev/null && value=$word; continue ;;
      esac
    fi
    subcommands=" $(${fn}_subcommands "$path") "
    if [[ -z $dashdash && $argc -eq 0 && $subcommands == *" $word "* ]]; then
      path=\${path:+$path }$word
    else
      argc=$((argc + 1))
    fi
  done

  # The value of an option: --format <TAB>, --format=<TAB> (either way bash splits it).
  local option='' prefix=''
  if [[ -n $value ]]; then
    option=$value
    [[ $cur == '=' ]] && cur=''
  elif [[ -z $dashdash && $cur == --*=* ]]; then
    option=\${cur%%=*}
    prefix=$option=
    cur=\${cur#*=}
  fi
  if [[ -n $option ]]; then
    kind=$(${fn}_option_value "$path" "$option") && ${fn}_values "$kind" "$cur" "$prefix"
    return 0
  fi
  if [[ -z $dashdash && $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(${fn}_options "$path")" -- "$cur"))
    return 0
  fi
  subcommands=$(${fn}_subcommands "$path")
  if [[ -z $dashdash && -n $subcommands && $argc -eq 0 ]]; then
    COMPREPLY=($(compgen -W "$subcommands" -- "$cur"))
    return 0
  fi
  kind=$(${fn}_argument "$path" "$argc") && ${fn}_values "$kind" "$cur" ''
  return 0
}

complete -F _${identifier(name)} ${name}
`;
}

/** A value's completion as the script reads it. */
function kind(value: ValueCompletion): string {
  switch (value.kind) {
    case 'choices':
      return `choices ${value.choices.map(plainWord).join(' ')}`;
    case 'files':
      return 'files';
    case 'scenarios':
      return value.files ? 'scenarios files' : 'scenarios';
    case 'none':
      return 'none';
  }
}
