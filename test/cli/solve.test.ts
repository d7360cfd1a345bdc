// `btcfi solve` end to end: the CLI in-process (see test/helpers/runCli.ts), colour off, repo
// root as working directory. Each run is also kept as a readable transcript under
// test/golden/solve/; update with `npx vitest run test/cli/solve.test.ts -u` and review the diff like code.
import { beforeAll, describe, expect, it } from 'vitest';
import { D } from '../../src/engine/decimal.js';
import { agreesTo, compare } from '../helpers/agreesTo.js';
import { commandLine, runCli, transcript, type CliResult } from '../helpers/runCli.js';

const HISTORY = 'test/fixtures/history';

interface Run {
  /** The transcript's name under test/golden/solve/, without `.txt`. */
  readonly name: string;
  readonly args: readonly string[];
  readonly input?: string;
}

const runs = new Map<string, Promise<CliResult>>();
function resultOf(run: Run): Promise<CliResult> {
  let result = runs.get(run.name);
  if (result === undefined) {
    result = runCli(run.args, run.input === undefined ? {} : { input: run.input });
    runs.set(run.name, result);
  }
  return result;
}

/** The examples, each in text and in JSON. */
const EXAMPLES = {
  growth: ['solve', 'growth', '--from', '238.5B', '--to', '770.6B', '--years', '5'],
  years: ['solve', 'years', '--from', '238.5B', '--to', '770.6B', '--growth', '26.4%'],
  'years-start': ['solve', 'years', '--from', '238.5B', '--to', '770.6B', '--growth', '26.4%', '--start', '2026'],
  'years-fall': ['solve', 'years', '--from', '100B', '--to', '26B', '--growth', '-74%'],
  end: ['solve', 'end', '--from', '238.5B', '--growth', '26.4%', '--years', '5'],
  start: ['solve', 'start', '--to', '770.6B', '--growth', '26.4%', '--years', '5'],
  utilization: ['solve', 'utilization', '--market-cap', '2T', '--tvl', '238B'],
  'utilization-horizon': ['solve', 'utilization', '--market-cap', '2T', '--tvl', '238B', '--growth', '10%', '--years', '5'],
  'growth-fractional': ['solve', 'growth', '--from', '$100B', '--to', '$150B', '--years', '2.5'],
  'start-fractional': ['solve', 'start', '--to', '770.6B', '--growth', '26.4%', '--years', '10.5'],
  'end-btc': ['solve', 'end', '--from', '91,332 BTC', '--growth', '10%', '--years', '2.5'],
  'growth-btc': ['solve', 'growth', '--from', '101,721 BTC', '--to', '91332', '--years', '1'],
  'history-yearly': ['solve', 'growth', '--history', `${HISTORY}/defi-tvl-yearly.csv`],
  'history-dates': ['solve', 'growth', '--history', `${HISTORY}/defi-tvl-dates.csv`, '--date-column', 'Date', '--value-column', 'TVL'],
  'history-dates-365': ['solve', 'growth', '--history', `${HISTORY}/defi-tvl-dates.csv`, '--day-count', 'actual/365.25'],
  // The source article's year ends: one year by anniversary, so the change is the article's exactly.
  'history-year-ends': ['solve', 'growth', '--history', `${HISTORY}/btcfi-2025-year-ends.csv`],
  'history-year-ends-365': ['solve', 'growth', '--history', `${HISTORY}/btcfi-2025-year-ends.csv`, '--day-count', 'actual/365.25'],
} as const satisfies Record<string, readonly string[]>;
type Example = keyof typeof EXAMPLES;

const text = (name: Example): Run => ({ name: `${name}.text`, args: EXAMPLES[name] });
const json = (name: Example): Run => ({ name: `${name}.json`, args: [...EXAMPLES[name], '--format', 'json'] });

/** Where there is no answer: the text says why, JSON has a null value and a reason, and the exit code is 0. */
const NO_ANSWERS = {
  'moves-away': { args: ['solve', 'years', '--from', '100B', '--to', '200B', '--growth', '-10%'], why: /falls away from the higher target \$200B/ },
  'wiped-out': { args: ['solve', 'years', '--from', '100B', '--to', '50B', '--growth', '-100%'], why: /-100%.*gone at once/ },
  flat: { args: ['solve', 'years', '--from', '100B', '--to', '50B', '--growth', '0%'], why: /at 0% a year \$100B stays as it is/ },
  'zero-start': { args: ['solve', 'growth', '--from', '0', '--to', '5B', '--years', '3'], why: /from zero no growth rate reaches \$5B/ },
  'zero-years': { args: ['solve', 'growth', '--from', '1B', '--to', '5B', '--years', '0'], why: /over 0 years nothing grows/ },
  'start-wiped-out': { args: ['solve', 'start', '--to', '5B', '--growth', '-100%', '--years', '2'], why: /every start ends at zero/ },
  'zero-market-cap': { args: ['solve', 'utilization', '--market-cap', '0', '--tvl', '5B'], why: /zero market cap/ },
} as const;
const noAnswer = (reason: keyof typeof NO_ANSWERS, format: 'text' | 'json'): Run => ({
  name: `no-answer/${reason}.${format}`,
  args: format === 'text' ? NO_ANSWERS[reason].args : [...NO_ANSWERS[reason].args, '--format', 'json'],
});

/** Bad flags: exit 2, nothing on stdout, one `btcfi: error:` line (and perhaps a hint) on stderr. */
const BAD_FLAGS: readonly (Run & { readonly says: RegExp })[] = [
  { name: 'missing-flags', args: ['solve', 'growth', '--from', '2T'], says: /solve growth needs --to and --years/ },
  { name: 'bad-amount', args: ['solve', 'end', '--from', '2X', '--growth', '5%', '--years', '1'], says: /--from: '2X' is not an amount/ },
  { name: 'negative-amount', args: ['solve', 'start', '--to', '-5B', '--growth', '5%', '--years', '1'], says: /--to: an amount cannot be negative/ },
  { name: 'bare-growth', args: ['solve', 'years', '--from', '1', '--to', '2', '--growth', '26.4'], says: /--growth: '26.4' would be a rate of 2640%/ },
  { name: 'growth-below-minus-100', args: ['solve', 'end', '--from', '1', '--growth', '-150%', '--years', '1'], says: /--growth: must be at least -100%/ },
  { name: 'bad-years', args: ['solve', 'end', '--from', '1', '--growth', '5%', '--years', 'five'], says: /--years: 'five' is not a number of years/ },
  { name: 'negative-years', args: ['solve', 'end', '--from', '1', '--growth', '5%', '--years=-2'], says: /--years: '-2' is not a number of years/ },
  { name: 'too-many-years', args: ['solve', 'start', '--to', '1', '--growth', '5%', '--years', '1001'], says: /--years: must be from 0 to 1000 years/ },
  { name: 'short-growth-span', args: ['solve', 'growth', '--from', '1', '--to', '2', '--years', '0.001'], says: /--years: to solve for growth the span must be 0 or at least 0.01 years/ },
  { name: 'mixed-units', args: ['solve', 'growth', '--from', '$2T', '--to', '5 BTC', '--years', '2'], says: /--to: '5 BTC' is in bitcoin but --from '\$2T' is in dollars/ },
  { name: 'bad-start', args: ['solve', 'years', '--from', '1', '--to', '2', '--growth', '5%', '--start', 'next'], says: /--start: must be a calendar year/ },
  { name: 'growth-without-years', args: ['solve', 'utilization', '--market-cap', '2T', '--tvl', '1B', '--growth', '5%'], says: /--growth and --years go together: add --years/ },
  { name: 'history-with-from', args: ['solve', 'growth', '--history', 'x.csv', '--from', '1'], says: /cannot be used with option '--from/ },
  { name: 'column-without-history', args: ['solve', 'growth', '--value-column', 'tvl', '--from', '1', '--to', '2', '--years', '1'], says: /--value-column needs --history/ },
  { name: 'unknown-unknown', args: ['solve', 'speed'], says: /unknown command 'speed'/ },
  { name: 'unknown-option', args: ['solve', 'end', '--form', '1'], says: /unknown option '--form'/ },
  { name: 'unknown-format', args: ['solve', 'end', '--from', '1', '--growth', '1%', '--years', '1', '--format', 'csv'], says: /Allowed choices are text, json/ },
];

/** History input errors: exit 2, every problem as FILE[:LINE:COL]: message. */
const HISTORY_ERRORS: readonly (Run & { readonly places: readonly string[] })[] = [
  {
    name: 'history/bad-rows',
    args: ['solve', 'growth', '--history', `${HISTORY}/defi-tvl-bad.csv`],
    places: [4, 5, 6, 7, 8, 9, 10, 11].map((line) => `${HISTORY}/defi-tvl-bad.csv:${line}:`),
  },
  { name: 'history/missing-file', args: ['solve', 'growth', '--history', `${HISTORY}/nothing-here.csv`], places: [`${HISTORY}/nothing-here.csv: no such file or directory`] },
  { name: 'history/unknown-column', args: ['solve', 'growth', '--history', `${HISTORY}/defi-tvl-yearly.csv`, '--value-column', 'tvl'], places: [`${HISTORY}/defi-tvl-yearly.csv:3:1: no column named 'tvl'`] },
  { name: 'history/one-row-stdin', args: ['solve', 'growth', '--history', '-'], input: 'year,tvl\n2024,1B\n', places: ['<stdin>: the history holds one row of data'] },
];

const STDIN: Run = { name: 'history/stdin.json', args: ['solve', 'growth', '--history', '-', '--format', 'json'], input: '# piped\nyear,tvl_usd\n2020,700000000\n2025,120000000000\n' };
const HELP: Run[] = [
  { name: 'help/solve', args: ['solve', '--help'] },
  ...(['growth', 'years', 'end', 'start', 'utilization'] as const).map((unknown) => ({ name: `help/${unknown}`, args: ['solve', unknown, '--help'] })),
];

const ALL: Run[] = [
  ...(Object.keys(EXAMPLES) as Example[]).flatMap((name) => [text(name), json(name)]),
  ...(Object.keys(NO_ANSWERS) as (keyof typeof NO_ANSWERS)[]).flatMap((reason) => [noAnswer(reason, 'text'), noAnswer(reason, 'json')]),
  ...BAD_FLAGS.map((run) => ({ ...run, name: `bad-flags/${run.name}` })),
  ...HISTORY_ERRORS,
  STDIN,
  ...HELP,
];

// The runs go ahead a few at a time, in parallel; the tests then read the results.
beforeAll(async () => {
  const queue = [...ALL];
  const worker = async (): Promise<void> => {
    for (let run = queue.shift(); run !== undefined; run = queue.shift()) {
      await resultOf(run);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}, 180_000);

async function stdoutOf(run: Run): Promise<string> {
  const result = await resultOf(run);
  expect(result.stderr, `${run.name}: stderr`).toBe('');
  expect(result.exitCode, `${run.name}: exit code`).toBe(0);
  return result.stdout;
}

interface SolveJson {
  readonly btcfi: number;
  readonly solve: string;
  readonly value: string | null;
  readonly reason: string | null;
  readonly unit: string;
  readonly inputs: Record<string, string | null>;
  readonly [key: string]: unknown;
}

async function jsonOf(name: Example): Promise<SolveJson> {
  return JSON.parse(await stdoutOf(json(name))) as SolveJson;
}

describe('the issue’s examples, as text', () => {
  it.each<{ example: Example; shows: readonly (string | RegExp)[] }>([
    { example: 'growth', shows: ['growth  26.44% a year', 'exact   26.43523621155829706821108483252730842771%', 'to = from × (1 + growth)^years', '$770.6B = $238.5B × (1 + growth)^5'] },
    { example: 'years', shows: ['years    5.006', 'exact    5.0059', '$770.6B = $238.5B × (1 + 26.4%)^years', 'after 6 whole years'] },
    { example: 'years-start', shows: ['in 2032, 6 whole years after 2026', /the first whole year at or above\s+\$770\.6B/] },
    { example: 'years-fall', shows: ['years    1\n', '$26B = $100B × (1 - 74%)^years', 'after 1 whole year: the first whole year at or below $26B'] },
    { example: 'end', shows: ['end     $769.5B', '$769.526806517121024B = 769526806517.121024', 'end = from × (1 + growth)^years', 'end = $238.5B × (1 + 26.4%)^5'] },
    { example: 'start', shows: ['start   $238.8B', '$238.832615632748514337517022547106066222B', 'to = start × (1 + growth)^years', '$770.6B = start × (1 + 26.4%)^5'] },
    { example: 'utilization', shows: ['utilization  11.9%', 'exact        11.9% = 0.119', 'tvl = market cap × utilization', '$238B = $2T × utilization'] },
    { example: 'utilization-horizon', shows: ['utilization  7.389%', '$238B = $2T × (1 + 10%)^5 × utilization', 'market cap   $3.221T at the horizon (exact $3.22102T)'] },
    { example: 'growth-fractional', shows: ['17.61% a year', '$150B = $100B × (1 + growth)^2.5'] },
    { example: 'end-btc', shows: ['end     115,906 BTC', '115,905.6697625023001186863530968134335002 BTC', '91,332 BTC × (1 + 10%)^2.5'] },
    { example: 'growth-btc', shows: ['-10.21% a year', '91,332 BTC = 101,721 BTC × (1 + growth)^1'] },
  ])('$example', async ({ example, shows }) => {
    const stdout = await stdoutOf(text(example));
    for (const part of shows) {
      if (typeof part === 'string') {
        expect(stdout).toContain(part);
      } else {
        expect(stdout).toMatch(part);
      }
    }
    expect(stdout.endsWith('\n') && !stdout.endsWith('\n\n')).toBe(true);
  });
});

// Reference values: Python's decimal module with an 80-digit context, printed to 50 significant
// digits (growth = ((to / from).ln() / years).exp() - 1, years = (to / from).ln() / (1 + growth).ln(),
// start = to / (1 + growth)^years, utilization = tvl / (market cap x (1 + growth)^years)).
const REFERENCES: Partial<Record<Example, string>> = {
  growth: '0.26435236211558297068211084832527308427707702756340',
  years: '5.0059485894340056774639310804204292060672435222713',
  'years-start': '5.0059485894340056774639310804204292060672435222713',
  'years-fall': '1',
  end: '769526806517.121024',
  start: '238832615632.74851433751702254710606622196007399213',
  utilization: '0.119',
  'utilization-horizon': '0.073889637444039465759293639902887905073548130716357',
  'growth-fractional': '0.17607902252467357258497781394178525671402667223698',
  'start-fractional': '65839227748.355419798109534374134903600333999448136',
  'end-btc': '115905.66976250230011868635309681343350017167045998',
  'growth-btc': '-0.10213230306426401627982422508626537293184298227505',
};

describe('the issue’s examples, as JSON', () => {
  it.each(Object.entries(REFERENCES) as [Example, string][])('%s agrees with a 50-digit reference to 30 digits', async (example, reference) => {
    const document = await jsonOf(example);
    expect(document).toMatchObject({ btcfi: 1, reason: null });
    expect(typeof document.value).toBe('string');
    const value = new D(document.value!);
    expect(agreesTo(value, new D(reference)), compare(value, new D(reference))).toBe(true);
  });

  it.each<{ example: Example; document: Record<string, unknown> }>([
    {
      example: 'growth',
      document: { btcfi: 1, solve: 'growth', value: '0.2643523621155829706821108483252730842771', reason: null, unit: 'USD', inputs: { from: '238500000000', to: '770600000000', years: '5' } },
    },
    {
      example: 'years-start',
      document: {
        btcfi: 1,
        solve: 'years',
        value: '5.005948589434005677463931080420429206067',
        reason: null,
        unit: 'USD',
        whole_years: '6',
        reached_in: '2032',
        inputs: { from: '238500000000', to: '770600000000', growth: '0.264', start: '2026' },
      },
    },
    { example: 'years-fall', document: { solve: 'years', value: '1', whole_years: '1', reached_in: null } },
    { example: 'end', document: { btcfi: 1, solve: 'end', value: '769526806517.121024', reason: null, unit: 'USD', inputs: { from: '238500000000', growth: '0.264', years: '5' } } },
    { example: 'start', document: { solve: 'start', value: '238832615632.748514337517022547106066222', inputs: { to: '770600000000', growth: '0.264', years: '5' } } },
    { example: 'utilization', document: { solve: 'utilization', value: '0.119', market_cap_at_horizon: '2000000000000', inputs: { market_cap: '2000000000000', tvl: '238000000000', growth: null, years: null } } },
    { example: 'utilization-horizon', document: { solve: 'utilization', market_cap_at_horizon: '3221020000000', inputs: { growth: '0.1', years: '5' } } },
    { example: 'end-btc', document: { solve: 'end', unit: 'BTC', inputs: { from: '91332', growth: '0.1', years: '2.5' } } },
    { example: 'growth-btc', document: { solve: 'growth', unit: 'BTC', value: '-0.1021323030642640162798242250862653729318' } },
  ])('$example: the document', async ({ example, document }) => {
    expect(await jsonOf(example)).toMatchObject(document);
  });

  it('every value is a decimal string of at least 30 significant digits, or exact', async () => {
    for (const example of Object.keys(REFERENCES) as Example[]) {
      const { value } = await jsonOf(example);
      expect(value, example).toMatch(/^-?[0-9]+(\.[0-9]+)?$/);
      const digits = value!.replace(/^-?[0.]*/, '').replace('.', '').length;
      const exact = ['end', 'utilization', 'years-fall'].includes(example);
      expect(exact || digits >= 30, `${example}: ${value}`).toBe(true);
    }
  });

  it('holds no JSON number but the version (and the count of history points)', async () => {
    for (const example of Object.keys(EXAMPLES) as Example[]) {
      const numbers: string[] = [];
      JSON.parse(await stdoutOf(json(example)), (key, value: unknown) => {
        if (typeof value === 'number' && !['btcfi', 'points'].includes(key)) {
          numbers.push(key);
        }
        return value;
      });
      expect(numbers, example).toEqual([]);
    }
  });
});

describe('no answer', () => {
  it.each(Object.keys(NO_ANSWERS) as (keyof typeof NO_ANSWERS)[])('%s: the text says why, JSON has a null value and the reason, exit 0', async (reason) => {
    const textOut = await stdoutOf(noAnswer(reason, 'text'));
    expect(textOut).toMatch(/^\S+ +no answer\n/);
    expect(textOut).toMatch(NO_ANSWERS[reason].why);
    const document = JSON.parse(await stdoutOf(noAnswer(reason, 'json'))) as SolveJson;
    expect(document.value).toBeNull();
    expect(document.reason).toBe(reason === 'start-wiped-out' ? 'wiped-out' : reason);
  });
});

describe('bad flags', () => {
  it.each(BAD_FLAGS)('$name: exit 2, nothing on stdout, one clear line on stderr', async (run) => {
    const result = await resultOf({ ...run, name: `bad-flags/${run.name}` });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^btcfi: error: /);
    expect(lines[0]).toMatch(run.says);
    expect(lines.slice(1).every((line) => line.startsWith('hint: ') || line.startsWith('('))).toBe(true);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('growth from a history', () => {
  // Reference values: Python's decimal module with an 80-digit context, to 50 significant digits:
  // the endpoint CAGR as above over (last - first) years, or days / 365.25 with dates; the
  // log-linear CAGR as exp(slope) - 1, slope = Σ(t - t̄)(ln v - mean ln v) / Σ(t - t̄)².
  it.each<{ example: Example; endpoint: string; logLinear: string; span: string; document: Record<string, unknown> }>([
    {
      example: 'history-yearly',
      endpoint: '1.7977998413198749234528184956829523126679423337550',
      logLinear: '1.1581041639720247248190354199967865058571269764270',
      span: '5',
      document: { points: 6, span_days: null, inputs: { history: `${HISTORY}/defi-tvl-yearly.csv`, date_column: 'year', value_column: 'tvl_usd', first: '2020', last: '2025', from: '700000000', to: '120000000000' } },
    },
    {
      // By anniversary, 1 January to 1 January is a whole year: the same span as the yearly file.
      example: 'history-dates',
      endpoint: '1.7977998413198749234528184956829523126679423337550',
      logLinear: '1.1581041639720247248190354199967865058571269764270',
      span: '5',
      document: { points: 6, span_days: '1827', day_count: 'anniversary', inputs: { date_column: 'date', value_column: 'tvl', first: '2020-01-01', last: '2025-01-01' } },
    },
    {
      example: 'history-dates-365',
      endpoint: '1.7966184529868137544776596238210635275329008813894',
      logLinear: '1.1583796345537106778269587174042608159704417705791',
      span: '5.0020533880903490759753593429158110882956878850103',
      document: { points: 6, span_days: '1827', day_count: 'actual/365.25', inputs: { date_column: 'date', value_column: 'tvl', first: '2020-01-01', last: '2025-01-01' } },
    },
    {
      // (91,332 - 101,721) / 101,721, the article's change, over exactly one year.
      example: 'history-year-ends',
      endpoint: '-0.10213230306426401627982422508626537293184298227504645',
      logLinear: '-0.10213230306426401627982422508626537293184298227504645',
      span: '1',
      document: { points: 2, span_days: '365', day_count: 'anniversary', unit: 'BTC' },
    },
  ])('$example: the endpoint and log-linear CAGRs agree with 50-digit references to 30 digits', async ({ example, endpoint, logLinear, span, document }) => {
    const got = await jsonOf(example);
    expect(got).toMatchObject({ btcfi: 1, solve: 'growth', reason: null, unit: 'USD', ...document });
    for (const [field, reference] of [
      [got.value, endpoint],
      [got['log_linear'], logLinear],
      [got['span_years'], span],
    ] as const) {
      const value = new D(field as string);
      expect(agreesTo(value, new D(reference)), compare(value, new D(reference))).toBe(true);
    }
  });

  it('the text shows both CAGRs, the points and the span', async () => {
    const yearly = await stdoutOf(text('history-yearly'));
    expect(yearly).toContain('growth      179.8% a year, the endpoint CAGR');
    expect(yearly).toContain('log-linear  115.8% a year, the least-squares CAGR of all 6 points');
    expect(yearly).toContain('6 points from 2020 to 2025, a span of 5 years');
    const dated = await stdoutOf(text('history-dates'));
    expect(dated).toContain('6 points from 2020-01-01 to 2025-01-01, 5 years by anniversary');
    const actual = await stdoutOf(text('history-dates-365'));
    expect(actual, 'wrapped at 80 columns').toMatch(/1827 days \/ 365\.25 = 5\.002\s+years/);
    const yearEnds = await stdoutOf(text('history-year-ends'));
    expect(yearEnds).toContain('exact       -10.21323030642640162798242250862653729318%');
    expect(yearEnds).toContain('1 year by anniversary');
    expect(await stdoutOf(text('history-year-ends-365'))).toMatch(/365 days \/ 365\.25 = 0\.9993\s+years/);
  });

  it('reads standard input with -', async () => {
    const document = JSON.parse(await stdoutOf(STDIN)) as SolveJson;
    expect(document).toMatchObject({ points: 2, inputs: { history: '<stdin>', from: '700000000', to: '120000000000' } });
    expect(document.value).toBe((await jsonOf('history-yearly')).value);
  });

  it.each(HISTORY_ERRORS)('$name: exit 2, every problem at its place', async (run) => {
    const result = await resultOf(run);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    const heads = result.stderr.split('\n').filter((line) => line.startsWith('btcfi: error: '));
    expect(heads).toHaveLength(run.places.length);
    run.places.forEach((place, i) => expect(heads[i]).toContain(`btcfi: error: ${place}`));
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('transcripts', () => {
  it.each(ALL.map((run) => [run.name, run] as const))('%s', async (name, run) => {
    // The input as a printf format a shell would run (it holds no quote or % of its own).
    const command = run.input === undefined ? commandLine(run.args) : `printf '${run.input.replace(/\n/g, '\\n')}' | ${commandLine(run.args)}`;
    await expect(transcript(command, await resultOf(run))).toMatchFileSnapshot(`../golden/solve/${name}.txt`);
  });

  it('help exits 0 and shows examples', async () => {
    for (const run of HELP) {
      const result = await resultOf(run);
      expect(result.exitCode, run.name).toBe(0);
      expect(result.stdout, run.name).toContain('Examples:');
    }
  });
});
