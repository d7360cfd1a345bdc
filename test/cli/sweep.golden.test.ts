// Sweeps (a field flag given a list, `sweep:` in a file) and what-ifs that apply where their
// field does: golden transcripts in-process (see test/helpers/runCli.ts), plus the property that
// a sweep of N values gives the N cases that N separate runs give.
// Update with `npx vitest run test/cli/sweep.golden.test.ts -u` and review the diff like code.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, commandLine, runCli, transcript } from '../helpers/runCli.js';

beforeAll(assertBuilt);

const SWEEPS = 'test/fixtures/sweep';

interface Golden {
  readonly golden: string;
  readonly args: readonly string[];
  readonly exit: number;
  /** Text stderr must hold (a note naming the scenario, an error's hint). */
  readonly stderr?: RegExp;
}

const GOLDENS: Golden[] = [
  // The article's "5%-10%" as three cases, each named by its value as written.
  { golden: 'flag-utilization.table', args: ['project', '--market-cap', '2T', '--utilization', '5%,10%,11.9%', '--start', '2026'], exit: 0 },
  { golden: 'flag-utilization.csv', args: ['project', '--market-cap', '2T', '--utilization', '5%,10%,11.9%', '--format', 'csv'], exit: 0 },
  { golden: 'flag-utilization-spaces.json', args: ['project', '--market-cap', '2T', '--utilization', '5%, 10%, 11.9%', '--format', 'json'], exit: 0 },
  // A range stays a 90% interval: one sampled case, not two.
  { golden: 'range-not-sweep.csv', args: ['project', '--market-cap', '2T', '--utilization', '5% to 10%', '--samples', '1000', '--format', 'csv'], exit: 0 },
  // Amounts keep their thousands separators; a comma after a letter separates values.
  { golden: 'flag-tvl-btc.table', args: ['project', '--tvl', '91,332 BTC, 101,721 BTC', '--growth', '-10%', '--years', '1', '--start', '2025'], exit: 0 },
  { golden: 'flag-tvl-grouped.csv', args: ['project', '--tvl', '2,000,000,000,000', '--format', 'csv'], exit: 0 },
  { golden: 'flag-years.csv', args: ['project', '--tvl', '100B', '--growth', '10%', '--years', '1,2', '--format', 'csv'], exit: 0 },
  // An inline BTC amount sets the unit, as solve does.
  { golden: 'inline-btc.table', args: ['project', '--tvl', '91,332 BTC'], exit: 0 },
  // A sweep on files: each case once per value, CASE/VALUE.
  { golden: 'whatif-sweep-cases.table', args: ['project', 'defi-2031', '--growth', '10%,20%'], exit: 0 },
  // A what-if applies where its field does, and says where it does not.
  { golden: 'whatif-skipped.table', args: ['project', '-s', 'btcfi-100b', '-s', 'l2-2025', '--utilization', '7%'], exit: 0, stderr: /note: --utilization 7% does not apply to l2-2025/ },
  { golden: 'whatif-filtered.table', args: ['project', '-s', 'btcfi-100b', '--utilization', '7%'], exit: 0 },
  { golden: 'whatif-some-cases.csv', args: ['project', 'test/fixtures/sweep/mixed-cases.yaml', '--utilization', '1%', '--format', 'csv'], exit: 0, stderr: /to mixed \(case direct\)/ },
  { golden: 'whatif-nowhere', args: ['project', '-s', 'l2-2025', '--utilization', '7%'], exit: 2, stderr: /applies to none of the scenarios selected \(l2-2025\)/ },
  { golden: 'filter-before-sweep.csv', args: ['project', '-s', 'btcfi-5-10', '-c', '10%', '--growth', '0%,10%', '--years', '1', '--format', 'csv'], exit: 0 },
  // sweep: in a file, checked and filtered like any case.
  { golden: 'file-sweep.table', args: ['project', `${SWEEPS}/btcfi-5-10-sweep.yaml`], exit: 0 },
  { golden: 'file-sweep-check', args: ['check', `${SWEEPS}/btcfi-5-10-sweep.yaml`, `${SWEEPS}/sweep-with-cases.yaml`], exit: 0 },
  { golden: 'file-sweep-filter.csv', args: ['project', `${SWEEPS}/sweep-with-cases.yaml`, '-c', 'high/10%', '--format', 'csv'], exit: 0 },
  { golden: 'file-sweep-bad', args: ['validate', `${SWEEPS}/bad-sweep.yaml`, `${SWEEPS}/sweep-unknown-field.yaml`], exit: 2, stderr: /a sweep varies one field/ },
  // Commas that read both ways, and lists that cannot be, are refused with a hint.
  { golden: 'error-decimal-comma-amount', args: ['project', '--tvl', '1,5B'], exit: 2, stderr: /thousands separator/ },
  { golden: 'error-misgrouped', args: ['project', '--tvl', '1,000,2000'], exit: 2, stderr: /comma and a space/ },
  { golden: 'error-decimal-comma-rate', args: ['project', '--market-cap', '2T', '--utilization', '1,5%'], exit: 2, stderr: /decimal mark/ },
  { golden: 'error-empty-value', args: ['project', '--tvl', '1B,,2B'], exit: 2, stderr: /empty value/ },
  { golden: 'error-twice', args: ['project', '--tvl', '1B,1B'], exit: 2, stderr: /comes twice/ },
  { golden: 'error-two-sweeps', args: ['project', '--market-cap', '2T', '--utilization', '5%,10%', '--growth', '0%,10%'], exit: 2, stderr: /btcfi grid/ },
  { golden: 'error-unit-list', args: ['project', '--tvl', '1B', '--unit', 'USD,BTC'], exit: 2, stderr: /takes one value/ },
  { golden: 'error-bad-value', args: ['project', '--market-cap', '2T', '--utilization', '5%,140%'], exit: 2, stderr: /140%/ },
  { golden: 'error-tvl-sweep-utilization', args: ['project', '--tvl', '1B,2B', '--utilization', '5%'], exit: 2, stderr: /utilization applies only to a market_cap/ },
];

describe.concurrent('sweep transcripts', () => {
  it.for(GOLDENS.map((g) => [g.golden, g] as const))('%s', async ([, g], { expect }) => {
    const result = await runCli(g.args);
    expect(result.exitCode).toBe(g.exit);
    if (g.stderr !== undefined) {
      expect(result.stderr).toMatch(g.stderr);
    } else {
      expect(result.stderr).toBe('');
    }
    await expect(transcript(commandLine(g.args), result)).toMatchFileSnapshot(`../golden/sweep/${g.golden}.txt`);
  });
});

describe('a what-if note', () => {
  it('is one line a flag, naming each scenario it left out, and --quiet silences it', async () => {
    const { stderr, exitCode } = await runCli(['project', '--utilization', '7%', '--format', 'csv']);
    expect(exitCode).toBe(0);
    expect(stderr.trimEnd().split('\n')).toEqual([
      'btcfi: note: --utilization 7% does not apply to btcfi-2025, defi-2031, l2-2025: a TVL compounds directly there, not a market cap times a utilization; left out there',
    ]);
    expect((await runCli(['-q', 'project', '--utilization', '7%', '--format', 'csv'])).stderr).toBe('');
  });
});

interface JsonEntry {
  readonly name: string;
  readonly case: string | null;
  readonly rows: readonly Record<string, unknown>[];
}

async function entries(args: readonly string[]): Promise<JsonEntry[]> {
  const { stdout, stderr, exitCode } = await runCli([...args, '--format', 'json']);
  expect(stderr).toBe('');
  expect(exitCode).toBe(0);
  return (JSON.parse(stdout) as { scenarios: JsonEntry[] }).scenarios;
}

const percent = fc.integer({ min: 0, max: 10_000 }).map((basisPoints) => `${basisPoints / 100}%`);

describe('a sweep of N values', () => {
  it('gives N cases, each named by its value, equal to N separate runs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(percent, { minLength: 2, maxLength: 4 }),
        fc.constantFrom(['--market-cap', '2T', '--growth', '5%', '--years', '2'], ['--market-cap', '91,332 BTC', '--start', '2026']),
        async (values, base) => {
          const swept = await entries(['project', ...base, '--utilization', values.join(',')]);
          expect(swept.map((entry) => entry.case)).toEqual(values);
          for (const [index, value] of values.entries()) {
            const [single] = await entries(['project', ...base, '--utilization', value]);
            expect(swept[index]!.rows).toEqual(single!.rows);
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it('on a scenario file gives each case once per value, equal to a run with that value', async () => {
    const values = ['0%', '12.5%', '-74%'];
    const swept = await entries(['project', 'defi-2031', '--growth', values.join(',')]);
    expect(swept.map((entry) => entry.case)).toEqual(['rounded/0%', 'rounded/12.5%', 'rounded/-74%', 'exact/0%', 'exact/12.5%', 'exact/-74%']);
    for (const value of values) {
      const single = await entries(['project', 'defi-2031', '--growth', value]);
      for (const entry of single) {
        expect(swept.find((s) => s.case === `${entry.case}/${value}`)!.rows).toEqual(entry.rows);
      }
    }
  });
});
