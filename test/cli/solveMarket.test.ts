// `btcfi solve tvl | market-cap | price | supply`: market cap = price × supply and
// TVL = market cap × utilization, end to end through the CLI in-process. Each run is kept as a
// readable transcript under test/golden/solve/market/; update with
// `npx vitest run test/cli/solveMarket.test.ts -u` and review the diff like code.
import { describe, expect, it } from 'vitest';
import { D } from '../../src/engine/decimal.js';
import { agreesTo, compare } from '../helpers/agreesTo.js';
import { commandLine, runCli, transcript } from '../helpers/runCli.js';

const EXAMPLES = {
  // "91,332 BTC is 0.46% of supply": the supply it implies.
  'supply-share': ['solve', 'supply', '--tvl', '91,332 BTC', '--utilization', '0.46%'],
  // The article's $2T at that supply, in price terms.
  'price-article': ['solve', 'price', '--market-cap', '2T', '--supply', '19854782.60869565217391304347826086956522'],
  'price-round': ['solve', 'price', '--market-cap', '2T', '--supply', '20M BTC'],
  'price-of-tvl': ['solve', 'price', '--tvl', '100B', '--utilization', '5%', '--supply', '20M'],
  'tvl-market-cap': ['solve', 'tvl', '--market-cap', '2T', '--utilization', '5%'],
  'tvl-horizon': ['solve', 'tvl', '--market-cap', '2T', '--utilization', '5%', '--growth', '10%', '--years', '5'],
  'tvl-price-supply': ['solve', 'tvl', '--price', '100K', '--supply', '20M', '--utilization', '5%'],
  'tvl-of-supply': ['solve', 'tvl', '--supply', '19.85M BTC', '--utilization', '0.46%'],
  'market-cap-price': ['solve', 'market-cap', '--price', '$100,000', '--supply', '20M'],
  'market-cap-tvl': ['solve', 'market-cap', '--tvl', '238B', '--utilization', '11.9%'],
  'supply-market-cap': ['solve', 'supply', '--market-cap', '2T', '--price', '100K'],
  'supply-dollar-tvl': ['solve', 'supply', '--tvl', '7,945,884,000', '--utilization', '0.46%', '--price', '87K'],
} as const satisfies Record<string, readonly string[]>;
type Example = keyof typeof EXAMPLES;

// Independent references: Python's decimal module with an 80-digit context, to 50 significant digits
// (supply = 91332 / 0.0046; price = 2e12 / 19854782.60869565217391304347826086956522; tvl = 2e12 × 1.1^5 × 0.05; ...).
const REFERENCES: Record<Example, { readonly value: string; readonly unit: 'USD' | 'BTC' }> = {
  'supply-share': { value: '19854782.608695652173913043478260869565217391304348', unit: 'BTC' },
  'price-article': { value: '100731.39753865019927298208732974204002976822168823', unit: 'USD' },
  'price-round': { value: '100000', unit: 'USD' },
  'price-of-tvl': { value: '100000', unit: 'USD' },
  'tvl-market-cap': { value: '100000000000', unit: 'USD' },
  'tvl-horizon': { value: '161051000000', unit: 'USD' },
  'tvl-price-supply': { value: '100000000000', unit: 'USD' },
  'tvl-of-supply': { value: '91310', unit: 'BTC' },
  'market-cap-price': { value: '2000000000000', unit: 'USD' },
  'market-cap-tvl': { value: '2000000000000', unit: 'USD' },
  'supply-market-cap': { value: '20000000', unit: 'BTC' },
  'supply-dollar-tvl': { value: '19854782.608695652173913043478260869565217391304348', unit: 'BTC' },
};

const NO_ANSWERS = {
  'zero-utilization': ['solve', 'market-cap', '--tvl', '1B', '--utilization', '0%'],
  'zero-supply': ['solve', 'price', '--market-cap', '2T', '--supply', '0'],
  'zero-price': ['solve', 'supply', '--market-cap', '2T', '--price', '0'],
} as const;

const BAD_FLAGS: readonly { readonly name: string; readonly args: readonly string[]; readonly says: RegExp }[] = [
  { name: 'two-routes', args: ['solve', 'market-cap', '--tvl', '1B', '--utilization', '5%', '--price', '1', '--supply', '1'], says: /solve market-cap takes --tvl or --price, not both/ },
  { name: 'no-route', args: ['solve', 'price', '--supply', '20M'], says: /solve price needs --market-cap or --tvl/ },
  { name: 'missing-utilization', args: ['solve', 'tvl', '--market-cap', '2T'], says: /solve tvl needs --utilization/ },
  { name: 'dollar-tvl-without-price', args: ['solve', 'supply', '--tvl', '91,332', '--utilization', '0.46%'], says: /solve supply from a TVL in dollars needs --price/ },
  { name: 'price-in-btc', args: ['solve', 'market-cap', '--price', '1 BTC', '--supply', '20M'], says: /--price: '1 BTC' is in BTC, but a price is dollars a bitcoin/ },
  { name: 'supply-in-dollars', args: ['solve', 'price', '--market-cap', '2T', '--supply', '$20M'], says: /--supply: '\$20M' is in dollars, but a supply is counted in bitcoin/ },
  { name: 'market-cap-in-btc', args: ['solve', 'price', '--market-cap', '2T BTC', '--supply', '20M'], says: /--market-cap: 2T BTC is in bitcoin, but a price is dollars a bitcoin/ },
  { name: 'utilization-over-100', args: ['solve', 'tvl', '--market-cap', '2T', '--utilization', '140%'], says: /--utilization: must be between 0% and 100% \(got 140%\)/ },
  { name: 'growth-without-market-cap', args: ['solve', 'tvl', '--supply', '20M', '--utilization', '5%', '--growth', '5%', '--years', '1'], says: /--growth and --years apply to --market-cap/ },
];

const json = (args: readonly string[]): string[] => [...args, '--format', 'json'];

describe('solve tvl, market-cap, price and supply', () => {
  it.each(Object.keys(EXAMPLES) as Example[])('%s agrees with a 50-digit reference, printed correctly rounded to 40 digits, in JSON', async (name) => {
    const result = await runCli(json(EXAMPLES[name]));
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    const document = JSON.parse(result.stdout) as { btcfi: number; solve: string; value: string; reason: null; unit: string };
    expect(document).toMatchObject({ btcfi: 1, solve: EXAMPLES[name][1], reason: null, unit: REFERENCES[name].unit });
    const value = new D(document.value);
    const reference = new D(REFERENCES[name].value);
    expect(agreesTo(value, reference), compare(value, reference)).toBe(true);
    // Printed to 40 significant digits, correctly rounded: exactly the reference so rounded.
    expect(document.value).toBe(reference.toSignificantDigits(40, D.ROUND_HALF_EVEN).toFixed());
  });

  it('91,332 BTC at 0.46% of supply is 19854782.60869565217391304347826086956522 BTC, in text and JSON', async () => {
    const text = await runCli(EXAMPLES['supply-share']);
    expect(text.stdout).toContain('19.85478260869565217391304347826086956522M BTC = 19854782.60869565217391304347826086956522');
    expect(text.stdout).toContain('91,332 BTC = supply × 0.46%');
    const document = JSON.parse((await runCli(json(EXAMPLES['supply-share']))).stdout) as Record<string, unknown>;
    expect(document).toMatchObject({
      value: '19854782.60869565217391304347826086956522',
      route: 'tvl-utilization',
      amount_unit: 'BTC',
      market_cap: null,
      inputs: { tvl: '91332', utilization: '0.0046', market_cap: null, price: null, supply: null },
    });
  });

  it('a market cap found on the way is shown beside the answer', async () => {
    const text = await runCli(EXAMPLES['price-of-tvl']);
    expect(text.stdout).toContain('market cap  $2T (exact $2T)');
    expect(text.stdout).toContain('$100B = price × 20M BTC × 5%');
    const document = JSON.parse((await runCli(json(EXAMPLES['price-of-tvl']))).stdout) as Record<string, unknown>;
    expect(document['market_cap']).toBe('2000000000000');
  });

  it.each(Object.keys(NO_ANSWERS) as (keyof typeof NO_ANSWERS)[])('%s: no answer, and why; exit 0', async (reason) => {
    const text = await runCli(NO_ANSWERS[reason]);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(/^\S+( cap)? +no answer\n/);
    const document = JSON.parse((await runCli(json(NO_ANSWERS[reason]))).stdout) as { value: null; reason: string };
    expect(document).toMatchObject({ value: null, reason });
  });

  it.each(BAD_FLAGS)('$name: exit 2, nothing on stdout, one clear line on stderr', async ({ args, says }) => {
    const result = await runCli(args);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^btcfi: error: /);
    expect(lines[0]).toMatch(says);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('transcripts', () => {
  const runs: [string, readonly string[]][] = [
    ...(Object.keys(EXAMPLES) as Example[]).flatMap((name): [string, readonly string[]][] => [
      [`${name}.text`, EXAMPLES[name]],
      [`${name}.json`, json(EXAMPLES[name])],
    ]),
    ...(Object.keys(NO_ANSWERS) as (keyof typeof NO_ANSWERS)[]).map((reason): [string, readonly string[]] => [`no-answer/${reason}.text`, NO_ANSWERS[reason]]),
    ...BAD_FLAGS.map(({ name, args }): [string, readonly string[]] => [`bad-flags/${name}`, args]),
    ...(['tvl', 'market-cap', 'price', 'supply'] as const).map((unknown): [string, readonly string[]] => [`help/${unknown}`, ['solve', unknown, '--help']]),
  ];
  it.each(runs)('%s', async (name, args) => {
    await expect(transcript(commandLine(args), await runCli(args))).toMatchFileSnapshot(`../golden/solve/market/${name}.txt`);
  });
});
