// Runs btcfi for tests, two ways. runCli calls the CLI's own entry, run(argv, io), in this
// process with an Io held in memory: the same code as the built CLI, without a Node start-up
// per case. spawnCli and runShell start the built CLI (bin/btcfi.js -> dist/cli/main.cjs) as a
// child process, the way a user or a script would, for what only a process shows: signals, a
// reader that goes away, writes to real pipes, the launcher and its code cache. transcript()
// turns a run into a readable text for golden files.
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Io } from '../../src/cli/io.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');
export const BIN = join(REPO_ROOT, 'bin', 'btcfi.js');
const BUNDLE = join(REPO_ROOT, 'dist', 'cli', 'main.cjs');

export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  /** null when the process was killed by a signal. */
  readonly exitCode: number | null;
  /** For shell pipelines: btcfi's own exit code, as the shell saw it. */
  readonly btcfiExitCode?: number | null;
}

/** The environment of every run: colour off the way users turn it off, nothing that forces it on. */
export function cliEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  delete env['FORCE_COLOR'];
  delete env['BTCFI_DEBUG'];
  return env;
}

interface RunOptions {
  /** Standard input: a text, or a stream (read as the CLI reads standard input); empty and closed unless told. */
  readonly input?: string | NodeJS.ReadableStream;
  readonly env?: NodeJS.ProcessEnv;
  /** Working directory; the repo root unless told. */
  readonly cwd?: string;
  /** In-process only: stdout and stderr are a terminal this many columns wide (not terminals unless told). */
  readonly terminalColumns?: number;
}

function spawn(file: string, args: readonly string[], options: RunOptions): Promise<CliResult> {
  if ((options.input !== undefined && typeof options.input !== 'string') || options.terminalColumns !== undefined) {
    throw new Error('a spawned run takes its standard input as a text, and has no terminal');
  }
  const input = options.input ?? '';
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      [...args],
      { cwd: options.cwd ?? REPO_ROOT, env: options.env ?? cliEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 20_000 },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number' && error.signal == null) {
          reject(error);
          return;
        }
        const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ stdout, stderr, exitCode });
      },
    );
    child.stdin?.end(input);
  });
}

/** `btcfi ...args` as a child process of the built CLI, with the repo root as working directory. */
export function spawnCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return spawn(process.execPath, [BIN, ...args], options);
}

/**
 * In-process runs take turns: each one sets the process's working directory and environment
 * for its duration (paths in argv are opened relative to process.cwd(), and commander reads
 * BTCFI_LOCALE from process.env), so two runs must never overlap. This needs a process of
 * its own per test file, which vitest's `forks` pool gives (vitest.config.ts); in a worker
 * thread process.chdir throws, so a change of pool fails loudly rather than mixing runs up.
 */
let turn: Promise<unknown> = Promise.resolve();

/** Sets process.env to exactly `env` and returns how to put it back. TZ takes effect at once in Node. */
function swapEnv(env: NodeJS.ProcessEnv): () => void {
  const saved = { ...process.env };
  const setTo = (next: NodeJS.ProcessEnv): void => {
    for (const key of Object.keys(process.env)) {
      if (next[key] === undefined) {
        delete process.env[key];
      }
    }
    for (const [key, value] of Object.entries(next)) {
      if (value !== undefined && process.env[key] !== value) {
        process.env[key] = value;
      }
    }
  };
  setTo(env);
  return () => setTo(saved);
}

/**
 * `btcfi ...args` in this process, through the CLI's run(argv, io), with the repo root as
 * working directory: stdout and stderr are collected (terminals only if told), standard input is
 * `input`, and the exit code is run's. The result has the shape and bytes of a spawned run's.
 */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const result = turn.then(() => runInProcess(args, options));
  turn = result.catch(() => {});
  return result;
}

async function runInProcess(args: readonly string[], options: RunOptions): Promise<CliResult> {
  // Loaded on first use, so that files which only spawn do not load the whole CLI.
  const { run, formatInternalError } = await import('../../src/cli/run.js');
  const { readStreamUpTo } = await import('../../src/scenario/readStreamUpTo.js');
  const env = options.env ?? cliEnv();
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const collect = (into: Buffer[]) => (text: string) => void into.push(Buffer.from(text, 'utf8'));
  // The stream behind stdout, for output written a piece at a time (grid), in order with io.stdout.
  const stdoutStream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      stdout.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
      done();
    },
  });
  // One stream for the run, read once as standard input is: a second read finds it ended.
  const input = options.input ?? '';
  const stdin = typeof input === 'string' ? Readable.from([Buffer.from(input, 'utf8')]) : input;
  const io: Io = {
    stdout: collect(stdout),
    stdoutStream,
    stderr: collect(stderr),
    readStdin: (maxBytes) => readStreamUpTo(stdin, maxBytes),
    stdoutIsTTY: options.terminalColumns !== undefined,
    stderrIsTTY: options.terminalColumns !== undefined,
    columns: options.terminalColumns ?? null,
    env,
  };
  const cwd = process.cwd();
  process.chdir(options.cwd ?? REPO_ROOT);
  const restoreEnv = swapEnv(env);
  let exitCode: number;
  try {
    exitCode = await run(args, io);
  } catch (error) {
    // run never throws; the built CLI reports an escaped error as internal (src/cli/main.ts).
    io.stderr(formatInternalError(error, env['BTCFI_DEBUG'] !== undefined));
    exitCode = 3;
  } finally {
    restoreEnv();
    process.chdir(cwd);
  }
  return { stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), exitCode };
}

const EXIT_MARKER = '__btcfi_test_exit=';

/**
 * A POSIX shell line in which `btcfi` is the built CLI, for pipelines such as `btcfi project | head -1`.
 * exitCode is the shell's (the last command of a pipeline); btcfiExitCode is btcfi's own.
 */
export async function runShell(script: string, options: RunOptions = {}): Promise<CliResult> {
  const prelude = `btcfi() { "$BTCFI_NODE" "$BTCFI_BIN" "$@"; status=$?; echo "${EXIT_MARKER}$status" >&2; return $status; }\n`;
  const env = { ...(options.env ?? cliEnv()), BTCFI_NODE: process.execPath, BTCFI_BIN: BIN };
  const result = await spawn('sh', ['-c', prelude + script], { ...options, env });
  const pattern = new RegExp(`${EXIT_MARKER}(\\d+)\n`, 'g');
  const statuses = [...result.stderr.matchAll(pattern)].map((match) => Number(match[1]));
  return {
    stdout: result.stdout,
    stderr: result.stderr.replace(pattern, ''),
    exitCode: result.exitCode,
    btcfiExitCode: statuses.length === 1 ? statuses[0]! : null,
  };
}

/** Fails with a clear message when dist/ is missing (npm test builds it first). */
export function assertBuilt(): void {
  try {
    statSync(BUNDLE);
  } catch {
    throw new Error('dist/cli/main.cjs is missing: run `node build.mjs` first (npm test does)');
  }
}

/** A word as a shell would need it written. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(args: readonly string[]): string {
  return ['btcfi', ...args].map(shellWord).join(' ');
}

/** Makes invisible characters visible: CR as ␍ (so CRLF shows as ␍ before the line end), ESC as ␛. */
function visible(text: string): string {
  return text.replace(/\r/g, '␍').replace(/\u001b/g, '␛');
}

function section(name: string, text: string): string {
  if (text === '') {
    return `--- ${name}\n`;
  }
  return `--- ${name}\n${visible(text)}${text.endsWith('\n') ? '' : `\n\\ no newline at end of ${name}\n`}`;
}

/**
 * One run as a reviewable text: the command, the exit code, stdout and stderr. `replacements`
 * turn machine-specific paths into placeholders; the repo root always becomes `.`.
 */
export function transcript(command: string, result: CliResult, replacements: ReadonlyMap<string, string> = new Map()): string {
  const scrub = (text: string): string => {
    let out = text;
    for (const [from, to] of [...replacements, [REPO_ROOT, '.'] as const]) {
      out = out.split(from).join(to);
    }
    return out;
  };
  const exit = result.exitCode === null ? 'killed by a signal' : String(result.exitCode);
  const btcfiExit = result.btcfiExitCode === undefined ? '' : `--- btcfi exit ${result.btcfiExitCode ?? 'unknown'}\n`;
  return scrub(`$ ${command}\n--- exit ${exit}\n${btcfiExit}${section('stdout', result.stdout)}${section('stderr', result.stderr)}`);
}
