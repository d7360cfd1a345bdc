// The terminal experience: colour rules, charts, the reader's language, --quiet, the short help
// and completion. Runs are in-process (stdout and stderr are not terminals there); what needs a
// real terminal runs the built CLI under script(1), on a pseudo-terminal.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, cliEnv, commandLine, runCli, runShell, transcript } from '../helpers/runCli.js';

beforeAll(assertBuilt);

const ESC = '\u001b[';
const plainEnv = (extra: Record<string, string> = {}) => {
  const env = cliEnv();
  delete env['NO_COLOR'];
  delete env['TERM'];
  return { ...env, ...extra };
};

describe('colour', () => {
  it('is off in a pipe, even without NO_COLOR', async () => {
    const { stdout } = await runCli(['project'], { env: plainEnv() });
    expect(stdout).not.toContain(ESC);
  });

  it('is forced on by --color and by FORCE_COLOR, and off again by --no-color', async () => {
    expect((await runCli(['project', '--color'], { env: plainEnv() })).stdout).toContain(ESC);
    expect((await runCli(['project'], { env: plainEnv({ FORCE_COLOR: '1' }) })).stdout).toContain(ESC);
    expect((await runCli(['project', '--color', '--no-color'], { env: plainEnv() })).stdout).not.toContain(ESC);
  });

  it('puts falls in red and rises in green', async () => {
    const { stdout } = await runCli(['project', 'scenarios/l2-2025.yaml', 'scenarios/defi-2031.yaml', '--color', '--no-chart'], { env: plainEnv() });
    expect(stdout).toContain(`${ESC}31m-74%`);
    expect(stdout).toContain(`${ESC}32m+26.4%`);
  });

  it('stays off with NO_COLOR or TERM=dumb, where no flag asks for it', async () => {
    for (const env of [plainEnv({ NO_COLOR: '1' }), plainEnv({ TERM: 'dumb' })]) {
      expect((await runCli(['project'], { env })).stdout).not.toContain(ESC);
    }
  });
});

describe('charts', () => {
  it('draws a line chart with a legend under each table with --chart, and never in a pipe without it', async () => {
    const charted = await runCli(['project', 'scenarios/defi-2031.yaml', '--chart']);
    expect(charted.stdout).toMatch(/┤/);
    expect(charted.stdout).toMatch(/──a rounded +──b exact/);
    expect(charted.stdout).not.toContain(ESC);
    const piped = await runCli(['project', 'scenarios/defi-2031.yaml']);
    expect(piped.stdout).not.toMatch(/┤/);
  });

  it('never draws in CSV or JSON, even when asked', async () => {
    for (const format of ['csv', 'json']) {
      const { stdout } = await runCli(['project', 'scenarios/defi-2031.yaml', '--chart', '--format', format]);
      expect(stdout).not.toMatch(/┤/);
    }
  });

  it('shows a chart under each table on a terminal, in colour, as wide as the terminal', async () => {
    const { stdout } = await runCli(['project', 'scenarios/defi-2031.yaml'], { env: plainEnv(), terminalColumns: 70 });
    expect(stdout).toMatch(/┤/);
    expect(stdout).toContain(ESC);
    const widest = Math.max(...stdout.replace(/\u001b\[[0-9;]*m/g, '').split('\n').filter((line) => line.includes('┤')).map((line) => line.length));
    expect(widest).toBeLessThanOrEqual(70);
    expect(widest).toBeGreaterThan(40);
  });

  it('shows a chart under each table on a terminal the process finds for itself', async () => {
    const { stdout } = await runShell('script -qc "COLUMNS=70 $BTCFI_NODE $BTCFI_BIN project scenarios/defi-2031.yaml" /dev/null < /dev/null || true');
    if (stdout === '') {
      return; // no pseudo-terminal here
    }
    expect(stdout).toMatch(/┤/);
  });
});

describe('the reader’s language', () => {
  it('writes zh-CN tables with Chinese headers and magnitudes, and keeps CSV and JSON as they are', async () => {
    const args = ['project', 'scenarios/defi-2031.yaml', 'scenarios/btcfi-5-10.yaml', '--locale', 'zh-CN'];
    const result = await runCli(args);
    expect(result.stdout).toContain('期间');
    expect(result.stdout).toContain('US$7695.27亿');
    expect(result.stdout).toContain('US$1000亿');
    expect(result.stdout).toContain('US$2万亿');
    await expect(transcript(commandLine(args), result)).toMatchFileSnapshot('../golden/terminal/zh-CN.table.txt');
    for (const format of ['csv', 'json']) {
      const zh = await runCli(['project', '--locale', 'zh-CN', '--format', format]);
      const en = await runCli(['project', '--format', format]);
      expect(zh.stdout).toBe(en.stdout);
    }
  });

  it('takes BTCFI_LOCALE, and falls back to en-US with a note when Node has no data for a locale', async () => {
    expect((await runCli(['project', '-s', 'btcfi-100b'], { env: cliEnv({ BTCFI_LOCALE: 'zh-CN' }) })).stdout).toContain('期间');
    const unknown = await runCli(['project', '-s', 'btcfi-100b', '--locale', 'xx-YY']);
    expect(unknown.exitCode).toBe(0);
    expect(unknown.stdout).toContain('Period');
    expect(unknown.stderr).toMatch(/no number data for the locale 'xx-YY'; using en-US/);
  });

  it('does not guess the locale from LANG', async () => {
    const { stdout } = await runCli(['project', '-s', 'btcfi-100b'], { env: cliEnv({ LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' }) });
    expect(stdout).toContain('$100B');
  });
});

describe('conventions', () => {
  it('prints a short help with examples for a bare btcfi', async () => {
    const result = await runCli([]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/Commands:/);
    expect(result.stdout).toMatch(/Examples:/);
    expect(result.stdout.split('\n').length).toBeLessThan(30);
  });

  it('has examples in the help of every command', async () => {
    for (const command of ['project', 'check', 'validate', 'list', 'init', 'schema', 'solve', 'grid', 'completion']) {
      const { stdout, exitCode } = await runCli([command, '--help']);
      expect(exitCode, command).toBe(0);
      expect(stdout, command).toMatch(/Examples?:/);
    }
  });

  it('suggests a command for a typo', async () => {
    const { stderr, exitCode } = await runCli(['projetc']);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/did you mean project\?/);
  });

  it('-q silences everything but the result and errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'btcfi-quiet-'));
    try {
      const out = join(dir, 'out.csv');
      const loud = await runCli(['project', '--format', 'csv', '-o', out]);
      expect(loud.stderr).toMatch(/wrote/);
      const quiet = await runCli(['-q', 'project', '--format', 'csv', '-o', out]);
      expect(quiet.stderr).toBe('');
      expect(await readFile(out, 'utf8')).toMatch(/^scenario,case/);
      const error = await runCli(['project', '--quiet', 'missing.yaml']);
      expect(error.stderr).toMatch(/btcfi: error: missing\.yaml/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('tells a terminal reading - that it waits for standard input', async () => {
    if (!existsSync('/usr/bin/script')) {
      return;
    }
    const { stdout } = await runShell('script -qc "$BTCFI_NODE $BTCFI_BIN project -" /dev/null < /dev/null');
    expect(stdout).toMatch(/reading standard input; end it with Ctrl-D/);
  });

  it('prints completion scripts that name the commands and the bundled scenarios', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const { stdout, exitCode } = await runCli(['completion', shell]);
      expect(exitCode, shell).toBe(0);
      expect(stdout, shell).toContain('project');
      expect(stdout, shell).toContain('defi-2031');
    }
  });
});
