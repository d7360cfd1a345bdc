// Runs the built CLI (bin/btcfi.js -> dist/cli/main.cjs) as a child process, the way a user
// or a script would, and turns a run into a readable transcript for golden files.
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  /** Text for standard input; it is closed at once either way. */
  readonly input?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Working directory; the repo root unless told. */
  readonly cwd?: string;
}

function spawn(file: string, args: readonly string[], options: RunOptions): Promise<CliResult> {
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
    child.stdin?.end(options.input ?? '');
  });
}

/** `btcfi ...args` with the repo root as working directory. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return spawn(process.execPath, [BIN, ...args], options);
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
