import { describe, expect, it } from 'vitest';
import { D } from '../../src/engine/decimal.js';
import { projectTvl } from '../../src/engine/projectTvl.js';
import type { TvlInput } from '../../src/engine/types.js';
import { buildReferenceStandings } from '../../src/report/buildReferenceReport.js';
import type { ReportRow, ReferenceStanding } from '../../src/report/types.js';

const d = (text: string) => new D(text);

function tvlInput(tvl: string, growths: readonly string[]): TvlInput {
  return { years: growths.length, step: 'year', base: { kind: 'tvl', tvl: d(tvl) }, growthByYear: growths.map(d) };
}

function rows(input: TvlInput, start = 2026): ReportRow[] {
  return projectTvl(input).map((point) => ({ index: point.index, marketCap: point.marketCap, utilization: point.utilization, tvl: point.tvl, change: point.change, period: String(start + point.year), quantiles: null }));
}

/** The standing as plain text, figures to 40 significant digits. */
function plain(standing: ReferenceStanding) {
  const digits = (value: D | null): string | null => (value === null ? null : value.toSignificantDigits(40).toFixed());
  return {
    start: standing.start,
    end: standing.end,
    crossing: standing.crossing === null ? null : { ...standing.crossing, years: digits(standing.crossing.years) },
    growthNeeded: digits(standing.growthNeeded),
    utilizationNeeded: digits(standing.utilizationNeeded),
  };
}

function standing(level: string, input: TvlInput) {
  return plain(buildReferenceStandings([d(level)], null, input, rows(input))[0]!);
}

// Expected times and rates: Python's decimal module at 80 digits (ln ratios, roots), rounded to 40.
describe('buildReferenceStandings', () => {
  const upThenDown = tvlInput('100', ['0.5', '0.5', '-0.5', '-0.5']); // 100, 150, 225, 112.5, 56.25

  it('a path that rises through a level and falls back: crossed up in the first period above it, at the exact time, and below again at the end', () => {
    expect(standing('200', upThenDown)).toEqual({
      start: 'below',
      end: 'below',
      crossing: { period: '2028', years: '1.709511291351454776976190262174014140615', direction: 'up' },
      growthNeeded: '0.189207115002721066717499970560475915293',
      utilizationNeeded: null,
    });
  });

  it('a path that starts above a level and falls through it', () => {
    expect(standing('200', tvlInput('225', ['-0.5']))).toMatchObject({ start: 'above', end: 'below', crossing: { period: '2027', years: '0.1699250014423123629074778878956330175196', direction: 'down' } });
  });

  it.each<{ rule: string; level: string; start: string; end: string }>([
    { rule: 'a level below every figure is above from the start', level: '50', start: 'above', end: 'above' },
    { rule: 'a level equal to the start is at it from the start, and never crossed while the path stays at or above it', level: '100', start: 'at', end: 'below' },
    { rule: 'a level above every figure stays below', level: '1000', start: 'below', end: 'below' },
  ])('$rule', ({ level, start, end }) => {
    const got = standing(level, upThenDown);
    expect([got.start, got.end]).toEqual([start, end]);
  });

  it('a level met exactly at a period is crossed at that period, at a whole number of years', () => {
    expect(standing('225', upThenDown).crossing).toEqual({ period: '2028', years: '2', direction: 'up' });
  });

  it('over no years there is no growth to find, and a market cap gives the utilization that would reach the level', () => {
    const input: TvlInput = { years: 0, step: 'year', base: { kind: 'marketCap', marketCap: d('2e12'), utilization: { from: d('0.1'), to: d('0.1') } }, growthByYear: [] };
    expect(standing('238e9', input)).toEqual({ start: 'below', end: 'below', crossing: null, growthNeeded: null, utilizationNeeded: '0.119' });
  });

  it('computes every level in one pass and keeps their order', () => {
    const got = buildReferenceStandings([d('1000'), d('50')], 'case', upThenDown, rows(upThenDown));
    expect(got.map((s) => [s.case, s.start, s.last])).toEqual([['case', 'below', '2030'], ['case', 'above', '2030']]);
  });
});
