import { quoted, visibleLines } from '../core/visibleText.js';
import { Command, InvalidArgumentError, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { addProjectCommand } from './commands/project.js';
import { DEFAULT_WIDTH, MIN_WIDTH, parseWidthText, type CliContext } from './context.js';
import { addCheckCommand } from './commands/check.js';
import { addInitCommand } from './commands/init.js';
import { addListCommand } from './commands/list.js';
import { addSchemaCommand } from './commands/schema.js';
import { addSolveCommand } from './commands/solve.js';
import { addValidateCommand } from './commands/validate.js';
import { addCompletionCommand } from './commands/completion.js';
import { addGridCommand } from './commands/grid.js';
import { addReportCommand } from './commands/report.js';
import { addHelpCommand } from './commands/help.js';

const EXAMPLES = `
Examples:
  $ btcfi project                               tables of the bundled scenarios
  $ btcfi project --market-cap 2T --utilization 5%          5% of a $2T bitcoin
  $ btcfi project defi-2031 --format csv > defi.csv
  $ btcfi check --format junit -o btcfi.xml     every expected figure, for CI
  $ btcfi report -o report.html                 tables and charts in one page

Exit codes: 0 ok, 1 an expectation failed, 2 bad input, 3 internal error.`;

/** The commands, in the order help lists them. */
const COMMANDS: readonly (readonly [string, (program: Command, context: CliContext) => void])[] = [
  ['project', addProjectCommand],
  ['check', addCheckCommand],
  ['validate', addValidateCommand],
  ['list', addListCommand],
  ['init', addInitCommand],
  ['schema', addSchemaCommand],
  ['solve', addSolveCommand],
  ['grid', addGridCommand],
  ['report', addReportCommand],
  ['completion', addCompletionCommand],
  ['help', (program) => addHelpCommand(program)],
];

/** The program's options that take a value: the word after one is not the command. */
const VALUE_OPTIONS = new Set(['--locale', '--width']);

/**
 * The command a run names, when it is one that needs no other: the program then defines that
 * command alone, and a run skips building the options of every other. Help, completion (which
 * describe the whole program) and anything unknown get every command.
 */
export function commandNamed(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const word = argv[index]!;
    if (word === '--') {
      return undefined;
    }
    if (VALUE_OPTIONS.has(word)) {
      index += 1;
    } else if (!word.startsWith('-')) {
      const known = COMMANDS.some(([name]) => name === word) && word !== 'help' && word !== 'completion';
      return known ? word : undefined;
    }
  }
  return undefined;
}

/**
 * A fresh program for every run, so that tests never share state. With `argv`, only the command
 * it names (see commandNamed): what the run uses is the same either way.
 */
export function makeProgram(context: CliContext, argv: readonly string[] = []): Command {
  const { io } = context;
  const program = new Command('btcfi')
    .description('Exact decimal TVL scenarios for Bitcoin DeFi: turn claims into files anyone can rerun, vary and check.')
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addOption(new Option('--color', 'colour the output even when it is not a terminal'))
    .addOption(new Option('--no-color', 'never colour the output (NO_COLOR does the same)'))
    .addOption(new Option('-q, --quiet', 'print only the result and errors: no notes, progress or "wrote FILE"'))
    .addOption(new Option('--width <n>', 'columns that tables and help fit (0: no limit; default: COLUMNS, the terminal, or 80)').argParser(parseWidth))
    .addOption(new Option('--locale <locale>', 'language of tables and figures for people: en-US, zh-CN').env('BTCFI_LOCALE').default('en-US'))
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('hint: add --help for usage')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(`btcfi: ${visibleLines(commanderHint(text))}`),
      // Help fits the width tables fit (commander wraps descriptions; our examples are written to fit 80).
      getOutHelpWidth: () => context.width ?? DEFAULT_WIDTH,
      getErrHelpWidth: () => context.width ?? DEFAULT_WIDTH,
    });
  program.hook('preAction', () => {
    const options = program.opts<{ quiet?: boolean; locale: string }>();
    context.settings.quiet = options.quiet === true;
    context.settings.locale = chooseLocale(options.locale, context);
  });
  const only = commandNamed(argv);
  for (const [name, add] of COMMANDS) {
    if (only === undefined || only === name) {
      add(program, context);
    }
  }
  for (const command of program.commands) {
    command.exitOverride().showHelpAfterError(`hint: see btcfi ${command.name()} --help`);
  }
  return program;
}

/**
 * Commander's "(Did you mean X?)" in btcfi's hint form; and for `-v`, which many tools read as
 * the version, the flag that is (commander offers no suggestion for a short option).
 */
export function commanderHint(text: string): string {
  return text
    .replace(/\n\(Did you mean (.+)\?\)/, '\nhint: did you mean $1?')
    .replace(/^(error: unknown option '-v'\n)$/, '$1hint: did you mean -V (--version)?\n');
}

/** The locale asked for, when this Node has data for it; otherwise en-US, and a note that says so. */
function chooseLocale(asked: string, context: CliContext): string {
  if (asked === 'en-US') {
    return asked;
  }
  let supported: string[] = [];
  try {
    supported = Intl.NumberFormat.supportedLocalesOf(asked);
  } catch {
    supported = [];
  }
  if (supported.length === 0) {
    context.notice(`btcfi: note: this Node.js has no number data for the locale ${quoted(asked)}; using en-US\n`);
    return 'en-US';
  }
  return supported[0]!;
}

/** --width N: columns to fit, a whole number from 20 to 1000, or 0 for no limit. */
function parseWidth(value: string): number {
  const width = parseWidthText(value);
  if (width === undefined || (width !== 0 && width < MIN_WIDTH)) {
    throw new InvalidArgumentError(`It must be 0 (no limit) or a whole number from ${MIN_WIDTH} to 1000.`);
  }
  return width;
}
