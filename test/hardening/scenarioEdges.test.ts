// Bugs the fuzz campaigns found in reading scenario files and in the engine, each pinned by the
// smallest input that showed it (the files themselves are in test/fixtures/fuzz/).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/engine/decimal.js';
import { projectTvl } from '../../src/engine/projectTvl.js';
import { utilizationAtPeriod } from '../../src/engine/utilizationAtPeriod.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';

const messages = (text: string, file = 'edge.yaml'): string[] => {
  const result = parseScenario(text, file);
  return result.ok ? [] : result.error.map((issue) => `${issue.span?.line}:${issue.span?.column} ${issue.message}`);
};

describe('reading scenario files', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])('an unknown key %s does not hide the problems of the rest of the file', (key) => {
    expect(messages(`name: a\n${key}: 1\ntvl: 1\nmarket_cap: 2T\nutilization: 5%\n`)).toEqual([`2:1 unknown key '${key}'`, '4:13 tvl and market_cap are both set']);
  });

  it('numbers the lines of a file whose keys run over lines after no-break spaces', () => {
    // yaml's parser reports no line end inside such a key, which put later issues on earlier lines.
    const text = '"years":\u00a00\n"name":\u00a0"a"\n"tvl":\n\u00a0"x":\n\u00a0\u00a0"p5":\u00a0"1e0"\n';
    const result = parseScenario(text, 'nbsp.yaml');
    expect(result.ok).toBe(false);
    const lines = text.split('\n');
    for (const issue of result.ok ? [] : result.error) {
      expect(issue.span!.lineText).toBe(lines[issue.span!.line - 1]);
    }
  });

  it('quotes the line of a file that holds only a comment', () => {
    const result = parseScenario('# nothing here', 'comment.yaml');
    expect(!result.ok && result.error[0]).toMatchObject({ message: 'the file is empty', span: { line: 1, column: 1, lineText: '# nothing here' } });
  });

  it('keeps a column that yaml puts past the end of input on its line', () => {
    const result = parseScenario('%YAML 1.2---\rname: a\rtvl: 1\r', 'cr.yaml');
    for (const issue of result.ok ? [] : result.error) {
      expect(issue.span!.column).toBeLessThanOrEqual(issue.span!.lineText.length + 1);
    }
  });

  it('reports every bound of a range that is not a figure, instead of failing on the comparison', () => {
    expect(messages('name: a\ntvl: x to y\ngrowth: {uniform: [x, 5%]}\n')).toEqual([
      "2:6 tvl: 'x' is not an amount",
      "2:6 tvl: 'y' is not an amount",
      "3:20 growth.uniform[0]: 'x' is not a rate",
    ]);
  });
});

describe('utilization ramps', () => {
  it('end exactly at their last figure, where 40-digit rounding used to leave -1e-40', () => {
    const from = new D(0.5911).times(0.7).sqrt();
    const path = projectTvl({ years: 1, step: 'quarter', base: { kind: 'marketCap', marketCap: new D('2e12'), utilization: { from, to: new D(0) } }, growthByYear: [new D(0)] });
    expect(path.at(-1)!.utilization!.toString()).toBe('0');
    expect(path.every((point) => point.tvl.gte(0))).toBe(true);
  });

  it('stay between their two figures at every period', () => {
    const fraction = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 40n }), fc.integer({ min: 0, max: 40 })).map(([n, scale]) => D.min(1, new D(`${n}e-${40 + scale}`)));
    fc.assert(
      fc.property(fraction, fraction, fc.integer({ min: 1, max: 2400 }), (from, to, periods) => {
        const low = D.min(from, to);
        const high = D.max(from, to);
        expect(utilizationAtPeriod({ from, to }, 0, periods).eq(from)).toBe(true);
        expect(utilizationAtPeriod({ from, to }, periods, periods).eq(to)).toBe(true);
        for (const index of [1, Math.floor(periods / 3), periods - 1]) {
          const u = utilizationAtPeriod({ from, to }, index, periods);
          expect(u.gte(low) && u.lte(high)).toBe(true);
        }
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
