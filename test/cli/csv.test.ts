// The CSV of `project` read as a spreadsheet reads it (csv-parse): one set of columns whatever the
// scenarios hold, each described in docs/csv.md; the figures those of the JSON output of the same
// run; `change` the growth from the previous period; --columns and --layout wide the same figures
// in other shapes.
import { parse } from 'csv-parse/sync';
import { Decimal } from 'decimal.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, CSV_COLUMN_NAMES } from '../../src/render/csvColumns.js';
import { sortPeriods } from '../../src/render/renderCsv.js';
import { assertBuilt, REPO_ROOT, runCli } from '../helpers/runCli.js';

beforeAll(assertBuilt);

const RANGE = 'test/fixtures/ranges/btcfi-5-10-range.yaml';
const SAMPLES = ['--samples', '500'];
/** Bundled scenarios (targets, BTC, histories, several start years), a range, and periods without a start year. */
const RUNS: readonly (readonly string[])[] = [['project'], ['project', RANGE, ...SAMPLES], ['project', 'test/fixtures/figures/extremes.yaml'], ['project', '--tvl', '1B', '--growth', '-100%', '--years', '2']];

type Records = Record<string, string>[];

/** A cell of a record, which the header names. */
const cell = (record: Record<string, string>, name: string): string => record[name] ?? '';

async function csvOf(args: readonly string[]): Promise<{ header: string[]; rows: string[][] }> {
  const result = await runCli([...args, '--format', 'csv']);
  expect(result.exitCode, result.stderr).toBe(0);
  const [header, ...rows] = parse(result.stdout, { relax_column_count: false }) as string[][];
  return { header: header!, rows };
}

async function recordsOf(args: readonly string[]): Promise<Records> {
  const { header, rows } = await csvOf(args);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]!])));
}

interface JsonQuantiles {
  readonly mean: string;
  readonly p5: string;
  readonly p25: string;
  readonly p50: string;
  readonly p75: string;
  readonly p95: string;
}
interface JsonEntry {
  readonly name: string;
  readonly case: string | null;
  readonly unit: string;
  readonly target: { value: string; reached: string | null; growth_needed: string | null; utilization_needed: string | null } | null;
  readonly rows: {
    period: string;
    index: number;
    market_cap: string | null;
    utilization: string | null;
    tvl: string;
    quantiles?: JsonQuantiles;
    target_probability?: string | null;
    price?: string | null;
    supply?: string | null;
    tvl_usd?: string | null;
    tvl_btc?: string | null;
  }[];
}

async function jsonOf(args: readonly string[]): Promise<JsonEntry[]> {
  const result = await runCli([...args, '--format', 'json']);
  expect(result.exitCode, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { scenarios: JsonEntry[] }).scenarios;
}

/** A JSON period as the CSV writes it: without the sign of a period counted from the start. */
const csvPeriod = (label: string): string => label.replace(/^\+(?=[0-9])/, '');

describe('the long layout', () => {
  it('docs/csv.md describes every column as the column table does, in its order', () => {
    const docs = readFileSync(join(REPO_ROOT, 'docs', 'csv.md'), 'utf8');
    const table = docs.slice(docs.indexOf('<!-- csv-columns'), docs.indexOf('<!-- /csv-columns -->'));
    const documented = table.split('\n').filter((line) => line.startsWith('| `'));
    expect(documented).toEqual(CSV_COLUMNS.map((c) => `| \`${c.name}\` | ${c.figure ? 'figure' : 'text'} | ${c.perPeriod ? 'yes' : ''} | ${c.meaning} |`));
  });

  it.for(RUNS.map((args) => [args.join(' '), args] as const))('%s: the same columns, and the figures of the JSON output', async ([, args]) => {
    const { header } = await csvOf(args);
    expect(header).toEqual([...CSV_COLUMN_NAMES]);
    const records = await recordsOf(args);
    const expected = (await jsonOf(args)).flatMap((entry) =>
      entry.rows.map((row) => ({
        scenario: entry.name,
        case: entry.case ?? '',
        period: csvPeriod(row.period),
        index: String(row.index),
        unit: entry.unit,
        market_cap: row.market_cap ?? '',
        utilization: row.utilization ?? '',
        tvl: row.tvl,
        target: entry.target?.value ?? '',
        target_reached: entry.target?.reached == null ? '' : csvPeriod(entry.target.reached),
        growth_needed: entry.target?.growth_needed ?? '',
        utilization_needed: entry.target?.utilization_needed ?? '',
        mean: row.quantiles?.mean ?? '',
        p5: row.quantiles?.p5 ?? '',
        p25: row.quantiles?.p25 ?? '',
        p50: row.quantiles?.p50 ?? '',
        p75: row.quantiles?.p75 ?? '',
        p95: row.quantiles?.p95 ?? '',
        target_probability: row.target_probability ?? '',
        price: row.price ?? '',
        supply: row.supply ?? '',
        tvl_usd: row.tvl_usd ?? '',
        tvl_btc: row.tvl_btc ?? '',
      })),
    );
    expect(records.map(({ change: _change, ...rest }) => rest)).toEqual(expected);
  });

  it('change is the growth from the previous period: exactly the rate of a yearly step, the article\'s -10.2132303...% for 2025', async () => {
    const records = await recordsOf(['project', 'defi-2031', 'btcfi-2025', 'l2-2025']);
    const changes = (scenario: string, c: string) => records.filter((r) => r.scenario === scenario && r.case === c).map((r) => r.change);
    expect(changes('defi-2031', 'rounded')).toEqual(['', '0.264', '0.264', '0.264', '0.264', '0.264']);
    expect(changes('btcfi-2025', 'exact')).toEqual(['', '-0.1021323030642640162798242250862653729318']);
    expect(changes('l2-2025', '')).toEqual(['', '-0.74', '-0.74']);
  });

  it.for(RUNS.map((args) => [args.join(' '), args] as const))('%s: change agrees with (tvl - previous) / previous of the printed TVLs', async ([, args]) => {
    const Wide = Decimal.clone({ precision: 100 });
    const records = await recordsOf(args);
    records.forEach((r, i) => {
      const previous = records[i - 1];
      if (r.index === '0' || previous === undefined || new Wide(cell(previous, 'tvl')).isZero()) {
        expect(r.change, `${r.scenario} ${r.case} ${r.period}`).toBe('');
        return;
      }
      const expected = new Wide(cell(r, 'tvl')).minus(cell(previous, 'tvl')).div(cell(previous, 'tvl'));
      // The TVLs are printed to 40 digits (a sampled case's medians to 12), so their quotient is as close.
      const tolerance = r.p50 === '' ? new Wide('1e-36') : new Wide('1e-10');
      expect(new Wide(cell(r, 'change')).minus(expected).abs().lte(tolerance.times(expected.abs().plus(1))), `${r.scenario} ${r.case} ${r.period}: ${r.change} against ${expected.toFixed()}`).toBe(true);
    });
  });

  it('--columns picks and orders columns: the same cells as the whole CSV', async () => {
    const all = await recordsOf(['project', 'btcfi-5-10']);
    const { header, rows } = await csvOf(['project', 'btcfi-5-10', '--columns', 'tvl,period,change,case']);
    expect(header).toEqual(['tvl', 'period', 'change', 'case']);
    expect(rows).toEqual(all.map((r) => [r.tvl, r.period, r.change, r.case]));
  });

  it('periods without a start year are numbers and plain text to a spreadsheet: no sign, no apostrophe', async () => {
    const records = await recordsOf(['project', '--tvl', '1B', '--growth', '10%', '--years', '1', '--step', 'quarter']);
    expect(records.map((r) => r.period)).toEqual(['0-Q1', '0-Q2', '0-Q3', '0-Q4', '1-Q1']);
    const yearly = await recordsOf(['project', '--tvl', '1B', '--years', '2']);
    expect(yearly.map((r) => r.period)).toEqual(['0', '1', '2']);
  });

  it('--columns and --layout are refused outside CSV, and an unknown column names the nearest', async () => {
    const table = await runCli(['project', '--layout', 'wide']);
    expect(table.exitCode).toBe(2);
    expect(table.stderr).toMatch(/--layout applies only to --format csv/);
    const typo = await runCli(['project', '--format', 'csv', '--columns', 'tlv']);
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toMatch(/no CSV column named 'tlv'\nhint: did you mean 'tvl'\?/);
    const empty = await runCli(['project', '--format', 'csv', '--columns', 'tvl,,period']);
    expect(empty.exitCode).toBe(2);
    expect(empty.stdout).toBe('');
  });
});

describe('the wide layout', () => {
  it('a row per period (every case\'s, in time order) and a column per case, each cell the TVL of the long CSV', async () => {
    const long = await recordsOf(['project']);
    const { header, rows } = await csvOf(['project', '--layout', 'wide']);
    const cases = [...new Set(long.map((r) => (r.case === '' ? r.scenario : `${r.scenario}/${r.case}`)))];
    expect(header).toEqual(['period', ...cases]);
    const periods = [...new Set(long.map((r) => r.period))].sort((a, b) => Number(a) - Number(b));
    expect(rows.map((row) => row[0])).toEqual(periods);
    for (const row of rows) {
      cases.forEach((name, k) => {
        const match = long.find((r) => (r.case === '' ? r.scenario : `${r.scenario}/${r.case}`) === name && r.period === row[0]);
        expect(row[k + 1], `${name} ${row[0]}`).toBe(match?.tvl ?? '');
      });
    }
  });

  it('a sampled case gets a column per percentile, the JSON output\'s quantiles; --columns names the figures', async () => {
    const args = ['project', RANGE, ...SAMPLES];
    const json = await jsonOf(args);
    const { header, rows } = await csvOf([...args, '--layout', 'wide']);
    expect(header).toEqual(['period', ...['p5', 'p25', 'p50', 'p75', 'p95'].map((q) => `btcfi-5-10-range/${q}`)]);
    expect(rows).toEqual(json[0]!.rows.map((row) => [row.period, row.quantiles!.p5, row.quantiles!.p25, row.quantiles!.p50, row.quantiles!.p75, row.quantiles!.p95]));
    const chosen = await csvOf([...args, '--layout', 'wide', '--columns', 'tvl,change']);
    expect(chosen.header).toEqual(['period', 'btcfi-5-10-range/tvl', 'btcfi-5-10-range/change']);
    expect(chosen.rows.map((row) => row[1])).toEqual(json[0]!.rows.map((row) => row.tvl));
  });

  it('orders periods in time: years from a start, then calendar years, quarters and months inside their year', () => {
    expect(sortPeriods(['2027', '2026-Q2', '+1', '2026', '+0-Q3', '+0', 'other', '2026-07'])).toEqual(['+0', '+0-Q3', '+1', '2026', '2026-Q2', '2026-07', '2027', 'other']);
  });
});
