// Ranges and seeded Monte Carlo through the CLI (in-process; one run in a process of its own):
// percentiles in every format, the same bytes for the same seed, and bad ranges as input errors
// at their place.
import { describe, expect, it } from 'vitest';
import { beforeAll } from 'vitest';
import { assertBuilt, commandLine, runCli, spawnCli, transcript } from '../helpers/runCli.js';

beforeAll(assertBuilt);

const RANGE = 'test/fixtures/ranges/btcfi-5-10-range.yaml';
const EVERY_FORM = 'test/fixtures/ranges/every-form.yaml';
const SAMPLES = ['--samples', '2000'];

const GOLDEN = [
  { golden: 'ranges/btcfi-5-10-range.table', args: ['project', RANGE, ...SAMPLES] },
  { golden: 'ranges/btcfi-5-10-range.csv', args: ['project', RANGE, ...SAMPLES, '--format', 'csv'] },
  { golden: 'ranges/btcfi-5-10-range.wide.csv', args: ['project', RANGE, 'scenarios/btcfi-5-10.yaml', ...SAMPLES, '--format', 'csv', '--layout', 'wide'] },
  { golden: 'ranges/btcfi-5-10-range.json', args: ['project', RANGE, ...SAMPLES, '--format', 'json', '--digits', '8'] },
  { golden: 'ranges/every-form.table', args: ['project', EVERY_FORM, ...SAMPLES, '--seed', '42'] },
  { golden: 'ranges/inline.table', args: ['project', '--market-cap', '2T', '--utilization', '5% to 10%', ...SAMPLES] },
  { golden: 'ranges/bad-ranges', args: ['project', 'test/fixtures/ranges/bad-ranges.yaml'] },
  // A range of price is the market cap's range, scaled by the supply; the TVL in bitcoin is the median TVL at the median price.
  { golden: 'ranges/price-range.table', args: ['project', 'test/fixtures/ranges/price-range.yaml', ...SAMPLES] },
  { golden: 'ranges/price-range.json', args: ['project', 'test/fixtures/ranges/price-range.yaml', ...SAMPLES, '--format', 'json', '--digits', '8'] },
];

describe('golden transcripts', () => {
  it.each(GOLDEN)('$golden', async ({ golden, args }) => {
    const result = await runCli(args);
    await expect(transcript(commandLine(args), result)).toMatchFileSnapshot(`../golden/${golden}.txt`);
  });
});

describe('btcfi project with ranges', () => {
  it('prints percentiles in all three formats', async () => {
    const table = await runCli(['project', RANGE, ...SAMPLES]);
    expect(table.stdout).toMatch(/TVL p50 +p5–p95 +P\(target\)/);
    const csv = await runCli(['project', RANGE, ...SAMPLES, '--format', 'csv']);
    const [header, first] = csv.stdout.split('\r\n');
    expect(header).toBe('scenario,case,period,index,unit,market_cap,utilization,tvl,change,target,target_reached,growth_needed,utilization_needed,mean,p5,p25,p50,p75,p95,target_probability,price,supply,tvl_usd,tvl_btc');
    const cells = first!.split(',');
    const columns = header!.split(',');
    expect(cells[columns.indexOf('tvl')], 'the figure columns hold the median').toBe(cells[columns.indexOf('p50')]);
    const json = JSON.parse((await runCli(['project', RANGE, ...SAMPLES, '--format', 'json'])).stdout);
    const row = json.scenarios[0].rows[5];
    expect(Object.keys(row.quantiles)).toEqual(['mean', 'p5', 'p25', 'p50', 'p75', 'p95']);
    expect(Object.values(row.quantiles).every((value) => typeof value === 'string')).toBe(true);
    expect(row.tvl).toBe(row.quantiles.p50);
    expect(json.scenarios[0]).toMatchObject({ samples: 2000, seed: 1 });
  });

  it('gives byte-identical output for the same seed, and different output for another', async () => {
    const run = (seed: string) => runCli(['project', RANGE, '--samples', '20000', '--seed', seed, '--format', 'csv']);
    const [a, b, c] = await Promise.all([run('7'), run('7'), run('8')]);
    expect(a.exitCode).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it('gives the same output whatever the time zone and locale', async () => {
    const args = ['project', RANGE, ...SAMPLES, '--format', 'csv'];
    const plain = await runCli(args);
    // A process of its own: the locale of LANG and LC_ALL is taken when Node starts.
    const elsewhere = await spawnCli(args, { env: { ...process.env, NO_COLOR: '1', TZ: 'Asia/Kolkata', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } });
    expect(elsewhere.stdout).toBe(plain.stdout);
  });

  it('keeps the exact output of scenarios without ranges', async () => {
    const exact = await runCli(['project', 'scenarios/defi-2031.yaml', '--format', 'csv']);
    const sampled = await runCli(['project', 'scenarios/defi-2031.yaml', '--format', 'csv', '--samples', '500', '--seed', '9']);
    expect(sampled.stdout).toBe(exact.stdout);
  });

  it.each([
    { flags: ['--samples', '0'], message: /--samples.*1 to 10,000,000/ },
    { flags: ['--samples', '10000001'], message: /--samples.*1 to 10,000,000/ },
    { flags: ['--seed', '-1'], message: /--seed/ },
    { flags: ['--utilization', '10% to 5%'], message: /runs from high to low/ },
  ])('refuses $flags with exit 2', async ({ flags, message }) => {
    const { exitCode, stderr, stdout } = await runCli(['project', '--market-cap', '2T', '--utilization', '5%', ...flags]);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});
