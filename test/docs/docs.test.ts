// Every example output in README.md and docs/ is what the built CLI prints today: the test
// regenerates each marked block (scripts/docs.mjs --check) and fails on any difference. After an
// intended change of output, `npm run docs` rewrites them.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, REPO_ROOT } from '../helpers/runCli.js';

const SCRIPT = join(REPO_ROOT, 'scripts', 'docs.mjs');

function docs(args: readonly string[]): Promise<{ readonly exitCode: number; readonly stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [SCRIPT, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 }, (error, _stdout, stderr) => {
      if (error !== null && typeof error.code !== 'number') {
        reject(error);
        return;
      }
      resolve({ exitCode: error === null ? 0 : (error.code as number), stderr });
    });
  });
}

describe('example outputs in the documentation', () => {
  let dir: string;
  beforeAll(async () => {
    assertBuilt();
    dir = await mkdtemp(join(tmpdir(), 'btcfi-docs-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('README.md and docs/ hold what the commands print (npm run docs rewrites them)', async () => {
    const { exitCode, stderr } = await docs(['--check']);
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
  });

  it('marks the example outputs of the README', async () => {
    const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');
    const markers = readme.match(/^<!-- btcfi(?: in \S+)?: .+ -->$/gm) ?? [];
    expect(markers).toContain('<!-- btcfi: project docs/examples/btcfi-5-10-range.yaml --samples 100000 --seed 1 -->');
    expect(markers.length).toBeGreaterThanOrEqual(6);
  });

  it('a block that has drifted fails the check, names its line, and is rewritten by npm run docs', async () => {
    const file = join(dir, 'drift.md');
    const current = '<!-- btcfi: solve growth --from 238.5B --to 770.6B --years 5 -->\n```\n$ btcfi solve growth --from 238.5B --to 770.6B --years 5\ngrowth  26.44% a year\n';
    const stale = `# Title\n\n${current.replace('26.44%', '26.45%')}stale tail\n\`\`\`\n\nText after.\n`;
    await writeFile(file, stale);
    const check = await docs(['--check', file]);
    expect(check.exitCode).toBe(1);
    expect(check.stderr).toMatch(/drift\.md:6: the example output has drifted\n {2}in the file: growth {2}26\.45% a year\n {2}the command: growth {2}26\.44% a year\n/);
    expect(check.stderr).toMatch(/run npm run docs/);
    expect(await readFile(file, 'utf8')).toBe(stale);

    const write = await docs([file]);
    expect(write.exitCode).toBe(0);
    const rewritten = await readFile(file, 'utf8');
    expect(rewritten).toMatch(/^# Title\n\n<!-- btcfi: solve growth/);
    expect(rewritten).toContain('growth  26.44% a year\nexact   26.43523621155829706821108483252730842771%\n');
    expect(rewritten).not.toContain('stale tail');
    expect(rewritten.endsWith('```\n\nText after.\n')).toBe(true);
    expect((await docs(['--check', file])).exitCode).toBe(0);
  });

  it('a marker without a block after it is an error, not skipped', async () => {
    const file = join(dir, 'loose.md');
    await writeFile(file, '<!-- btcfi: list -->\n\nNo block.\n');
    const { exitCode, stderr } = await docs(['--check', file]);
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/loose\.md:1: a btcfi marker needs a fenced block on the next line/);
  });
});
