// Nothing lost, nothing falsely reported: where --output and standard output meet the shell's
// redirections, the run's own inputs, protected files, links, and a disk that is full.
//
// Runs that need a process of their own (real descriptors, /dev/full, signals) start the built
// CLI; the rest run in-process (test/helpers/runCli.ts).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { chmod, copyFile, lstat, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, REPO_ROOT, runCli, runShell } from '../helpers/runCli.js';

beforeAll(assertBuilt);

let dir: string;
const mounts: string[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'btcfi-integrity-'));
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

/** A fresh folder in the test's temporary folder. */
let folders = 0;
function folder(): string {
  const path = join(dir, `case-${++folders}`);
  mkdirSync(path);
  return path;
}

const SCENARIO = join(REPO_ROOT, 'scenarios', 'defi-2031.yaml');
const DRIFT = join(REPO_ROOT, 'docs', 'examples', 'defi-2031-drift.yaml');
const CSV = ['project', 'defi-2031', '-f', 'csv'];
/** 1,000 x 101 cells of CSV, about 2 MB: written a batch at a time. */
const GRID = ['grid', '--market-cap', '2T', '--x', 'utilization=0.1%..100%:0.1%', '--y', 'growth=0%..10%:0.1%', '-f', 'csv'];
const OLD = 'the old file, which must survive\n';
const temporaries = async (path: string): Promise<string[]> => (await readdir(path)).filter((name) => name.includes('.tmp-'));

describe('an --output path that names a descriptor', () => {
  it('appends to the file behind `>>` for -o /dev/stdout, rather than replacing it', async () => {
    const cwd = folder();
    const expected = (await runCli(CSV)).stdout;
    await writeFile(join(cwd, 'log.txt'), 'earlier\n');
    const result = await runShell(`btcfi ${CSV.join(' ')} -o /dev/stdout >> log.txt`, { cwd });
    expect(result.btcfiExitCode).toBe(0);
    expect(await readFile(join(cwd, 'log.txt'), 'utf8')).toBe(`earlier\n${expected}`);
  });

  it.each(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1'])('keeps what the shell wrote around it for -o %s', async (path) => {
    const cwd = folder();
    const expected = (await runCli(CSV)).stdout;
    const result = await runShell(`{ echo A; btcfi ${CSV.join(' ')} -o ${path}; echo B; } > f`, { cwd });
    expect(result.btcfiExitCode).toBe(0);
    expect(await readFile(join(cwd, 'f'), 'utf8')).toBe(`A\n${expected}B\n`);
  });

  it('writes to descriptor 3 for -o /dev/fd/3, and to standard error for -o /dev/stderr', async () => {
    const cwd = folder();
    const expected = (await runCli(CSV)).stdout;
    await writeFile(join(cwd, 'log.txt'), 'earlier\n');
    const three = await runShell(`btcfi ${CSV.join(' ')} -o /dev/fd/3 3>> log.txt`, { cwd });
    expect(three.btcfiExitCode).toBe(0);
    expect(await readFile(join(cwd, 'log.txt'), 'utf8')).toBe(`earlier\n${expected}`);
    const stderr = await runShell(`btcfi ${CSV.join(' ')} -o /dev/stderr`, { cwd });
    expect(stderr.btcfiExitCode).toBe(0);
    expect(stderr.stdout).toBe('');
    expect(stderr.stderr).toBe(expected);
  });
});

describe('a failed write to standard output', () => {
  it.each([
    ['project', ['project', 'defi-2031']],
    ['grid, written a batch at a time', GRID],
    ['--version, answered by the launcher', ['--version']],
  ])('ends %s with one line on stderr and exit 2 on a full disk (/dev/full)', async (_, args) => {
    const result = await runShell(`btcfi ${args.join(' ')} > /dev/full`);
    expect(result.btcfiExitCode).toBe(2);
    expect(result.stderr).toBe('btcfi: error: cannot write standard output: no space left on the device\n');
  });

  it('never exits 0 with a truncated file when a small file system fills up', async (context) => {
    const path = join(dir, 'small');
    mkdirSync(path);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0777', 'tmpfs', path], { stdio: 'pipe' });
    } catch {
      context.skip('cannot mount a tmpfs here (needs root); /dev/full above covers the same failure');
      return;
    }
    mounts.push(path);
    const result = await runShell(`btcfi ${GRID.join(' ')} > ${path}/grid.csv`);
    expect(result.btcfiExitCode).toBe(2);
    expect(result.stderr).toBe('btcfi: error: cannot write standard output: no space left on the device\n');
  });
});

describe('--output refuses to replace', () => {
  it('a scenario file of the same run, by any name: itself, a link to it, another spelling, a file of a folder read', async () => {
    const cwd = folder();
    await copyFile(SCENARIO, join(cwd, 'my.yaml'));
    mkdirSync(join(cwd, 'sub'));
    await symlink('../my.yaml', join(cwd, 'sub', 'link.yaml'));
    const original = await readFile(SCENARIO, 'utf8');
    for (const [input, output] of [
      ['my.yaml', 'my.yaml'],
      ['my.yaml', 'sub/link.yaml'],
      ['my.yaml', './sub/../my.yaml'],
      ['.', 'my.yaml'],
    ] as const) {
      const result = await runCli(['project', input, '-o', output], { cwd });
      expect(result.exitCode, `project ${input} -o ${output}`).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`btcfi: error: cannot write ${output}: it is an input of this run\nhint: btcfi does not replace a file it reads; write the result to another file\n`);
      expect(await readFile(join(cwd, 'my.yaml'), 'utf8')).toBe(original);
    }
    expect(await temporaries(cwd)).toEqual([]);
  });

  it('the history CSV of solve --history', async () => {
    const cwd = folder();
    const history = 'date,tvl\n2020,100\n2021,121\n';
    await writeFile(join(cwd, 'h.csv'), history);
    const result = await runCli(['solve', 'growth', '--history', 'h.csv', '-o', 'h.csv'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^btcfi: error: cannot write h\.csv: it is an input of this run\n/);
    expect(await readFile(join(cwd, 'h.csv'), 'utf8')).toBe(history);
  });

  it('a write-protected file (mode 0444), even as root, and one reached through a link', async () => {
    const cwd = folder();
    await writeFile(join(cwd, 'kept.txt'), OLD);
    await chmod(join(cwd, 'kept.txt'), 0o444);
    await symlink('kept.txt', join(cwd, 'to-kept.txt'));
    for (const output of ['kept.txt', 'to-kept.txt']) {
      const result = await runCli([...CSV, '-o', output], { cwd });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toBe(`btcfi: error: cannot write ${output}: the file is write-protected\nhint: btcfi does not replace a file without write permission (not even as root); make it writable or remove it first\n`);
    }
    expect(await readFile(join(cwd, 'kept.txt'), 'utf8')).toBe(OLD);
    expect(await temporaries(cwd)).toEqual([]);
  });
});

describe('--output through links', () => {
  it('keeps a dangling symbolic link a link, and writes the file it names', async () => {
    const cwd = folder();
    await symlink('made.csv', join(cwd, 'dangling.csv'));
    const result = await runCli([...CSV, '-o', 'dangling.csv'], { cwd });
    expect(result.exitCode).toBe(0);
    expect((await lstat(join(cwd, 'dangling.csv'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(cwd, 'dangling.csv'))).toBe('made.csv');
    expect(await readFile(join(cwd, 'made.csv'), 'utf8')).toBe((await runCli(CSV)).stdout);
  });

  it('does not follow a link into a folder that does not exist, as `>` would not', async () => {
    const cwd = folder();
    await symlink('missing/out.csv', join(cwd, 'out.csv'));
    const result = await runCli([...CSV, '-o', 'out.csv'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('btcfi: error: cannot write out.csv: no such file or directory\nhint: the file was left as it was\n');
    expect(await readdir(cwd)).toEqual(['out.csv']);
  });
});

describe('messages in btcfi words', () => {
  it.each([
    [[''], 'btcfi: error: --output needs a file name\nhint: name the file to write, or - for standard output\n'],
    [['/'], 'btcfi: error: cannot write /: is a directory\nhint: the file was left as it was\n'],
    [['loop.csv'], 'btcfi: error: cannot write loop.csv: too many levels of symbolic links (a link that leads back to itself?)\nhint: the file was left as it was\n'],
  ])('-o %j', async ([output], message) => {
    const cwd = folder();
    await symlink('loop.csv', join(cwd, 'loop.csv'));
    const result = await runCli([...CSV, '-o', output!], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(message);
    expect(result.stderr).not.toMatch(/E[A-Z]{3,}/);
    expect(await readdir(cwd)).toEqual(['loop.csv']);
  });
});

describe('a scenario folder with symbolic links', () => {
  it('reads a link to a file as the file, so its failing claim fails the check', async () => {
    const cwd = folder();
    mkdirSync(join(cwd, 'claims'));
    await symlink(DRIFT, join(cwd, 'claims', 'drift.yaml'));
    await copyFile(join(REPO_ROOT, 'scenarios', 'btcfi-100b.yaml'), join(cwd, 'claims', 'btcfi-100b.yaml'));
    cpSync(join(REPO_ROOT, 'scenarios', 'references'), join(cwd, 'claims', 'references'), { recursive: true }); // the file of references it includes
    const result = await runCli(['check', 'claims'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^✗ defi-2031-drift · 2031/m);
    expect(result.stdout).toMatch(/^3 passed, 1 failed\n$/m);
  });

  it('reports a link to a directory, a link loop and a dangling link with their paths, exit 2', async () => {
    const cwd = folder();
    mkdirSync(join(cwd, 'claims'));
    mkdirSync(join(cwd, 'elsewhere'));
    await copyFile(join(REPO_ROOT, 'scenarios', 'btcfi-100b.yaml'), join(cwd, 'claims', 'btcfi-100b.yaml'));
    cpSync(join(REPO_ROOT, 'scenarios', 'references'), join(cwd, 'claims', 'references'), { recursive: true }); // the file of references it includes
    await symlink('../elsewhere', join(cwd, 'claims', 'dir.yaml'));
    await symlink('loop.yaml', join(cwd, 'claims', 'loop.yaml'));
    await symlink('nowhere.yaml', join(cwd, 'claims', 'gone.yaml'));
    const result = await runCli(['validate', 'claims'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('btcfi: error: claims/dir.yaml: is a symbolic link to a directory\n');
    expect(result.stderr).toContain('btcfi: error: claims/loop.yaml: too many levels of symbolic links (a link that leads back to itself?)\n');
    expect(result.stderr).toContain('btcfi: error: claims/gone.yaml: no such file or directory\n');
    expect(result.stderr).not.toMatch(/E[A-Z]{3,}/);
  });
});

describe('exit 2 and what is written', () => {
  it('check writes its report of the files it could read, to --output too; project writes nothing', async () => {
    const cwd = folder();
    await writeFile(join(cwd, 'bad.yaml'), 'name: bad\n');
    const checked = await runCli(['check', 'bad.yaml', SCENARIO, '-o', 'report.txt'], { cwd });
    expect(checked.exitCode).toBe(2);
    expect(await readFile(join(cwd, 'report.txt'), 'utf8')).toMatch(/^! bad\.yaml: not checked, an input problem \(see above\)$/m);
    await writeFile(join(cwd, 'out.csv'), OLD);
    const projected = await runCli(['project', 'bad.yaml', SCENARIO, '-o', 'out.csv'], { cwd });
    expect(projected.exitCode).toBe(2);
    expect(projected.stdout).toBe('');
    expect(await readFile(join(cwd, 'out.csv'), 'utf8')).toBe(OLD);
  });
});
