/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions given to page.evaluate run in the browser, on its DOM.)
// `btcfi report` as a person sees it: the page opened from a file in a real headless Chromium
// (test/helpers/browser.ts), on a desktop, on a phone, in the dark and on paper. It must load
// nothing but itself, log no error, lay every text out within the page, draw every chart, be
// readable in both colour schemes, and show the very figures `btcfi project --format json` gives.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Decimal } from 'decimal.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openWatched, type PageWatch } from '../helpers/browser.js';
import { runCli } from '../helpers/runCli.js';

/** Every bundled scenario, a sampled one, and one whose text tries to be markup and to break the layout. */
const INPUTS = ['scenarios', 'docs/examples/btcfi-5-10-range.yaml', 'test/fixtures/report/hostile-text.yaml', '--samples', '2000'];

const D = Decimal.clone({ precision: 80 });

interface JsonRow {
  readonly period: string;
  readonly market_cap: string | null;
  readonly utilization: string | null;
  readonly tvl: string;
  readonly quantiles?: { readonly p5: string; readonly p95: string };
  readonly target_probability?: string | null;
}
interface JsonEntry {
  readonly name: string;
  readonly case: string | null;
  readonly rows: readonly JsonRow[];
  readonly target: { readonly value: string; readonly reached: string | null; readonly growth_needed: string | null; readonly utilization_needed: string | null } | null;
}

let browser: Browser;
let folder = '';
let entries: readonly JsonEntry[] = [];
/** One page for every test: each sets the width, colour scheme and medium it looks at. */
let page: Page;
let watch: PageWatch;
/** A chart of `btcfi project --format svg`, as a file of its own. */
let svgUrl = '';

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'btcfi-browser-'));
  const file = join(folder, 'report.html');
  const svgFile = join(folder, 'chart.svg');
  const [report, json, svg] = await Promise.all([
    runCli(['report', ...INPUTS, '-o', file]),
    runCli(['project', ...INPUTS, '--format', 'json']),
    runCli(['project', 'defi-2031', 'docs/examples/btcfi-5-10-range.yaml', '--samples', '2000', '--format', 'svg', '-o', svgFile]),
  ]);
  for (const run of [report, json, svg]) {
    expect(run.exitCode, run.stderr).toBe(0);
  }
  svgUrl = pathToFileURL(svgFile).href;
  entries = (JSON.parse(json.stdout) as { scenarios: JsonEntry[] }).scenarios;
  browser = await launchBrowser();
  ({ page, watch } = await openWatched(browser, pathToFileURL(file).href, { width: 1280 }));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await rm(folder, { recursive: true, force: true });
});

/** Elements laid out beyond the page's width, or holding text wider than their box (SVG drawings are checked apart). */
function findOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const name = (element: Element): string => `${element.tagName.toLowerCase()}${element.className === '' || typeof element.className !== 'string' ? '' : `.${element.className}`} "${(element.textContent ?? '').slice(0, 40)}"`;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width) {
      found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    }
    for (const element of document.body.querySelectorAll('*')) {
      if (element.closest('svg') !== null && element.tagName.toLowerCase() !== 'svg') {
        continue;
      }
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) {
        continue;
      }
      if (box.left < -0.5 || box.right > width + 0.5) {
        found.push(`${name(element)} spans ${Math.round(box.left)}..${Math.round(box.right)} of ${width}`);
      }
      if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) {
        found.push(`${name(element)} holds ${element.scrollWidth} px in ${element.clientWidth}`);
      }
    }
    return found;
  });
}

/** Text whose colour has a contrast below 4.5:1 (WCAG AA) on the background it is drawn on. */
function findLowContrast(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgba = (text: string): number[] => (text.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]): number => {
      const channel = (value: number): number => {
        const c = value / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    const background = (element: Element | null): number[] => {
      for (let at = element; at !== null; at = at.parentElement) {
        const color = rgba(getComputedStyle(at).backgroundColor);
        if (color.length === 3 || (color.length === 4 && color[3]! > 0)) {
          return color;
        }
      }
      return rgba(getComputedStyle(document.documentElement).backgroundColor);
    };
    const found: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
      if (!ownText || element.closest('svg') !== null) {
        continue;
      }
      const [fg, bg] = [luminance(rgba(getComputedStyle(element).color)), luminance(background(element))];
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < 4.5) {
        found.push(`${element.tagName.toLowerCase()} "${(element.textContent ?? '').slice(0, 30)}": ${ratio.toFixed(2)}`);
      }
    }
    return found;
  });
}

/**
 * Charts that draw nothing: each chart must have paths, every path a non-empty outline, and at
 * least one drawn with a real extent (a line or an area, not a lone point).
 */
function findEmptyCharts(page: Page): Promise<{ readonly charts: number; readonly empty: string[] }> {
  return page.evaluate(() => {
    // The charts shown: the page holds one for wide screens and one for phones, and hides the other.
    const charts = [...document.querySelectorAll('svg')].filter((svg) => svg.getClientRects().length > 0);
    const empty = charts.flatMap((svg, i) => {
      const paths = [...svg.querySelectorAll('path')];
      const outlined = paths.filter((path) => (path.getAttribute('d') ?? '').trim() !== '');
      const drawn = outlined.filter((path) => path.getBBox().width > 0 || path.getBBox().height > 0);
      return drawn.length === 0 || outlined.length < paths.length ? [`chart ${i + 1}: ${paths.length} paths, ${outlined.length} outlined, ${drawn.length} with an extent`] : [];
    });
    return { charts: charts.length, empty };
  });
}

/** Texts of a chart drawn outside it, where the chart's edge would cut them off. */
function findTextOutsideCharts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('svg')].flatMap((svg, i) => {
      if (svg.getClientRects().length === 0) {
        return [];
      }
      const frame = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')].flatMap((text) => {
        const box = text.getBoundingClientRect();
        const inside = box.left >= frame.left - 0.5 && box.right <= frame.right + 0.5 && box.top >= frame.top - 0.5 && box.bottom <= frame.bottom + 0.5;
        return inside ? [] : [`chart ${i + 1}: "${text.textContent ?? ''}" at ${Math.round(box.left)}..${Math.round(box.right)} of ${Math.round(frame.left)}..${Math.round(frame.right)}`];
      });
    }),
  );
}

interface PageFigure {
  readonly scenario: string;
  /** The cases of the figure's table. */
  readonly cases: readonly (string | null)[];
  readonly period: string | null;
  /** null for a column every case of its table shares, or for a scenario's one unnamed case. */
  readonly case: string | null;
  readonly field: string;
  readonly value: string;
  readonly shown: string;
}

function readFigures(page: Page): Promise<PageFigure[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-field][data-value]')].map((element) => ({
      scenario: element.closest<HTMLElement>('section[data-scenario]')!.dataset['scenario']!,
      cases: JSON.parse(element.closest<HTMLElement>('table[data-cases]')!.dataset['cases']!) as (string | null)[],
      period: element.closest<HTMLElement>('tr[data-period]')?.dataset['period'] ?? null,
      case: element.closest<HTMLElement>('[data-case]')?.dataset['case'] ?? null,
      field: element.dataset['field']!,
      value: element.dataset['value']!,
      shown: element.textContent ?? '',
    })),
  );
}

/** A figure as a table shows it (`$769.5B`, `91,332 BTC`, `+26.44%`) as a number, or null for `<$0.00000001`. */
function shownValue(text: string): Decimal | null {
  if (text.includes('<')) {
    return null;
  }
  const match = /^([+-]?)\$?([\d,.]+)([KMBT]?)( BTC|%)?$/.exec(text);
  if (match === null) {
    throw new Error(`a figure the page shows cannot be read: ${JSON.stringify(text)}`);
  }
  const scale = { '': 0, K: 3, M: 6, B: 9, T: 12 }[match[3] as '' | 'K' | 'M' | 'B' | 'T'] - (match[4] === '%' ? 2 : 0);
  return new D(`${match[1]}${match[2]!.replace(/,/g, '')}`).times(new D(10).pow(scale));
}

/** The JSON's figure for a field of a row; change is the TVL's rise over the previous row's, which the JSON leaves to its reader. */
function jsonFigure(entry: JsonEntry, index: number, field: string): Decimal | null {
  const row = entry.rows[index]!;
  const text: Record<string, string | null | undefined> = {
    market_cap: row.market_cap,
    utilization: row.utilization,
    tvl: row.tvl,
    p5: row.quantiles?.p5,
    p95: row.quantiles?.p95,
    target_probability: row.target_probability,
  };
  if (field === 'change') {
    return index === 0 ? null : new D(row.tvl).div(entry.rows[index - 1]!.tvl).minus(1);
  }
  const value = text[field];
  return value === null || value === undefined ? null : new D(value);
}

describe('btcfi report in a browser', () => {
  it.for([
    [1280, 'light'],
    [1280, 'dark'],
    [390, 'light'],
    [390, 'dark'],
  ] as const)('at %i px in the %s scheme: fits the width, reads clearly, draws every chart', async ([width, colorScheme]) => {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ media: 'screen', colorScheme });
    expect(await findOverflow(page)).toEqual([]);
    expect(await findLowContrast(page)).toEqual([]);
    // A chart for every scenario, each drawn, its texts within it.
    const { charts, empty } = await findEmptyCharts(page);
    expect(empty).toEqual([]);
    expect(charts).toBe(new Set(entries.map((entry) => entry.name)).size);
    expect(await findTextOutsideCharts(page)).toEqual([]);
  });

  it('looks like a page: a screenshot shows more than a blank page', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
    const screenshot = await page.screenshot();
    await writeFile(join(folder, 'report.png'), screenshot);
    // A blank 1280 x 900 PNG is about 4 kB; text and tables take several times that.
    expect(screenshot.length).toBeGreaterThan(30_000);
  });

  it('opens a chart of btcfi project --format svg on its own: drawn, its texts within it, nothing else loaded', async () => {
    const opened = await openWatched(browser, svgUrl, { width: 1280 });
    const { charts, empty } = await findEmptyCharts(opened.page);
    expect(await opened.page.evaluate(() => document.documentElement.tagName)).toBe('svg');
    expect(charts).toBeGreaterThan(0);
    expect(empty).toEqual([]);
    expect(await findTextOutsideCharts(opened.page)).toEqual([]);
    expect(opened.watch).toEqual({ errors: [], requests: [] });
    await opened.page.context().close();
  });

  it('prints on A4: the width of the paper holds everything, and a PDF comes out', async () => {
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    // 210 mm less the page's margins of 12 mm each side, at 96 px to the inch.
    await page.setViewportSize({ width: Math.floor(((210 - 24) / 25.4) * 96), height: 1000 });
    expect(await findOverflow(page)).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('shows the figures of btcfi project --format json: every one, exactly, and rounded as shown', async () => {
    const figures = await readFigures(page);
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const figure of figures) {
      const matching = entries.filter((entry) => entry.name === figure.scenario && (figure.case === null ? figure.cases.includes(entry.case) : entry.case === figure.case));
      const compared = matching.flatMap((entry) => {
        const index = entry.rows.findIndex((row) => row.period === figure.period);
        return index === -1 ? [] : [{ entry, expected: jsonFigure(entry, index, figure.field) }];
      });
      const where = `${figure.scenario} ${figure.case ?? '(every case)'} ${figure.period} ${figure.field}`;
      if (compared.length === 0) {
        problems.push(`${where}: not in the JSON`);
      }
      for (const { entry, expected } of compared) {
        seen.add(`${entry.name}|${entry.case}|${figure.period}|${figure.field}`);
        // A change is the rise of the JSON's TVLs, to 40 digits; of a sampled case's medians (12 digits), to 12.
        const tolerance = entry.rows.some((row) => row.quantiles !== undefined) ? '1e-11' : '1e-35';
        const exact = figure.field === 'change' ? expected !== null && new D(figure.value).minus(expected).abs().lte(expected.abs().times(tolerance)) : expected !== null && expected.toFixed() === figure.value;
        if (!exact) {
          problems.push(`${where}: the page has ${figure.value}, the JSON ${expected?.toFixed() ?? 'nothing'}`);
        }
      }
      const shown = shownValue(figure.shown);
      const value = new D(figure.value);
      if (shown !== null && shown.minus(value).abs().gt(value.abs().times('0.000501'))) {
        problems.push(`${where}: shows ${figure.shown} for ${figure.value}`);
      }
    }
    expect(problems).toEqual([]);
    const tvls = entries.flatMap((entry) => entry.rows.map((row) => `${entry.name}|${entry.case}|${row.period}|tvl`));
    expect(tvls.filter((key) => !seen.has(key)), 'every TVL of the JSON is on the page').toEqual([]);
    expect(figures.length).toBeGreaterThan(tvls.length);
  });

  it('states each target as the JSON does: value, period reached, growth and utilization needed', async () => {
    const targets = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('li[data-target]')].map((element) => ({
        scenario: element.closest<HTMLElement>('section[data-scenario]')!.dataset['scenario']!,
        case: element.dataset['case'] ?? null,
        target: {
          value: element.dataset['target']!,
          reached: element.dataset['reached'] ?? null,
          growth_needed: element.dataset['growthNeeded'] ?? null,
          utilization_needed: element.dataset['utilizationNeeded'] ?? null,
        },
      })),
    );
    const expected = entries.filter((entry) => entry.target !== null).map((entry) => ({ scenario: entry.name, case: entry.case, target: entry.target }));
    expect(targets).toEqual(expected);
    expect(targets.length).toBeGreaterThan(3);
  });

  // Last, so that it sees what every test above made the page do.
  it('loaded nothing but itself and logged no error', () => {
    expect(watch).toEqual({ errors: [], requests: [] });
  });
});
