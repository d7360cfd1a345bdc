// What a newcomer tries first: -v for the version, a bundled scenario by name from any folder,
// and the help examples, which must work wherever they are typed.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/runCli.js';

describe('-v', () => {
  it.each([[['-v']], [['project', '-v']]])('btcfi %j says the option is unknown and points to -V', async (args) => {
    const { stdout, stderr, exitCode } = await runCli(args);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^btcfi: error: unknown option '-v'\nhint: did you mean -V \(--version\)\?\n/);
  });

  it('gives no such hint for another unknown short option', async () => {
    const { stderr } = await runCli(['-x']);
    expect(stderr).toMatch(/unknown option '-x'/);
    expect(stderr).not.toMatch(/--version/);
  });

  it('-V, the hinted flag, prints the version', async () => {
    const { stdout, exitCode } = await runCli(['-V']);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('a bundled scenario by name', () => {
  it.each([
    ['project', ['project', 'defi-2031'], /^DeFi market 2026 to 2031\n/],
    ['check', ['check', 'defi-2031'], /passed, 0 failed\n$/],
    ['validate', ['validate', 'defi-2031', 'l2-2025'], /^✓ scenarios\/defi-2031\.yaml .*\n✓ scenarios\/l2-2025\.yaml /],
    ['list', ['list', 'btcfi-100b'], /^btcfi-100b /],
  ])('%s accepts it', async (_command, args, output) => {
    const { stdout, stderr, exitCode } = await runCli(args);
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(output);
  });

  it('reads the same scenario as its file does', async () => {
    const byName = await runCli(['project', 'defi-2031', '--format', 'json']);
    const byPath = await runCli(['project', 'scenarios/defi-2031.yaml', '--format', 'json']);
    expect(byName.stdout).toBe(byPath.stdout);
  });

  it('a near miss suggests the bundled name', async () => {
    const { stderr, exitCode } = await runCli(['project', 'defi2031']);
    expect(exitCode).toBe(2);
    expect(stderr).toBe('btcfi: error: defi2031: no such file, directory or bundled scenario\nhint: did you mean defi-2031?\n');
  });

  it('an unknown name lists the bundled scenarios', async () => {
    const { stderr, exitCode } = await runCli(['check', 'nothing-like-it']);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^btcfi: error: nothing-like-it: no such file, directory or bundled scenario\nhint: the bundled scenarios are bob-babylon, .*defi-2031.*; or give a file path\n$/);
  });

  it('a path that is not a name is still reported as a missing file', async () => {
    const { stderr, exitCode } = await runCli(['project', 'defi-2031.yaml']);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^btcfi: error: defi-2031\.yaml: no such file or directory\n/);
  });
});

describe('from another folder (the built CLI)', () => {
  let dir: string;
  beforeAll(async () => {
    assertBuilt();
    dir = await mkdtemp(join(tmpdir(), 'btcfi-names-'));
    // A folder named like a bundled scenario, holding a scenario of its own.
    await mkdir(join(dir, 'defi-2031'));
    await writeFile(join(dir, 'defi-2031', 'mine.yaml'), 'name: mine\ntvl: 1B\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a path wins over a bundled name', async () => {
    const { stdout, exitCode } = await runCli(['list', 'defi-2031', '--format', 'json'], { cwd: dir });
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout).scenarios.map((s: { name: string }) => s.name)).toEqual(['mine']);
  });

  it('a bundled name works where no such path exists', async () => {
    const { stdout, exitCode } = await runCli(['project', 'btcfi-100b', '--format', 'csv'], { cwd: dir });
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/btcfi-100b/);
  });
});

describe('help examples', () => {
  const commands = ['project', 'check', 'validate', 'list', 'init', 'schema', 'solve', 'grid', 'completion'];
  it.each(commands)('btcfi %s --help names no scenarios/ folder, which exists only in a clone', async (command) => {
    const { stdout, exitCode } = await runCli([command, '--help']);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/Examples/);
    expect(stdout).not.toMatch(/scenarios\//);
  });

  it('btcfi --help names no scenarios/ folder', async () => {
    const { stdout } = await runCli(['--help']);
    expect(stdout).not.toMatch(/scenarios\//);
  });
});
