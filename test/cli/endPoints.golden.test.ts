// end: "from A to B in N years". The growth is solved, the path ends at exactly B, and every
// period between is the closed form A x (B / A)^(k / periods), correctly rounded to 40 digits,
// computed here independently at 110 digits. Transcripts under test/golden/end/ (update with -u).
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandLine, runCli, transcript } from '../helpers/runCli.js';
import { printed } from '../engine/oracle.js';

const FIXTURES = 'test/fixtures/end';
const Q = Decimal.clone({ precision: 110, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

const GOLDEN: { golden: string; args: string[]; exit: number }[] = [
  { golden: 'inline.table', args: ['project', '--tvl', '238.5B', '--end', '770.6B', '--years', '5', '--start', '2026'], exit: 0 },
  { golden: 'inline.csv', args: ['project', '--tvl', '238.5B', '--end', '770.6B', '--years', '5', '--start', '2026', '--format', 'csv'], exit: 0 },
  { golden: 'market-cap.csv', args: ['project', `${FIXTURES}/market-cap.yaml`, '--format', 'csv'], exit: 0 },
  { golden: 'defi-2031.json', args: ['project', 'defi-2031', '-c', 'exact', '--format', 'json'], exit: 0 },
  { golden: 'both', args: ['project', `${FIXTURES}/both.yaml`], exit: 2 },
  { golden: 'both-flags', args: ['project', '--tvl', '238.5B', '--end', '770.6B', '--growth', '26.4%', '--years', '5'], exit: 2 },
  { golden: 'impossible', args: ['project', `${FIXTURES}/impossible.yaml`], exit: 2 },
  { golden: 'what-if-growth', args: ['project', 'defi-2031', '--growth', '10%', '--format', 'csv'], exit: 0 },
];

describe('golden transcripts', () => {
  it.each(GOLDEN)('end/$golden', async ({ golden, args, exit }) => {
    const result = await runCli(args);
    expect(result.exitCode).toBe(exit);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    await expect(transcript(commandLine(args), result)).toMatchFileSnapshot(`../golden/end/${golden}.txt`);
  });
});

function csvTvls(stdout: string): string[] {
  const [header, ...lines] = stdout.trim().split(/\r?\n/);
  const tvl = header!.split(',').indexOf('tvl');
  return lines.map((line) => line.split(',')[tvl]!);
}

describe('end: 770.6B', () => {
  it("ends at exactly the stated figure: the article's $238.5B (2026) to $770.6B (2031)", async () => {
    const { stdout } = await runCli(['project', 'defi-2031', '-c', 'exact', '--format', 'csv']);
    expect(csvTvls(stdout)).toEqual([
      '238500000000',
      '301548038364.5665385076834373255776306001',
      '381262974597.5601381458932406738869349999',
      '482050742519.6386673168905860041348402778',
      '609481994964.2758372485799763211186919817',
      '770600000000',
    ]);
  });

  it('shows the solved growth in the title lines, as solve growth finds it', async () => {
    const table = await runCli(['project', 'defi-2031']);
    const solve = await runCli(['solve', 'growth', '--from', '238.5B', '--to', '770.6B', '--years', '5', '--format', 'json']);
    const growth = (JSON.parse(solve.stdout) as { value: string }).value;
    expect(growth).toBe('0.2643523621155829706821108483252730842771');
    expect(table.stdout).toContain('Growth solved (exact): 26.43523621155829706821108483252730842771% a year, to end at $770.6B in 2031\n');
  });

  it('every period is A x (B / A)^(k / periods) to 40 digits, and the last is B itself, at every step', async () => {
    const figure = fc.tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: -3, max: 12 })).map(([n, e]) => `${n}e${e}`);
    await fc.assert(
      fc.asyncProperty(figure, figure, fc.integer({ min: 1, max: 4 }), fc.constantFrom('year', 'quarter', 'month'), async (from, to, years, step) => {
        const { stdout, exitCode } = await runCli(['project', '--tvl', from, '--end', to, '--years', String(years), '--step', step, '--format', 'csv']);
        expect(exitCode).toBe(0);
        const tvls = csvTvls(stdout);
        const periods = tvls.length - 1;
        const ratio = new Q(to).div(from);
        const expected = tvls.map((_, k) => printed(new Q(from).times(ratio.pow(new Q(k).div(periods)))));
        expected[periods] = printed(new Q(to));
        expect(tvls).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });
});
