// Every example output in README.md and docs/ is what btcfi prints today: the test regenerates
// each marked block as scripts/docs.mjs does, with the commands run in-process (their words split
// as sh splits them), and fails on any difference. After an intended change of output,
// `npm run docs` rewrites them. The script itself, which runs the built CLI through sh, is run
// as a process on small files of its own.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, REPO_ROOT, runCli } from '../helpers/runCli.js';

const SCRIPT = join(REPO_ROOT, 'scripts', 'docs.mjs');

/** What the test uses of scripts/docs.mjs. */
interface DocsScript {
  documentationFiles(): string[];
  documentedEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  shownOutput(args: string, result: { stdout: string; stderr: string; exitCode: number | null }): string;
  runBtcfi(args: string, dir?: string): Promise<string>;
  renderDocument(text: string, run: (args: string, dir: string) => Promise<string>, name: string): Promise<string>;
}

/**
 * The words of a marker's ARGS as sh splits them, with '...', "..." and \ quoting; null when sh
 * would do more than split and unquote (a variable, a pipe, a glob, a redirection...).
 */
function shellWords(line: string): string[] | null {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]!;
    if (char === ' ' || char === '\t') {
      if (word !== null) words.push(word);
      word = null;
    } else if (char === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) return null;
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (char === '"') {
      let text = '';
      for (i += 1; i < line.length && line[i] !== '"'; i += 1) {
        if (line[i] === '$' || line[i] === '`') return null;
        if (line[i] === '\\' && i + 1 < line.length && '$`"\\'.includes(line[i + 1]!)) i += 1;
        text += line[i];
      }
      if (i === line.length) return null;
      word = (word ?? '') + text;
    } else if (char === '\\' && i + 1 < line.length && line[i + 1] !== '\n') {
      i += 1;
      word = (word ?? '') + line[i];
    } else if (/[|&;<>()$`*?[\]#~{}!\\\n]/.test(char)) {
      return null;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

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
    const script = (await import(pathToFileURL(SCRIPT).href)) as DocsScript;
    const env = script.documentedEnv(process.env);
    let commands = 0;
    // As scripts/docs.mjs runs a marker, in-process: the same words, folder and environment.
    const run = async (args: string, dir: string): Promise<string> => {
      commands += 1;
      const argv = shellWords(args);
      if (argv === null) {
        return script.runBtcfi(args, dir);
      }
      return script.shownOutput(args, await runCli(argv, { cwd: join(REPO_ROOT, dir), env }));
    };
    const files = script.documentationFiles();
    expect(files).toContain('README.md');
    for (const file of files) {
      const text = await readFile(join(REPO_ROOT, file), 'utf8');
      expect(await script.renderDocument(text, run, file), `${file} has drifted from what the commands print: run npm run docs, and review the diff`).toBe(text);
    }
    expect(commands).toBeGreaterThanOrEqual(6);
  });

  it('splits the words of a marker as sh does, and leaves to sh what is more than words', () => {
    expect(shellWords(`solve supply --tvl "91,332 BTC" --utilization 0.46%`)).toEqual(['solve', 'supply', '--tvl', '91,332 BTC', '--utilization', '0.46%']);
    expect(shellWords(`project --utilization '5% to 10%'  a\\ b "x\\"y" it's'`)).toEqual(['project', '--utilization', '5% to 10%', 'a b', 'x"y', 'its']);
    expect(shellWords('x=1..5:1%')).toEqual(['x=1..5:1%']);
    for (const line of ['project | head -1', 'project > out', 'project $HOME', 'project "$HOME"', 'project *.yaml', 'project `x`', "project 'open", 'a; b', 'project ~/x']) {
      expect(shellWords(line), line).toBeNull();
    }
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
