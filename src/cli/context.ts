import { Chalk, type ChalkInstance } from 'chalk';
import { decideColor } from './color.js';
import { emit } from './emit.js';
import type { ExitCode } from './exitCodes.js';
import type { Io } from './io.js';

/** The global options, known once commander has parsed them (before any command runs). */
export interface Settings {
  quiet: boolean;
  /** The locale of tables and texts for people; CSV and JSON never depend on it. */
  locale: string;
}

/** Chalk instances made once per run from the colour decision: one per stream, and one that never colours. */
export interface Chalks {
  readonly stdout: ChalkInstance;
  readonly stderr: ChalkInstance;
  readonly none: ChalkInstance;
}

/** What every command gets: the process's streams, the colour decision made once at start, and the one way out for a result. */
export interface CliContext {
  readonly io: Io;
  readonly color: { readonly stdout: boolean; readonly stderr: boolean };
  readonly chalk: Chalks;
  /** For commands whose outcome is not plain success (check exits 1 when an expectation fails). */
  readonly setExitCode: (code: ExitCode) => void;
  readonly settings: Settings;
  /** A message for people on stderr that is neither the result nor an error: silenced by --quiet. */
  readonly notice: (text: string) => void;
  /**
   * Sends a result to stdout, or atomically to --output FILE (and says so on stderr): a whole
   * text, or pieces written as they are made. Every command's result leaves through here.
   */
  readonly emit: (result: string | Iterable<string>, output: string | undefined) => Promise<void>;
  /** The chalk for a result: colours only for a format meant for people, going to stdout. */
  readonly resultChalk: (forPeople: boolean, output: string | undefined) => ChalkInstance;
  /** Columns that text for people must fit (decideWidth), or null for no limit (--width 0). */
  readonly width: number | null;
}

/** The context of one run: the colour of each stream decided once, from the flags, the environment and the streams. */
export function makeCliContext(argv: readonly string[], io: Io, setExitCode: (code: ExitCode) => void): CliContext {
  const colorFlag = scanColorFlag(argv);
  const color = {
    stdout: decideColor(colorFlag, io.env, io.stdoutIsTTY),
    stderr: decideColor(colorFlag, io.env, io.stderrIsTTY),
  };
  const none = new Chalk({ level: 0 });
  const chalk: Chalks = {
    stdout: color.stdout ? new Chalk({ level: 1 }) : none,
    stderr: color.stderr ? new Chalk({ level: 1 }) : none,
    none,
  };
  const settings: Settings = { quiet: false, locale: 'en-US' };
  const context: CliContext = {
    io,
    color,
    chalk,
    setExitCode,
    settings,
    notice: (text) => {
      if (!settings.quiet) {
        io.stderr(text);
      }
    },
    emit: (result, output) => emit(result, output, context),
    resultChalk: (forPeople, output) => (forPeople && (output === undefined || output === '-') ? chalk.stdout : none),
    width: decideWidth(scanWidthFlag(argv), io),
  };
  return context;
}

/** The last --color or --no-color before a `--`, so the colour is decided before commander runs. */
function scanColorFlag(argv: readonly string[]): boolean | undefined {
  let flag: boolean | undefined;
  for (const arg of argv) {
    if (arg === '--') {
      break;
    }
    if (arg === '--color') {
      flag = true;
    } else if (arg === '--no-color') {
      flag = false;
    }
  }
  return flag;
}

/** The narrowest width asked for that btcfi lays out to; COLUMNS below it is ignored. */
export const MIN_WIDTH = 20;

/** Columns of help and charts when nothing gives a width (a pipe or a file): a terminal of the classic width. */
export const DEFAULT_WIDTH = 80;

/**
 * The columns tables, titles and notes must fit: --width N (0 for no limit), else COLUMNS, else the
 * terminal's width; a pipe or a file has no limit (a line a figure, as scripts and CI logs read
 * it; help still wraps at DEFAULT_WIDTH). COLUMNS wins over the terminal, as it does for ls: a
 * user who sets it means it.
 */
export function decideWidth(flag: number | undefined, io: Pick<Io, 'columns' | 'env'>): number | null {
  if (flag !== undefined) {
    return flag === 0 ? null : flag;
  }
  const columns = parseWidthText(io.env['COLUMNS'] ?? '');
  if (columns !== undefined && columns >= MIN_WIDTH) {
    return columns;
  }
  return io.columns !== null && io.columns > 0 ? io.columns : null;
}

/** A width as --width and COLUMNS write it: a whole number from 0 to 1000, else undefined. */
export function parseWidthText(text: string): number | undefined {
  return /^[0-9]{1,4}$/.test(text) && Number(text) <= 1000 ? Number(text) : undefined;
}

/** The last --width N or --width=N before a `--`, so the width is known before commander runs (its help needs it). */
function scanWidthFlag(argv: readonly string[]): number | undefined {
  let flag: number | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') {
      break;
    }
    const text = arg === '--width' ? argv[i + 1] : arg.startsWith('--width=') ? arg.slice('--width='.length) : undefined;
    if (text !== undefined) {
      flag = parseWidthText(text) ?? flag;
    }
  }
  return flag;
}
