import { CommanderError, type Command } from 'commander';
import { makeCliContext } from './context.js';
import { InputError, UsageError } from './errors.js';
import { ExitCode } from './exitCodes.js';
import { formatIssue, formatUsageError } from './formatIssue.js';
import type { Io } from './io.js';
import { visibleLines } from '../core/visibleText.js';
import { makeProgram } from './program.js';
import { DEFAULT_WIDTH } from './context.js';
import { wrapText } from '../render/wrapText.js';
import { forgetInputFiles } from '../scenario/loadScenarioTexts.js';

/** Runs btcfi on the arguments (without node and the script) and returns the exit code. Never throws. */
export async function run(argv: readonly string[], io: Io): Promise<ExitCode> {
  let exitCode: ExitCode = ExitCode.ok;
  forgetInputFiles();
  const context = makeCliContext(argv, io, (code) => (exitCode = code));
  const chalk = context.chalk.stderr;
  const program = makeProgram(context, argv);
  try {
    if (argv.length === 0) {
      io.stdout(shortHelp(program));
      return ExitCode.ok;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end with code 0; every other commander error is a usage error.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
    }
    if (error instanceof InputError) {
      io.stderr(error.issues.map((issue) => formatIssue(issue, chalk)).join(''));
      return ExitCode.badInput;
    }
    if (error instanceof UsageError) {
      io.stderr(formatUsageError(error.message, error.hint, chalk));
      return ExitCode.badInput;
    }
    io.stderr(formatInternalError(error, io.env['BTCFI_DEBUG'] !== undefined));
    return ExitCode.internal;
  }
}

export function formatInternalError(error: unknown, withStack: boolean): string {
  const detail = error instanceof Error ? (withStack ? error.stack ?? error.message : error.message) : String(error);
  return `btcfi: internal error: ${visibleLines(detail)}\nThis is a bug in btcfi; set BTCFI_DEBUG=1 to see where it happened.\n`;
}


/** What a bare `btcfi` prints: the commands in a line each, and a few examples; --help has the rest. */
function shortHelp(program: Command): string {
  const commands = program.commands.filter((command) => command.name() !== 'help');
  const width = Math.max(...commands.map((command) => command.name().length));
  return [
    ...wrapText(`btcfi: ${program.description()}`, DEFAULT_WIDTH, '       '),
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name().padEnd(width)}  ${command.summary() || command.description().split('\n')[0]}`),
    '',
    'Examples:',
    '  btcfi project                                   the bundled scenarios',
    '  btcfi project --market-cap 2T --utilization 5%  5% of a $2T bitcoin',
    '  btcfi solve growth --from 238.5B --to 770.6B --years 5',
    '  btcfi check                                     every expected figure, for CI',
    '',
    'More: btcfi --help, btcfi <command> --help',
    '',
  ].join('\n');
}
