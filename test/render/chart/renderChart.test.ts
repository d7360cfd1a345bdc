import { Chalk } from 'chalk';
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { D } from '../../../src/engine/decimal.js';
import { renderChart, type ChartSeries } from '../../../src/render/chart/renderChart.js';

const plain = new Chalk({ level: 0 });
const colored = new Chalk({ level: 1 });

/** start × (1 + growth)^i for i = 0 … periods - 1, from 2026. */
function path(name: string | null, start: string, growth: string, periods: number): ChartSeries {
  return {
    name,
    periods: Array.from({ length: periods }, (_, i) => String(2026 + i)),
    values: Array.from({ length: periods }, (_, i) => new D(start).times(new D(1).plus(growth).pow(i))),
  };
}

const defi = [path('rounded', '238.5e9', '0.264', 6), path('slow', '238.5e9', '0.1', 6)];
const options = { width: 80, chalk: plain, unit: 'USD', locale: 'en-US' } as const;

function widest(text: string): number {
  return Math.max(...text.split('\n').map((line) => stringWidth(stripVTControlCharacters(line))));
}

describe('renderChart', () => {
  it('writes no escape code when colour is off', () => {
    const text = renderChart(defi, options);
    expect(text).not.toBe('');
    expect(text).not.toContain('\u001b');
  });

  it('colours each path and its legend entry through the chalk it is given', () => {
    const text = renderChart(defi, { ...options, chalk: colored });
    expect(text).toContain(colored.cyan('──a'));
    expect(text).toContain(colored.magenta('──b'));
    expect(stripVTControlCharacters(text)).toBe(renderChart(defi, options));
  });

  it.each([120, 80, 60, 40, 30, 24])('is never wider than %i columns', (width) => {
    for (const series of [defi, [path(null, '101721', '-0.102', 2)], [path('huge', '1e30', '0.1', 201)]]) {
      const text = renderChart(series, { ...options, width, locale: 'en-US' });
      if (text !== '') {
        expect(widest(text)).toBeLessThanOrEqual(width);
      }
    }
  });

  it('is never wider than the width with zh-CN figures, which are two columns a character', () => {
    const text = renderChart(defi, { ...options, width: 50, locale: 'zh-CN' });
    expect(text).toContain('亿');
    expect(widest(text)).toBeLessThanOrEqual(50);
  });

  it('stretches a short path to fill the plot, and no further than the width', () => {
    const text = renderChart([path(null, '1e9', '0.1', 3)], { ...options, width: 200 });
    expect(widest(text)).toBeLessThan(80);
    expect(widest(text)).toBeGreaterThan(40);
  });

  it('draws nothing when the width leaves too few columns', () => {
    expect(renderChart(defi, { ...options, width: 12 })).toBe('');
  });

  it('names every case in the legend, and ends each line in its letter', () => {
    const lines = renderChart(defi, options).split('\n');
    expect(lines.at(-1)).toBe('──a rounded   ──b slow');
    expect(lines.filter((line) => /[╭╰─]a$/.test(line))).toHaveLength(1);
    expect(lines.filter((line) => /[╭╰─]b$/.test(line))).toHaveLength(1);
  });

  it('calls a path without a case TVL, and gives it no letter', () => {
    const lines = renderChart([path(null, '1e9', '0.1', 6)], options).split('\n');
    expect(lines.at(-1)).toBe('── TVL');
    expect(lines.some((line) => /[a-z]$/.test(line.replace(/\d{4}$/, '')))).toBe(false);
  });

  it('wraps a legend that does not fit on one line', () => {
    const series = ['first-case-name', 'second-case-name', 'third-case-name'].map((name, i) => path(name, '1e9', String(i / 10), 6));
    const text = renderChart(series, { ...options, width: 48 });
    expect(text.split('\n').slice(-2)).toEqual(['──a first-case-name   ──b second-case-name', '──c third-case-name']);
    expect(widest(text)).toBeLessThanOrEqual(48);
    for (const name of ['first-case-name', 'second-case-name', 'third-case-name']) {
      expect(text).toContain(name);
    }
  });

  it('labels the first and last period under the plot', () => {
    const lines = renderChart(defi, options).split('\n');
    expect(lines.at(-2)).toMatch(/^ +2026 +2031$/);
  });

  it('labels the y axis with compact figures from the highest value to the lowest', () => {
    const lines = renderChart(defi, options).split('\n');
    expect(lines[0]).toMatch(/^\$770B ┤/);
    expect(lines[lines.length - 3]).toMatch(/^\$238B ┼/);
  });

  it('uses a fourth digit when three would repeat a label, and leaves out labels that still repeat', () => {
    const text = renderChart([path(null, '100e9', '0.001', 6)], options);
    const labels = text.split('\n').slice(0, -2).map((line) => line.split(/ [┤┼]/)[0]!.trim());
    const shown = labels.filter((label) => label !== '');
    expect(new Set(shown).size).toBe(shown.length);
    expect(labels[0]).toBe('$100.5B');
    expect(labels.at(-1)).toBe('$100B');
    expect(shown.length).toBeLessThan(labels.length);
  });

  it('draws nothing for a path of one period', () => {
    expect(renderChart([path('only', '100e9', '0.1', 1)], options)).toBe('');
    expect(renderChart([], options)).toBe('');
  });

  it('draws a flat path from zero, as a line along the top', () => {
    const lines = renderChart([path(null, '100e9', '0', 6)], { ...options, height: 5 }).split('\n');
    expect(lines).toHaveLength(5 + 2);
    expect(lines[0]).toMatch(/^\$100B ┼─+$/);
    expect(lines[4]).toMatch(/^ +\$0 ┤$/);
  });

  it('draws a path of zeros as one line at $0', () => {
    const lines = renderChart([path(null, '0', '0', 6)], options).split('\n');
    expect(lines[0]).toMatch(/^ *\$0 ┼─+$/);
    expect(lines).toHaveLength(3);
  });

  it('draws a path that reaches 1e30 with its figures', () => {
    const huge = path(null, '1e30', '1', 4);
    const text = renderChart([huge], options);
    expect(text.split('\n')[0]).toMatch(/^\$8,000,000,000,000,000,000T ┤/);
    expect(text).toContain('$1,000,000,000,000,000,000T ┼');
    expect(widest(text)).toBeLessThanOrEqual(80);
  });

  it('draws a path beyond the range of a double, given the columns for its labels', () => {
    const series = [{ name: null, periods: ['+0', '+1'], values: [new D('1e400'), new D('2e400')] }];
    const text = renderChart(series, { ...options, width: 600 });
    expect(text).toContain('$20,000,000');
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(renderChart(series, options)).toBe('');
  });

  it('has the given number of plot rows, then the periods and the legend', () => {
    expect(renderChart(defi, { ...options, height: 6 }).split('\n')).toHaveLength(6 + 2);
    expect(renderChart(defi, options).split('\n')).toHaveLength(10 + 2);
  });
});
