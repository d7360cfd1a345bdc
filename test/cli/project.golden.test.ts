// Golden CLI tests: every case runs the CLI in-process (colour off, repo root as working
// directory; see test/helpers/runCli.ts) and is compared, as one readable transcript, with a file
// under test/golden/. Pipelines whose reader goes away (`| head -1`) run the built CLI in a shell.
// Update with `npx vitest run test/cli/project.golden.test.ts -u` and review the diff like code.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import { isMap, isScalar, parseDocument } from 'yaml';
import { assertBuilt, cliEnv, commandLine, REPO_ROOT, runCli, runShell, transcript, type CliResult } from '../helpers/runCli.js';

beforeAll(assertBuilt);

interface Case {
  /** The transcript's path under test/golden/, without `.txt`. */
  readonly golden: string;
  /** btcfi's arguments, or a POSIX shell line in which `btcfi` is the CLI. */
  readonly args?: readonly string[];
  readonly shell?: string;
  /** With args: the file given as standard input, shown in the transcript as `< FILE`. */
  readonly stdin?: string;
}

/**
 * How a bad input must name its place: `span` is FILE:LINE:COL with a caret excerpt, `file` is
 * FILE alone (where no line exists, as for a missing file), `none` is a flag with no file at all.
 */
type Place = 'span' | 'file' | 'none';

interface ErrorCase extends Case {
  readonly place: Place;
  /** The file or directory every issue must name. */
  readonly file?: string;
  /** Text the message must hold (a suggestion, a hint). */
  readonly mentions?: readonly RegExp[];
  /** How many issues must be reported, when the input holds several problems. */
  readonly issues?: number;
  /** Where the CLI is known to contradict the issue: the contract test is then expected to fail. */
  readonly deviation?: string;
}

const FORMATS = ['table', 'csv', 'json'] as const;
const SCENARIOS = readdirSync(join(REPO_ROOT, 'scenarios'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.replace(/\.yaml$/, ''))
  .sort();
const INLINE = ['--market-cap', '2T', '--utilization', '5%'];

const PROJECT_CASES: Case[] = [
  ...SCENARIOS.flatMap((scenario) =>
    FORMATS.map((format) => ({ golden: `project/${scenario}.${format}`, args: ['project', `scenarios/${scenario}.yaml`, '--format', format] })),
  ),
  { golden: 'project/bundled.table', args: ['project'] },
  { golden: 'project/inline.table', args: ['project', ...INLINE] },
  { golden: 'project/inline.csv', args: ['project', ...INLINE, '--format', 'csv'] },
  { golden: 'project/inline.json', args: ['project', ...INLINE, '--format', 'json'] },
  { golden: 'project/defi-2031.growth-10pct.table', args: ['project', 'scenarios/defi-2031.yaml', '--growth', '10%'] },
  { golden: 'project/defi-2031.digits-6.csv', args: ['project', 'scenarios/defi-2031.yaml', '--format', 'csv', '--digits', '6'] },
  { golden: 'project/defi-2031.digits-6.json', args: ['project', 'scenarios/defi-2031.yaml', '--format', 'json', '--digits', '6'] },
  { golden: 'project/filter.scenario-and-case.table', args: ['project', '--scenario', 'defi-2031', '--case', 'exact'] },
  { golden: 'project/filter.case.csv', args: ['project', '--case', 'exact', '--format', 'csv'] },
  { golden: 'project/filter.two-scenarios.json', args: ['project', '-s', 'btcfi-100b', '-s', 'staking-500b', '--format', 'json'] },
  ...FORMATS.map((format) => ({ golden: `project/extremes.${format}`, args: ['project', 'test/fixtures/figures/extremes.yaml', '--format', format] })),
  // A table writes figures nearer zero than a satoshi as <$0.00000001, not as hundreds of zeros; CSV keeps every digit.
  { golden: 'project/tiny.table', args: ['project', '--tvl', '1e-30', '--years', '1'] },
  { golden: 'project/tiny.csv', args: ['project', '--tvl', '1e-30', '--years', '1', '--format', 'csv'] },
  { golden: 'project/falls-to-zero.table', args: ['project', '--tvl', '1B', '--growth', '-100%', '--years', '2'] },
  { golden: 'project/falls-99pct.table', args: ['project', '--tvl', '1B', '--growth', '-99%', '--years', '10'] },
  { golden: 'project/stdin.table', args: ['project', '-'], stdin: 'scenarios/l2-2025.yaml' },
  // The CSV's shapes: chosen columns, and a row per period with a column per case (periods of every start and step, in time order).
  { golden: 'project/defi-2031.columns.csv', args: ['project', 'scenarios/defi-2031.yaml', '--format', 'csv', '--columns', 'period,case,tvl,change'] },
  { golden: 'project/bundled.wide.csv', args: ['project', '--format', 'csv', '--layout', 'wide'] },
  { golden: 'project/wide-columns.csv', args: ['project', '-s', 'btcfi-5-10', '-s', 'defi-2031', '--format', 'csv', '--layout', 'wide', '--columns', 'market_cap,tvl'] },
  { golden: 'project/extremes.wide.csv', args: ['project', 'test/fixtures/figures/extremes.yaml', '--format', 'csv', '--layout', 'wide'] },
  { golden: 'project/references.table', args: ['project', 'test/fixtures/references/crossings.yaml', '--chart'] },
  { golden: 'project/references.json', args: ['project', 'test/fixtures/references/crossings.yaml', '--format', 'json', '--case', 'up'] },
  { golden: 'project/references.csv', args: ['project', 'test/fixtures/references/crossings.yaml', '--format', 'csv', '--case', 'up'] },
  // A price turns the TVL into the other unit: a column in tables, tvl_usd and tvl_btc in CSV and JSON.
  ...(['conversions', 'usd-tvl'] as const).flatMap((name) =>
    FORMATS.map((format) => ({ golden: `project/market-${name}.${format}`, args: ['project', `test/fixtures/market/${name}.yaml`, '--format', format] })),
  ),
  { golden: 'project/inline-price-supply.table', args: ['project', '--price', '100K', '--supply', '20M', '--utilization', '5%', '--years', '2', '--growth', '10%'] },
];

const CLI_CASES: Case[] = [
  { golden: 'cli/bare', args: [] },
  { golden: 'cli/help', args: ['--help'] },
  { golden: 'cli/version', args: ['--version'] },
  { golden: 'cli/project-help', args: ['project', '--help'] },
  { golden: 'cli/head-1', shell: 'btcfi project | head -1' },
  // 160 kB, more than a pipe holds, so btcfi is still writing when head exits (EPIPE).
  { golden: 'cli/head-1-large', shell: 'btcfi project --tvl 1 --growth 5% --years 200 --step month --format csv | head -1' },
];

const FIXTURES = 'test/fixtures/errors';
const fileError = (kind: string, extra: Partial<ErrorCase> = {}, file = `${FIXTURES}/${kind}.yaml`): ErrorCase => ({
  golden: `errors/${kind}`,
  args: ['project', file],
  place: 'span',
  file,
  ...extra,
});

const ERROR_CASES: ErrorCase[] = [
  fileError('yaml-syntax'),
  fileError('json-syntax', {}, `${FIXTURES}/json-syntax.json`),
  // YAML accepts a trailing comma in a flow mapping; JSON does not.
  fileError('json-trailing-comma', { mentions: [/invalid JSON/] }, `${FIXTURES}/json-trailing-comma.json`),
  fileError('unknown-key', { mentions: [/unknown key 'utilisation'/, /did you mean 'utilization'\?/] }),
  fileError('missing-name', { mentions: [/name/] }),
  fileError('duplicate', { mentions: [/same-name/] }, `${FIXTURES}/duplicate`),
  fileError('tvl-and-market-cap'),
  fileError('market-cap-without-utilization', { mentions: [/utilization/] }),
  fileError('utilization-out-of-range', { mentions: [/140%/] }),
  fileError('growth-below-minus-100', { mentions: [/-100%/] }),
  fileError('growth-bare-number', { mentions: [/26\.4%/] }),
  fileError('amount-malformed-letter', { mentions: [/\$2X/] }),
  fileError('amount-malformed-exponent', { mentions: [/1e/] }),
  fileError('amount-malformed-double-minus', { mentions: [/--5/] }),
  fileError('amount-negative', { mentions: [/negative/] }),
  fileError('unit-mismatch', { mentions: [/\$100/, /BTC/] }),
  fileError('phases-mismatch'),
  fileError('years-out-of-range', { mentions: [/201/] }),
  fileError('empty'),
  fileError('several-problems', { issues: 5 }),
  fileError('several-problems-mixed', { issues: 3 }),
  fileError('no-scenarios', { place: 'file' }, `${FIXTURES}/no-scenarios`),
  fileError('missing-file', { place: 'file' }, `${FIXTURES}/missing-file.yaml`),
  fileError('supply-without-price', { mentions: [/needs a price/, /price: 100K/] }),
  fileError('price-range-converts', { mentions: [/must be exact/] }),
  fileError('tvl-and-supply', { mentions: [/tvl and supply are both set/, /share: 0\.46%/] }),
  { golden: 'errors/unknown-flag', args: ['project', '--fromat', 'csv'], place: 'none', mentions: [/--fromat/, /--format/] },
  { golden: 'errors/unknown-format', args: ['project', '--format', 'xml'], place: 'none', mentions: [/xml/] },
  { golden: 'errors/digits-out-of-range', args: ['project', '--digits', '0'], place: 'none' },
  { golden: 'errors/unknown-column', args: ['project', '--format', 'csv', '--columns', 'period,tvl,chnage'], place: 'none', mentions: [/'chnage'/, /did you mean 'change'\?/] },
  { golden: 'errors/wide-text-column', args: ['project', '--format', 'csv', '--layout', 'wide', '--columns', 'scenario'], place: 'none', mentions: [/--layout wide/, /the figures are: market_cap/] },
  { golden: 'errors/columns-without-csv', args: ['project', '--columns', 'tvl'], place: 'none', mentions: [/--columns applies only to --format csv/] },
  { golden: 'errors/unknown-scenario', args: ['project', '--scenario', 'defi2031'], place: 'none', mentions: [/defi-2031/] },
  { golden: 'errors/unknown-case', args: ['project', '--case', 'exakt'], place: 'none', mentions: [/exact/] },
  { golden: 'errors/flag-growth-bare-number', args: ['project', ...INLINE, '--growth', '26.4'], place: 'none', mentions: [/26\.4%/] },
  // Help for a command that does not exist: one line, not the whole help.
  { golden: 'errors/help-unknown-command', args: ['help', 'ü'], place: 'none', mentions: [/^btcfi: error: unknown command 'ü'\n$/] },
  { golden: 'errors/help-typo', args: ['help', 'projetc'], place: 'none', mentions: [/^btcfi: error: unknown command 'projetc'\nhint: did you mean project\?\n$/] },
  { golden: 'errors/help-typo-subcommand', args: ['help', 'solve', 'grwth'], place: 'none', mentions: [/^btcfi: error: unknown command 'grwth'\nhint: did you mean growth\?\n$/] },
];

const ALL_CASES: Case[] = [...PROJECT_CASES, ...CLI_CASES, ...ERROR_CASES];

// Each case runs once, whichever test asks first.
const runs = new Map<string, Promise<CliResult>>();
function resultOf(c: Case): Promise<CliResult> {
  let run = runs.get(c.golden);
  if (run === undefined) {
    const input = c.stdin === undefined ? undefined : readFileSync(join(REPO_ROOT, c.stdin), 'utf8');
    run =
      c.shell !== undefined
        ? runShell(c.shell)
        : input === undefined
          ? runCli(c.args ?? [])
          : // A shell line `btcfi ... < FILE`, whose transcript also shows btcfi's own exit code.
            runCli(c.args ?? [], { input }).then((result) => ({ ...result, btcfiExitCode: result.exitCode }));
    runs.set(c.golden, run);
  }
  return run;
}
const commandOf = (c: Case): string => c.shell ?? commandLine(c.args ?? []) + (c.stdin === undefined ? '' : ` < ${c.stdin}`);
const caseNamed = (golden: string): Case => ALL_CASES.find((c) => c.golden === golden)!;

describe.concurrent('golden transcripts', () => {
  it.for(ALL_CASES.map((c) => [c.golden, c] as const))('%s', async ([, c], { expect }) => {
    await expect(transcript(commandOf(c), await resultOf(c))).toMatchFileSnapshot(`../golden/${c.golden}.txt`);
  });
});

describe.concurrent('successful runs', () => {
  it.for([...PROJECT_CASES, ...CLI_CASES].map((c) => [c.golden, c] as const))('%s exits 0 with an empty stderr', async ([, c], { expect }) => {
    const result = await resultOf(c);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    if (c.shell?.includes('| head') === true) {
      expect(result.btcfiExitCode, 'btcfi itself ends quietly when the reader goes away').toBe(0);
    }
  });
});

/** The issue's contract for bad input, checked on the raw stderr. */
async function checkBadInput(c: ErrorCase, expect: ExpectStatic): Promise<void> {
  const { stdout, stderr, exitCode } = await resultOf(c);
  expect(exitCode).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/internal error/);
  const lines = stderr.split('\n');
  const heads = lines.flatMap((line, i) => (line.startsWith('btcfi: error:') ? [i] : []));
  expect(heads.length, 'at least one error').toBeGreaterThan(0);
  expect(lines[0]).toMatch(/^btcfi: error: /);
  for (const i of heads) {
    const head = lines[i]!;
    if (c.place === 'none') {
      continue;
    }
    const escaped = c.file!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (c.place === 'file') {
      expect(head).toMatch(new RegExp(`^btcfi: error: ${escaped}: \\S`));
      continue;
    }
    const match = new RegExp(`^btcfi: error: (${escaped}[^:]*):(\\d+):(\\d+): \\S`).exec(head);
    expect(match, `FILE:LINE:COL in ${JSON.stringify(head)}`).not.toBeNull();
    const [line, column] = [Number(match![2]), Number(match![3])];
    expect(lines[i + 1], 'the excerpt of the line').toMatch(new RegExp(`^  ${line} \\| `));
    const caret = /^ {2} +\| ( *)\^+$/.exec(lines[i + 2] ?? '');
    expect(caret, 'a caret line under the excerpt').not.toBeNull();
    expect(caret![1]!.length + 1, 'the caret sits at the column').toBe(column);
  }
  if (c.issues !== undefined) {
    expect(heads.length, 'every problem is reported').toBe(c.issues);
  }
  for (const pattern of c.mentions ?? []) {
    expect(stderr).toMatch(pattern);
  }
}

describe.concurrent('bad input', () => {
  for (const c of ERROR_CASES) {
    if (c.deviation === undefined) {
      it(`${c.golden}: exit 2, nothing on stdout, the place and message on stderr`, ({ expect }) => checkBadInput(c, expect));
    } else {
      // Known contradiction with the issue; this fails loudly (as a passing test) once it is fixed.
      it.fails(`${c.golden}: KNOWN DEVIATION: ${c.deviation}`, ({ expect }) => checkBadInput(c, expect));
    }
  }
});

describe('output for pipes', () => {
  it('no stdout of any case holds an escape character', async () => {
    for (const c of ALL_CASES) {
      expect((await resultOf(c)).stdout, c.golden).not.toContain('\u001b');
    }
  });

  it('without NO_COLOR, a table or an error sent to a pipe has no escape character either', async () => {
    const env = cliEnv({ TERM: 'xterm-256color' });
    delete env['NO_COLOR'];
    const table = await runCli(['project'], { env });
    const error = await runCli(['project', `${FIXTURES}/several-problems.yaml`], { env });
    expect(table.stdout).toBe((await resultOf(caseNamed('project/bundled.table'))).stdout);
    expect(table.stdout).not.toContain('\u001b');
    expect(error.stderr).not.toContain('\u001b');
  });
});

// ---- CSV and JSON contracts, checked on the raw output ----

/** Plain notation: no exponent, no grouping, no currency, no trailing zeros after the point. */
const PLAIN_FIGURE = /^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/;
const PERIOD = /^(\d{4}|\+\d+)(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
/** Every CSV of project has the same columns, whatever its scenarios hold. */
const CSV_HEADER =
  'scenario,case,period,index,unit,market_cap,utilization,tvl,change,target,target_reached,growth_needed,utilization_needed,mean,p5,p25,p50,p75,p95,target_probability,price,supply,tvl_usd,tvl_btc';

/** Significant digits of a plain figure; the trailing zeros of a whole number are not counted. */
function significantDigits(figure: string): number {
  return figure.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
}

/** RFC 4180 fields, for records already split on CRLF (no field in btcfi's CSV holds a line break). */
function csvFields(record: string): string[] {
  const fields: string[] = [];
  const pattern = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,"]*))/g;
  for (const match of record.matchAll(pattern)) {
    fields.push(match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2]!);
  }
  return fields;
}

interface JsonRow {
  period: string;
  index: number;
  market_cap: string | null;
  utilization: string | null;
  tvl: string | null;
}
interface JsonScenario {
  name: string;
  case: string | null;
  title: string | null;
  unit: string;
  rows: JsonRow[];
  references: { value: string | null; crossing: { years: string | null } | null; growth_needed: string | null; utilization_needed: string | null }[];
}

/** JSON.parse, failing if any value other than `btcfi` and `index` is a JS number. */
function parseJsonOutput(text: string): { btcfi: number; scenarios: JsonScenario[] } {
  const numbersAt: string[] = [];
  const document = JSON.parse(text, (key, value: unknown) => {
    if (typeof value === 'number' && key !== 'btcfi' && key !== 'index') {
      numbersAt.push(`${key}: ${value}`);
    }
    return value;
  }) as { btcfi: number; scenarios: JsonScenario[] };
  expect(numbersAt, 'figures that are JS numbers').toEqual([]);
  return document;
}

/** The long CSV with every column; --columns and --layout wide have their own shapes (test/cli/csv.test.ts). */
const csvCases = PROJECT_CASES.filter((c) => c.args?.includes('csv') === true && !c.args.includes('--columns') && !c.args.includes('--layout'));
const jsonCases = PROJECT_CASES.filter((c) => c.args?.includes('json') === true);

describe.concurrent('csv', () => {
  it.for(csvCases.map((c) => [c.golden, c] as const))('%s: RFC 4180 with CRLF, the exact header, plain figures', async ([, c], { expect }) => {
    const { stdout } = await resultOf(c);
    expect(stdout.endsWith('\r\n')).toBe(true);
    expect(stdout.replace(/\r\n/g, ''), 'no bare LF or CR').not.toMatch(/[\r\n]/);
    const [header, ...records] = stdout.slice(0, -2).split('\r\n');
    expect(header).toBe(CSV_HEADER);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      const fields = csvFields(record);
      expect(fields, record).toHaveLength(header!.split(',').length);
      const [scenario, caseName, period, index, unit, marketCap, utilization, tvl] = fields;
      for (const text of [scenario, caseName, period, unit]) {
        expect(text, `a text cell a spreadsheet would run as a formula, in ${record}`).not.toMatch(/^[=+\-@\t\r]/);
      }
      expect(index).toMatch(/^[0-9]+$/);
      // A period without a start year is a plain count of years from the start: 0, 1-Q3, 2-07.
      expect(period).toMatch(/^([0-9]{4}|[0-9]+)(-Q[1-4]|-(0[1-9]|1[0-2]))?$/);
      expect(unit).toMatch(/^(USD|BTC)$/);
      expect(tvl).toMatch(PLAIN_FIGURE);
      for (const figure of [marketCap, utilization]) {
        expect(figure === '' || PLAIN_FIGURE.test(figure!), `${figure} in ${record}`).toBe(true);
      }
      for (const figure of fields.slice(-4)) {
        expect(figure === '' || PLAIN_FIGURE.test(figure!), `${figure} in ${record}`).toBe(true);
      }
    }
  });

  it('holds the same rows and figures as the JSON of the same run', async ({ expect }) => {
    for (const c of csvCases) {
      const twin = jsonCases.find((j) => commandOf(j) === commandOf(c).replace('csv', 'json'));
      if (twin === undefined) {
        continue;
      }
      const csvRecords = (await resultOf(c)).stdout.slice(0, -2).split('\r\n').slice(1).map((record) => csvFields(record).slice(0, 8));
      const jsonRecords = parseJsonOutput((await resultOf(twin)).stdout).scenarios.flatMap((s) =>
        s.rows.map((row) => [s.name, s.case ?? '', row.period, String(row.index), s.unit, row.market_cap ?? '', row.utilization ?? '', row.tvl ?? '']),
      );
      // The CSV writes a period without a start year as years from the start (0, 1-Q3), JSON as its label (+0, +1-Q3).
      const labelled = jsonRecords.map((fields) => fields.map((field, i) => (i === 2 ? field.replace(/^\+(?=[0-9])/, '') : field)));
      expect(csvRecords, c.golden).toEqual(labelled);
    }
  });

  it('--digits 6 rounds every figure to at most 6 significant digits', async ({ expect }) => {
    const { stdout } = await resultOf(caseNamed('project/defi-2031.digits-6.csv'));
    const figures = stdout.slice(0, -2).split('\r\n').slice(1).flatMap((record) => csvFields(record).slice(5).filter((f) => f !== ''));
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) {
      expect(significantDigits(figure), figure).toBeLessThanOrEqual(6);
    }
  });
});

describe.concurrent('json', () => {
  it.for(jsonCases.map((c) => [c.golden, c] as const))('%s: the documented shape, every figure a string or null', async ([, c], { expect }) => {
    const document = parseJsonOutput((await resultOf(c)).stdout);
    expect(Object.keys(document)).toEqual(['btcfi', 'scenarios']);
    expect(document.btcfi).toBe(1);
    expect(document.scenarios.length).toBeGreaterThan(0);
    for (const scenario of document.scenarios) {
      // A case that states its end also gives the end and the growth solved to reach it.
      const solved = 'end' in scenario ? ['end', 'growth_solved'] : [];
      expect(Object.keys(scenario)).toEqual(['name', 'case', 'title', 'unit', ...solved, 'rows', 'target', 'references']);
      for (const reference of scenario.references) {
        expect(Object.keys(reference)).toEqual(['name', 'value', 'period', 'source', 'note', 'start', 'end', 'crossing', 'growth_needed', 'utilization_needed']);
        for (const figure of [reference.value, reference.crossing?.years ?? null, reference.growth_needed, reference.utilization_needed]) {
          expect(figure === null || (typeof figure === 'string' && PLAIN_FIGURE.test(figure)), String(figure)).toBe(true);
        }
      }
      expect(typeof scenario.name).toBe('string');
      for (const field of [scenario.case, scenario.title]) {
        expect(field === null || typeof field === 'string').toBe(true);
      }
      scenario.rows.forEach((row, i) => {
        const market = ['price', 'supply', 'tvl_usd', 'tvl_btc'];
        const keys = Object.keys(row);
        expect([['period', 'index', 'market_cap', 'utilization', 'tvl'], ['period', 'index', 'market_cap', 'utilization', 'tvl', ...market]]).toContainEqual(keys);
        expect(row.period).toMatch(PERIOD);
        expect(row.index).toBe(i);
        const marketFigures = keys.length > 5 ? market.map((key) => (row as unknown as Record<string, string | null>)[key]) : [];
        for (const figure of [row.market_cap, row.utilization, row.tvl, ...marketFigures]) {
          expect(figure === null || (typeof figure === 'string' && PLAIN_FIGURE.test(figure)), String(figure)).toBe(true);
        }
      });
    }
  });

  it('one entry per scenario and case, in the order of the file', async ({ expect }) => {
    for (const scenario of SCENARIOS) {
      // The Document API keeps the keys' order as written (a plain object would move `10` before `5%`).
      const doc = parseDocument(await readFile(join(REPO_ROOT, 'scenarios', `${scenario}.yaml`), 'utf8'));
      const casesNode = doc.get('cases');
      const names = isMap(casesNode) ? casesNode.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key)) : [];
      const cases = names.length === 0 ? [null] : names;
      const document = parseJsonOutput((await resultOf(caseNamed(`project/${scenario}.json`))).stdout);
      expect(document.scenarios.map((entry) => [entry.name, entry.case]), scenario).toEqual(cases.map((name) => [scenario, name]));
    }
  });

  it('figures keep at least 30 significant digits, in plain notation from 1e30 down to 1e-12', async ({ expect }) => {
    const defi = parseJsonOutput((await resultOf(caseNamed('project/defi-2031.json'))).stdout);
    const exact = defi.scenarios.find((s) => s.case === 'exact')!.rows;
    expect(significantDigits(exact[1]!.tvl!)).toBeGreaterThanOrEqual(30);
    // The case states its end: the last row is that figure, not 40 digits of its neighbourhood.
    expect(exact.at(-1)!.tvl).toBe('770600000000');

    const extremes = parseJsonOutput((await resultOf(caseNamed('project/extremes.json'))).stdout);
    const [huge, tiny] = extremes.scenarios;
    expect(huge!.rows[0]!.tvl).toBe(`1${'0'.repeat(30)}`);
    expect(tiny!.rows[0]!.tvl).toBe(`0.${'0'.repeat(11)}1`);
    for (const row of [huge!.rows[1]!, tiny!.rows[1]!]) {
      expect(significantDigits(row.tvl!), row.tvl!).toBeGreaterThanOrEqual(30);
    }
  });

  it('--digits 6 rounds every figure to at most 6 significant digits', async ({ expect }) => {
    const document = parseJsonOutput((await resultOf(caseNamed('project/defi-2031.digits-6.json'))).stdout);
    for (const row of document.scenarios.flatMap((s) => s.rows)) {
      expect(significantDigits(row.tvl!), row.tvl!).toBeLessThanOrEqual(6);
    }
  });
});

// ---- -o FILE ----

describe('--output FILE', () => {
  let tmp = '';
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'btcfi-golden-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });
  const placeholders = (): Map<string, string> => new Map([[tmp, '$TMP']]);

  /** A fresh, empty folder under tmp for one test. */
  async function folder(name: string): Promise<string> {
    const path = join(tmp, name);
    await rm(path, { recursive: true, force: true });
    await mkdir(path);
    return path;
  }

  it('writes the file and prints nothing on stdout', async () => {
    const dir = await folder('ok');
    const args = ['project', 'scenarios/defi-2031.yaml', '--format', 'csv', '-o', join(dir, 'defi.csv')];
    const result = await runCli(args);
    await expect(transcript(commandLine(args), result, placeholders())).toMatchFileSnapshot('../golden/output/written.txt');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
    expect(await readdir(dir)).toEqual(['defi.csv']);
    expect(await readFile(join(dir, 'defi.csv'), 'utf8')).toBe((await resultOf(caseNamed('project/defi-2031.csv'))).stdout);
  });

  it('with a bad input, leaves no file and no temporary file', async () => {
    const dir = await folder('bad');
    const args = ['project', `${FIXTURES}/several-problems.yaml`, '-o', join(dir, 'out.csv'), '--format', 'csv'];
    const result = await runCli(args);
    await expect(transcript(commandLine(args), result, placeholders())).toMatchFileSnapshot('../golden/output/bad-input.txt');
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(await readdir(dir)).toEqual([]);
  });

  it('with a bad input, leaves an existing file as it was', async () => {
    const dir = await folder('existing');
    await writeFile(join(dir, 'out.csv'), 'old\n');
    const result = await runCli(['project', `${FIXTURES}/unknown-key.yaml`, '-o', join(dir, 'out.csv')]);
    expect(result.exitCode).toBe(2);
    expect(await readdir(dir)).toEqual(['out.csv']);
    expect(await readFile(join(dir, 'out.csv'), 'utf8')).toBe('old\n');
  });

  it('with a bad flag, leaves no file', async () => {
    const dir = await folder('flag');
    const result = await runCli(['project', '--format', 'xml', '-o', join(dir, 'out.xml')]);
    expect(result.exitCode).toBe(2);
    expect(await readdir(dir)).toEqual([]);
  });

  it('into a folder that does not exist: exit 2, nothing left behind', async () => {
    const dir = await folder('missing');
    const args = ['project', '-o', join(dir, 'no-such-folder', 'out.txt')];
    const result = await runCli(args);
    await expect(transcript(commandLine(args), result, placeholders())).toMatchFileSnapshot('../golden/output/missing-folder.txt');
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(await readdir(dir)).toEqual([]);
  });
});
