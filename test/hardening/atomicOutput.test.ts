// Nothing lost: --output is whole or not at all on every command that has it (project, check,
// grid; init writes its file the same way). A run killed outright midway leaves the old file as
// it was; write errors (a read-only folder, a full disk) are exit 2 with a clear message, and the
// old file survives with no temporary file left.
//
// SIGKILL cannot be caught, so a killed run leaves its hidden temporary file (.NAME.tmp-PID-HEX)
// beside the target: that is the accepted trace, as long as the target is the old file or absent.
//
// Runs that end on their own are in-process (test/helpers/runCli.ts); a run that is sent a signal
// is the built CLI, in a process of its own.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chmod, lstat, mkdtemp, open, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { abortOpenSinks, openFileSink } from '../../src/cli/streamOutput.js';
import { assertBuilt, BIN, cliEnv, REPO_ROOT, runCli } from '../helpers/runCli.js';

beforeAll(assertBuilt);

let dir: string;
const mounts: string[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'btcfi-atomic-'));
});
afterAll(async () => {
  for (const mount of mounts.reverse()) {
    try {
      execFileSync('umount', [mount], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
  await rm(dir, { recursive: true, force: true });
});

const OLD = 'the old file, which must survive\n';
const TEMPORARY = /^\..+\.tmp-\d+-[0-9a-f]{8}$/;
/** A grid of 1,000 x 1,000 cells: about 20 MB of CSV, a few seconds to write. */
const BIG_GRID = ['grid', '--market-cap', '2T', '--x', 'utilization=0.1%..100%:0.1%', '--y', 'growth=0%..99.9%:0.1%', '--years', '5', '--format', 'csv'];
/** The first 100 rows of BIG_GRID: about 2 MB, written a batch at a time too. */
const TENTH_GRID = BIG_GRID.map((arg) => (arg === 'growth=0%..99.9%:0.1%' ? 'growth=0%..9.9%:0.1%' : arg));

/** A folder on a fresh tmpfs of `size`, or null (with the reason) when this machine cannot mount one. */
function mountTmpfs(name: string, size: string): { path: string } | { skip: string } {
  const path = join(dir, name);
  mkdirSync(path);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0777`, 'tmpfs', path], { stdio: 'pipe' });
  } catch (error) {
    return { skip: `cannot mount a tmpfs here (${String((error as { stderr?: Buffer }).stderr ?? error).trim().split('\n')[0]}); run as root to test a full disk and a read-only folder` };
  }
  mounts.push(path);
  return { path };
}

const temporaries = async (folder: string): Promise<string[]> => (await readdir(folder)).filter((name) => name.includes('.tmp-'));

/** Fills a file system to the last byte with a file named ballast. */
async function fillUp(folder: string): Promise<void> {
  const ballast = await open(join(folder, 'ballast'), 'w');
  try {
    for (let size = 64 * 1024; size >= 1; ) {
      try {
        await ballast.write(Buffer.alloc(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  } finally {
    await ballast.close();
  }
}

/**
 * Starts a big grid write to `target` in `dir`, sends it `signal` once its temporary file has
 * data, and waits for it to end.
 */
async function signalMidway(target: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; sawTemporary: boolean; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...BIG_GRID, '-o', target], { cwd: REPO_ROOT, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  let exited = false;
  void ended.then(() => (exited = true));
  let sawTemporary = false;
  while (!exited) {
    const [temporary] = await temporaries(dir);
    if (temporary !== undefined && (await stat(join(dir, temporary)).catch(() => null))?.size! > 256 * 1024) {
      sawTemporary = true;
      child.kill(signal);
      break;
    }
    await sleep(5);
  }
  return { ...(await ended), sawTemporary, stdout, stderr };
}

describe('a run killed midway', () => {
  const killMidway = (target: string) => signalMidway(target, 'SIGKILL');

  it('leaves the old file whole, and only a hidden temporary file beside it', async () => {
    const target = join(dir, 'grid.csv');
    await writeFile(target, OLD);
    const { signal, sawTemporary } = await killMidway(target);
    expect(sawTemporary, 'the run was killed while writing').toBe(true);
    expect(signal).toBe('SIGKILL');
    expect(await readFile(target, 'utf8')).toBe(OLD);
    const left = await temporaries(dir);
    expect(left.length).toBeLessThanOrEqual(1);
    for (const name of left) {
      expect(name).toMatch(TEMPORARY);
      expect(name.startsWith('.grid.csv.tmp-')).toBe(true);
    }

    // A run that is not killed replaces the old file with the whole new one, and cleans up after itself.
    const before = new Set(left);
    // (The whole 1,000 x 1,000 grid is checked cell by cell in test/cli/grid.test.ts.)
    const done = await runCli([...TENTH_GRID, '-o', target]);
    expect(done.exitCode).toBe(0);
    const written = await readFile(target, 'utf8');
    expect(written.endsWith('\r\n')).toBe(true);
    const lines = written.slice(0, -2).split('\r\n');
    expect(lines).toHaveLength(101);
    expect(lines.every((line) => line.split(',').length === 1001)).toBe(true);
    expect((await temporaries(dir)).filter((name) => !before.has(name))).toEqual([]);
    for (const name of left) {
      await rm(join(dir, name));
    }
  }, 120_000);

  it('leaves no target at all when there was none', async () => {
    const target = join(dir, 'fresh.csv');
    const { sawTemporary } = await killMidway(target);
    expect(sawTemporary, 'the run was killed while writing').toBe(true);
    await expect(stat(target)).rejects.toThrow(/ENOENT/);
    for (const name of await temporaries(dir)) {
      expect(name).toMatch(TEMPORARY);
      await rm(join(dir, name));
    }
  }, 120_000);
});

/** Each command with --output: a run that succeeds, and one that fails on bad input. */
const COMMANDS = [
  { name: 'project', ok: ['project', 'scenarios/defi-2031.yaml', '--format', 'csv'], bad: ['project', 'test/fixtures/errors/unknown-key.yaml', '--format', 'csv'] },
  { name: 'check', ok: ['check', '--format', 'junit'], bad: ['check', 'missing.yaml', '--format', 'junit'] },
  { name: 'grid', ok: ['grid', 'defi-2031', '--case', 'rounded', '--x', 'growth=10%,20%', '--y', 'years=1..3', '--format', 'csv'], bad: ['grid', 'defi-2031', '--x', 'growth=10%,x', '--y', 'years=1..3'] },
] as const;

describe.each(COMMANDS)('$name --output', ({ name, ok, bad }) => {
  it('writes the same bytes as stdout, and keeps the permissions of the file it replaces', async () => {
    const target = join(dir, `${name}.out`);
    await writeFile(target, OLD);
    await chmod(target, 0o640);
    const stdout = await runCli(ok);
    const written = await runCli([...ok, '-o', target]);
    expect(written.exitCode).toBe(stdout.exitCode);
    expect(written.stdout).toBe('');
    expect(await readFile(target, 'utf8')).toBe(stdout.stdout);
    expect((await stat(target)).mode & 0o777).toBe(0o640);
    expect(await temporaries(dir)).toEqual([]);
  });

  it('leaves the old file as it was on bad input', async () => {
    const target = join(dir, `${name}.bad`);
    await writeFile(target, OLD);
    const result = await runCli([...bad, '-o', target]);
    // check reports every file, so its report is written even when a file is invalid.
    if (name !== 'check') {
      expect(result.exitCode).toBe(2);
      expect(await readFile(target, 'utf8')).toBe(OLD);
    }
    expect(result.stdout).toBe('');
    expect(await temporaries(dir)).toEqual([]);
  });

  it('fails with exit 2 and a clear message on a full disk, and the old file survives', async (context) => {
    const mounted = mountTmpfs(`full-${name}`, '32k');
    if ('skip' in mounted) {
      context.skip(mounted.skip);
      return;
    }
    const target = join(mounted.path, 'out');
    await writeFile(target, OLD);
    await fillUp(mounted.path);
    const result = await runCli([...ok, '-o', target]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`btcfi: error: cannot write ${target}: no space left on the device\nhint: the file was left as it was\n`);
    expect(await readFile(target, 'utf8')).toBe(OLD);
    expect(await temporaries(mounted.path)).toEqual([]);
  }, 60_000);

  it('fails with exit 2 and a clear message in a read-only folder, and the old file survives', async (context) => {
    const mounted = mountTmpfs(`read-only-${name}`, '1m');
    if ('skip' in mounted) {
      context.skip(mounted.skip);
      return;
    }
    const target = join(mounted.path, 'out');
    await writeFile(target, OLD);
    execFileSync('mount', ['-o', 'remount,ro', mounted.path]);
    const result = await runCli([...ok, '-o', target]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`btcfi: error: cannot write ${target}: the file system is read-only\nhint: the file was left as it was\n`);
    expect(await readFile(target, 'utf8')).toBe(OLD);
  });
});

describe('a grid that fills the disk midway', () => {
  it('stops with exit 2 and a clear message, removes its temporary file, and keeps the old file', async (context) => {
    const mounted = mountTmpfs('full-midway', '1m');
    if ('skip' in mounted) {
      context.skip(mounted.skip);
      return;
    }
    const target = join(mounted.path, 'grid.csv');
    await writeFile(target, OLD);
    // About 20 MB into 1 MB: the disk fills while rows are still being written.
    const result = await runCli([...BIG_GRID, '-o', target]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`btcfi: error: cannot write ${target}: no space left on the device\nhint: the file was left as it was\n`);
    expect(await readFile(target, 'utf8')).toBe(OLD);
    expect(await temporaries(mounted.path)).toEqual([]);
  }, 60_000);
});

describe('an interrupted run', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('removes its temporary file on %s, keeps the old file, and ends by the signal', async (signal) => {
    const target = join(dir, `interrupted-${signal}.csv`);
    await writeFile(target, OLD);
    const ended = await signalMidway(target, signal);
    expect(ended.sawTemporary, 'the run was interrupted while writing').toBe(true);
    // Ended by the signal itself, as a shell sees it: 128 + 2 = 130 for SIGINT, 128 + 15 = 143 for
    // SIGTERM, 128 + 1 = 129 for SIGHUP (the terminal closed).
    expect(ended).toMatchObject({ code: null, signal, stdout: '', stderr: '' });
    expect(await readFile(target, 'utf8')).toBe(OLD);
    expect(await temporaries(dir)).toEqual([]);
  }, 120_000);

  it('ends with status 143 on SIGTERM, as a shell reads it', async () => {
    const target = join(dir, 'interrupted-shell.csv');
    await writeFile(target, OLD);
    // The shell starts btcfi, waits for its temporary file to have data, stops it and prints its status.
    const script = [
      '"$BTCFI_NODE" "$BTCFI_BIN" "$@" &',
      'pid=$!',
      'until [ -n "$(find "$DIR" -name \'.interrupted-shell.csv.tmp-*\' -size +256k)" ] || ! kill -0 $pid 2>/dev/null; do sleep 0.01; done',
      'kill -TERM $pid',
      'wait $pid',
      'echo "status=$?"',
    ].join('\n');
    const result = await new Promise<string>((resolve, reject) => {
      execFile('sh', ['-c', script, 'sh', ...BIG_GRID, '-o', target], { cwd: REPO_ROOT, env: { ...cliEnv(), BTCFI_NODE: process.execPath, BTCFI_BIN: BIN, DIR: dir }, timeout: 60_000 }, (error, stdout) =>
        error === null ? resolve(stdout) : reject(error),
      );
    });
    expect(result).toBe('status=143\n');
    expect(await readFile(target, 'utf8')).toBe(OLD);
    expect(await temporaries(dir)).toEqual([]);
  }, 120_000);

  it('ends at once on SIGINT during a long computation, when there is no output file to clean up', async () => {
    // Listening for SIGINT would hold it until the computation ends (minutes here), so btcfi
    // listens only while an output file is unfinished. The signal is sent once the run is
    // likely computing; sent earlier, the test still passes, only proving less.
    const child = spawn(process.execPath, [BIN, 'project', '--tvl', '1B to 2B', '--growth', '0% to 10%', '--years', '200', '--samples', '10000000', '--format', 'csv'], {
      cwd: REPO_ROOT,
      env: cliEnv(),
      stdio: 'ignore',
    });
    // Should the test time out, the run must not outlive it.
    onTestFinished(() => void child.kill('SIGKILL'));
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)));
    await sleep(1_000);
    child.kill('SIGINT');
    expect(await ended).toBe('SIGINT');
  }, 30_000);

  it('can remove the temporary files of every unfinished output, for the process glue to call on SIGINT or SIGTERM', async () => {
    const target = join(dir, 'interrupted.csv');
    await writeFile(target, OLD);
    const sink = await openFileSink(target);
    await sink.write('x'.repeat(200 * 1024));
    expect(await temporaries(dir)).toHaveLength(1);
    await abortOpenSinks();
    expect(await temporaries(dir)).toEqual([]);
    expect(await readFile(target, 'utf8')).toBe(OLD);
    // A finished output is not unfinished any more.
    const done = await openFileSink(target);
    await done.write('new\n');
    await done.finish();
    await abortOpenSinks();
    expect(await readFile(target, 'utf8')).toBe('new\n');
  });
});

describe('targets that are not plain files', () => {
  it('writes through a symbolic link to the file it points to, and keeps the link', async () => {
    const real = join(dir, 'real.csv');
    const link = join(dir, 'link.csv');
    await writeFile(real, OLD);
    await symlink(real, link);
    const stdout = await runCli(['project', '--format', 'csv']);
    expect((await runCli(['project', '--format', 'csv', '-o', link])).exitCode).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toBe(stdout.stdout);
    expect(await temporaries(dir)).toEqual([]);
  });

  it('writes into a named pipe (as into /dev/stdout or /dev/null) instead of renaming a file over it', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const read = readFile(fifo, 'utf8');
    const result = await runCli(['project', '--format', 'csv', '-o', fifo]);
    expect(result.exitCode).toBe(0);
    expect(await read).toBe((await runCli(['project', '--format', 'csv'])).stdout);
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect(await temporaries(dir)).toEqual([]);
  });
});

describe('init', () => {
  it('never replaces a file, and writes nothing on a full disk', async (context) => {
    const folder = join(dir, 'init');
    mkdirSync(folder);
    await writeFile(join(folder, 'mine.yaml'), OLD);
    const exists = await runCli(['init', 'mine'], { cwd: folder });
    expect(exists.exitCode).toBe(2);
    expect(exists.stderr).toMatch(/^btcfi: error: cannot write mine\.yaml: the file already exists\n/);
    expect(await readFile(join(folder, 'mine.yaml'), 'utf8')).toBe(OLD);
    expect(await temporaries(folder)).toEqual([]);

    const mounted = mountTmpfs('full-init', '4k');
    if ('skip' in mounted) {
      context.skip(mounted.skip);
      return;
    }
    await fillUp(mounted.path);
    const full = await runCli(['init', 'claim'], { cwd: mounted.path });
    expect(full.exitCode).toBe(2);
    expect(full.stderr).toMatch(/^btcfi: error: cannot write claim\.yaml: no space left on the device\n/);
    expect((await readdir(mounted.path)).filter((file) => file !== 'ballast')).toEqual([]);
  });
});
