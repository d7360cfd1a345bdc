import { readFileSync } from 'node:fs';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { buildProjectReport } from '../../src/report/buildProjectReport.js';
import { displayWidth } from '../../src/render/displayWidth.js';
import { renderTable } from '../../src/render/renderTable.js';
import type { RenderOptions } from '../../src/render/options.js';
import { loadScenarios } from '../../src/scenario/loadScenarios.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { resolveScenario, type ResolvedScenario } from '../../src/scenario/resolveScenario.js';

const noStdin = { readStdin: () => Promise.reject(new Error('no standard input here')) };

function resolved(text: string, file: string): ResolvedScenario {
  const parsed = parseScenario(text, file);
  if (!parsed.ok) {
    throw new Error(parsed.error.map((issue) => issue.message).join('\n'));
  }
  const result = resolveScenario(parsed.value);
  if (!result.ok) {
    throw new Error(result.error.map((issue) => issue.message).join('\n'));
  }
  return result.value;
}

/** Scenarios that make every kind of column: shared and per-case market caps, ramps, sampled cases with targets, cases of their own periods. */
const EXTRA = [
  ['ramps.yaml', 'name: ramps\nyears: 3\nstep: quarter\nmarket_cap: 2T\nutilization: {from: 1%, to: 10%}\ngrowth: 5%\ncases:\n  slow: {growth: 1%}\n  fast: {growth: -30%, market_cap: 3T}\n  long: {years: 5, step: year}\n'],
  ['ranged.yaml', 'name: ranged\nyears: 4\ntvl: 10B\ngrowth: {uniform: [1%, 20%]}\ntarget: 15B\ncases:\n  plain: {growth: 3%}\n  wide: {growth: {uniform: [-10%, 40%]}}\n'],
  ['priced.yaml', 'name: priced\nunit: BTC\nyears: 2\ntvl: 100 BTC\nprice: {value: 90K, growth: 5%}\ntarget: 150\ncases:\n  slow: {growth: 1%}\n  fast: {growth: {uniform: [10%, 40%]}}\n'],
] as const;

describe('renderTable', () => {
  it('lines up every kind of column: each line of a table as wide as its rule at most, coloured or not, in every locale', async () => {
    const scenarios = [...(await loadScenarios([], {}, noStdin)), ...EXTRA.map(([file, text]) => resolved(text, file))];
    const report = buildProjectReport(scenarios, { samples: 200, seed: 7 });
    for (const options of [
      { digits: null, chalk: new Chalk({ level: 0 }), locale: 'en-US' },
      { digits: null, chalk: new Chalk({ level: 1 }), locale: 'zh-CN' },
    ] satisfies RenderOptions[]) {
      const text = [...renderTable(report, options)].join('');
      expect(text).toContain(options.locale === 'en-US' ? 'TVL in USD · fast' : 'TVL（USD）');
      const lines = text.split('\n');
      const rules = lines.flatMap((line, i) => (/^─[─ ]*$/.test(line) ? [i] : []));
      expect(rules).toHaveLength(scenarios.length + 3); // ramps and btcfi-price have two tables each (a case with its own periods)
      for (const at of rules) {
        const width = displayWidth(lines[at]!);
        expect(displayWidth(lines[at - 1]!)).toBe(width);
        expect(displayWidth(lines[at + 1]!)).toBeLessThanOrEqual(width);
      }
    }
  });

  it('writes a large table a few lines at a time', async () => {
    const text = readFileSync('scenarios/defi-2031.yaml', 'utf8');
    const report = buildProjectReport([resolved(text.replace(/^years:.*$/m, 'years: 200\nstep: month'), 'big.yaml')]);
    const pieces = [...renderTable(report, { digits: null, chalk: new Chalk({ level: 0 }), locale: 'en-US' })];
    expect(pieces.length).toBeGreaterThan(2401 / 64);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(64 * 1024);
  });
});
