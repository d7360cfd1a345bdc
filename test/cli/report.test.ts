// `btcfi report`: the HTML page as bytes. What a browser makes of it (layout, figures against
// the JSON, no request leaving the page) is test/browser/report.test.ts.
// Update the pages with `npx vitest run test/cli/report.test.ts -u` and review the diff like code.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandLine, runCli, transcript } from '../helpers/runCli.js';

const RANGE = 'docs/examples/btcfi-5-10-range.yaml';
const HOSTILE = 'test/fixtures/report/hostile-text.yaml';

let folder = '';
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'btcfi-report-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The page of `btcfi report ...args` on stdout, after checking that the run succeeded quietly. */
async function page(args: readonly string[]): Promise<string> {
  const result = await runCli(['report', ...args]);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  return result.stdout;
}

describe('btcfi report', () => {
  it.for([
    ['defi-2031', ['defi-2031']],
    ['btcfi-5-10-range', [RANGE, '--samples', '2000']],
    ['hostile-text', [HOSTILE]],
  ] as const)('writes the page of %s as the golden page has it', async ([name, args]) => {
    await expect(await page(args)).toMatchFileSnapshot(`../golden/report/${name}.html`);
  });

  it('writes the same bytes for the same input, sampled scenarios included', async () => {
    const args = [RANGE, 'btcfi-5-10', '--samples', '3000', '--seed', '7'];
    expect(await page(args)).toBe(await page(args));
  });

  it('holds everything it shows: no script, no address to fetch, only links within the page', async () => {
    const html = await page([RANGE, '--samples', '500']);
    // The bundled scenarios with no path, as btcfi project takes them.
    const bundled = await page([]);
    for (const text of [html, bundled]) {
      expect(text).not.toMatch(/<(script|link|iframe|img|object|embed|base)\b/i);
      expect(text).not.toMatch(/\b(src|srcset|action|formaction|xlink:href)\s*=/i);
      expect(text).not.toMatch(/url\(|@import|@font-face/i);
      expect([...text.matchAll(/href="([^"#][^"]*)"/g)]).toEqual([]);
      expect(text).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    }
    expect(bundled.match(/<section class="scenario"/g)).toHaveLength(8);
  });

  it('shows text from files as text: markup escaped, controls and bidi overrides as escapes', async () => {
    const html = await page([HOSTILE]);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &lt;script&gt;alert(2)&lt;/script&gt; \\x1b[31mred\\u202e');
    expect(html).not.toMatch(/<img|<script/);
    // eslint-disable-next-line no-control-regex
    expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
  });

  it('chooses scenarios and cases, and applies what-ifs, as btcfi project does', async () => {
    const html = await page(['-s', 'defi-2031', '-c', 'exact', '--growth', '10%']);
    expect(html.match(/<section class="scenario" id="([^"]+)"/g)).toEqual(['<section class="scenario" id="scenario-defi-2031"']);
    expect(html).toContain('<p class="what-if">what-if: growth 10%</p>');
    expect(new Set([...html.matchAll(/data-case="([^"]*)"/g)].map((match) => match[1]))).toEqual(new Set(['exact']));
    expect(html).toContain('data-period="2031"><th scope="row">2031</th><td data-label="TVL · exact" data-case="exact"><span data-field="tvl" data-value="384106635000">$384.1B</span>');
  });

  it('writes the words and figures for people in the language of --locale, and the exact figures as always', async () => {
    const result = await runCli(['--locale', 'zh-CN', 'report', 'defi-2031', '-c', 'rounded']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('<html lang="zh-CN">');
    expect(result.stdout).toContain('<title>btcfi 报告</title>');
    expect(result.stdout).toContain('<span data-field="tvl" data-value="769526806517.121024">US$7695.27亿</span>');
  });

  it('writes to --output atomically and says so on stderr, with nothing on stdout', async () => {
    const file = join(folder, 'report.html');
    const result = await runCli(['report', 'defi-2031', '-o', file]);
    expect(result).toMatchObject({ exitCode: 0, stdout: '', stderr: `btcfi: wrote ${file}\n` });
    expect(await readFile(file, 'utf8')).toBe(await page(['defi-2031']));
  });

  it('refuses what btcfi project refuses, with the same exit code', async () => {
    const result = await runCli(['report', '--scenario', 'defi2031']);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^btcfi: error: no scenario named 'defi2031'\nhint: did you mean 'defi-2031'\?/);
  });

  it('has help with examples', async () => {
    const args = ['report', '--help'];
    await expect(transcript(commandLine(args), await runCli(args))).toMatchFileSnapshot('../golden/cli/report-help.txt');
  });
});
