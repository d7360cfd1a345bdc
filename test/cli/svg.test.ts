// `--format svg` end to end, in-process: golden SVG files under test/golden/svg/ (open them in a
// browser to review; update with `npx vitest run test/cli/svg.test.ts -u`), and what every SVG
// btcfi writes must be: well-formed XML, the same bytes run after run, every path drawn, no
// script, link or external font, and text from files escaped.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, commandLine, runCli, transcript } from '../helpers/runCli.js';

beforeAll(assertBuilt);

const RANGE = 'test/fixtures/ranges/btcfi-5-10-range.yaml';
const GRID = ['--market-cap', '2T', '--x', 'utilization=1%..10%:1%', '--y', 'growth=0%..30%:10%', '--years', '5'];

const GOLDEN: { name: string; args: string[] }[] = [
  { name: 'defi-2031', args: ['project', 'defi-2031', '--format', 'svg'] },
  { name: 'defi-2031.log', args: ['project', 'defi-2031', '--format', 'svg', '--log'] },
  { name: 'bundled', args: ['project', '--format', 'svg'] },
  { name: 'btcfi-5-10-range', args: ['project', RANGE, '--samples', '2000', '--format', 'svg'] },
  { name: 'grid.inline', args: ['grid', ...GRID, '--format', 'svg'] },
  { name: 'grid.inline.log', args: ['grid', ...GRID, '--format', 'svg', '--log'] },
];

const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, parseTagValue: false, trimValues: false });

interface Node {
  readonly [key: string]: unknown;
}

/** Every element of a parsed document, depth first, as [name, attributes, children]. */
function* elements(nodes: readonly Node[]): Generator<[string, Record<string, string>, readonly Node[]]> {
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
    if (name === undefined) {
      continue;
    }
    const children = node[name] as Node[];
    yield [name, (node[':@'] ?? {}) as Record<string, string>, children];
    yield* elements(children);
  }
}

/** The text of a <text> element. */
const textOf = (children: readonly Node[]): string => children.map((child) => String(child['#text'] ?? '')).join('');

/** What every SVG btcfi writes must be. */
function checkSvg(svg: string): void {
  expect(XMLValidator.validate(svg)).toBe(true);
  expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" version="1.1"')).toBe(true);
  expect(svg.endsWith('</svg>\n')).toBe(true);
  expect(svg).not.toMatch(/<script|<foreignObject|href=|url\(|@import|@font-face|<style|\bon[a-z]+=/i);
  const all = [...elements(parser.parse(svg) as Node[])];
  const paths = all.filter(([name]) => name === 'path');
  expect(paths.length).toBeGreaterThan(0);
  for (const [, attributes] of paths) {
    expect(attributes['@_d'], 'every path has path data').toMatch(/^M-?[0-9]/);
  }
  for (const [, attributes] of all.filter(([name]) => name === 'svg')) {
    expect(attributes['@_font-family']).toBe('sans-serif');
  }
  // Coordinates are written with at most two decimals, never an exponent.
  expect(svg).not.toMatch(/="[^"]*[0-9]\.[0-9]{3,}[^"]*"/);
  expect(svg).not.toMatch(/\s(?:d|x|y|width|height|viewBox|transform)="[^"]*[0-9]e[+-]?[0-9]/);
}

describe('golden SVG files', () => {
  it.each(GOLDEN)('$name', async ({ name, args }) => {
    const result = await runCli(args);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    checkSvg(result.stdout);
    await expect(result.stdout).toMatchFileSnapshot(`../golden/svg/${name}.svg`);
    const again = await runCli(args);
    expect(again.stdout, 'the same input gives the same bytes').toBe(result.stdout);
  });
});

describe('charts', () => {
  it('labels the figure axis at round figures, in the scenario unit', async () => {
    const svg = (await runCli(['project', 'defi-2031', '--format', 'svg'])).stdout;
    const ticks = [...elements(parser.parse(svg) as Node[])].filter(([name, attributes]) => name === 'text' && attributes['@_class'] === 'tick').map(([, , children]) => textOf(children));
    expect(ticks).toEqual(['$0', '$200B', '$400B', '$600B', '$800B', '2026', '2027', '2028', '2029', '2030', '2031']);
    const btc = (await runCli(['project', 'btcfi-2025', '--format', 'svg'])).stdout;
    expect(btc).toContain('>100,000 BTC</text>');
  });

  it('draws the target as a labelled line, a fan and a histogram for a sampled case', async () => {
    const svg = (await runCli(['project', RANGE, '--samples', '2000', '--format', 'svg'])).stdout;
    expect(svg).toMatch(/class="reference-label">Target \$238B</);
    expect(svg).toContain('class="band band-90"');
    expect(svg).toContain('class="band band-50"');
    expect(svg).toContain('class="histogram-bars"');
    expect(svg).toContain('>TVL in 2031 over 2,000 paths</text>');
  });

  it('escapes text from files: a title and a source that look like markup stay text', async () => {
    const yaml = [
      'name: hostile',
      'title: "</text><script>alert(1)</script> & \\"quoted\\""',
      'source: "a bell \\u0007 and an escape \\u001b[31m"',
      'tvl: 1B',
      'years: 2',
      'growth: 5%',
    ].join('\n');
    const result = await runCli(['project', '-', '--format', 'svg'], { input: yaml });
    expect(result.exitCode).toBe(0);
    checkSvg(result.stdout);
    const texts = [...elements(parser.parse(result.stdout) as Node[])].filter(([name]) => name === 'text').map(([, , children]) => textOf(children));
    expect(result.stdout).toContain('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;');
    expect(texts).toContain('</text><script>alert(1)</script> & "quoted"');
    expect(texts.some((text) => text.includes('a bell \\x07 and an escape \\x1b[31m'))).toBe(true);
  });

  it('draws zero on a linear scale and says so when --log cannot be kept', async () => {
    const result = await runCli(['project', '--tvl', '1B', '--growth', '-100%', '--years', '2', '--format', 'svg', '--log']);
    checkSvg(result.stdout);
    expect(result.stdout).toContain('drawn on a linear scale');
  });

  it('writes a heat map cell for every grid cell, labelled with its figure where it fits', async () => {
    const svg = (await runCli(['grid', ...GRID, '--format', 'svg'])).stdout;
    const cells = [...svg.matchAll(/class="cells" d="([^"]*)"/g)].map((match) => match[1]!.split('Z').filter((cell) => cell !== '').length);
    expect(cells.reduce((a, b) => a + b, 0)).toBe(40);
    expect(svg).toContain('>$742.6B</text>');
    expect(svg).toContain('class="colour-legend"');
  });
});

describe('the histogram under the table', () => {
  it('shows the last period of a sampled case with --chart', async () => {
    const args = ['project', RANGE, '--samples', '2000', '--chart'];
    const result = await runCli(args);
    expect(result.stdout).toContain('TVL in 2031 over 2,000 paths');
    await expect(transcript(commandLine(args), result)).toMatchFileSnapshot('../golden/ranges/btcfi-5-10-range.chart.txt');
  });
});
