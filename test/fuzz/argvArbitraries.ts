// Random argument vectors over every command and flag of btcfi, with values that are valid,
// nearly valid and hostile, and sometimes a standard input to go with `-`.
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/runCli.js';
import { amountText, rateText, scenarioFile } from './scenarioArbitraries.js';
import { binaryUnit } from './binaryUnit.js';

export interface ArgvCase {
  readonly args: readonly string[];
  /** The command run (project, check, ...), or '' for none. */
  readonly command: string;
  /** Standard input, when an argument reads it. */
  readonly input: string;
  /** The file `-o` writes to (relative to the run's folder), when the run names one. */
  readonly output: string | null;
  /** Whether that file holds an older version before the run. */
  readonly outputExists: boolean;
}

const pick = <const T extends readonly unknown[]>(...values: T): fc.Arbitrary<T[number]> => fc.constantFrom(...values);

const BUNDLED = readdirSync(join(REPO_ROOT, 'scenarios')).filter((name) => name.endsWith('.yaml')).sort();
const fixtures = (folder: string): string[] =>
  readdirSync(join(REPO_ROOT, 'test', 'fixtures', folder))
    .filter((name) => /\.(ya?ml|json|csv)$/.test(name))
    .map((name) => join(REPO_ROOT, 'test', 'fixtures', folder, name));
const SCENARIO_PATHS = [
  ...BUNDLED.map((name) => join(REPO_ROOT, 'scenarios', name)),
  ...fixtures('errors'),
  ...fixtures('ranges'),
  ...fixtures('check'),
  ...fixtures('figures'),
  join(REPO_ROOT, 'scenarios'),
  join(REPO_ROOT, 'test', 'fixtures', 'check', 'mixed'),
];
const HISTORY_PATHS = fixtures('history');

/** Words that are not what a flag wants: empty, flags themselves, huge, hostile. */
const junk = pick('', ' ', '-', '--', '--x', 'NaN', 'Infinity', '-1', '1e400', '9'.repeat(40), '=HYPERLINK("x")', '../../etc/passwd', '\u202E', 'ü', '$', '%', 'null', '[object Object]', '__proto__');
const word = fc.oneof({ weight: 3, arbitrary: junk }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: fc.string({ unit: binaryUnit, maxLength: 8 }) });
const or = <T extends string>(valid: fc.Arbitrary<T>, weight = 6): fc.Arbitrary<string> => fc.oneof({ weight, arbitrary: valid }, { weight: 1, arbitrary: word });

const amount = or(fc.oneof(pick('2T', '238.5B', '$2T', '100B', '91,332 BTC', '0', '1e36', '1e-12', '1'), amountText));
const rate = or(fc.oneof(pick('5%', '26.4%', '-74%', '0%', '-100%', '100%', '0.05', '5% to 10%', '-20% to 30%', '{uniform: [1%, 2%]}'), rateText));
const utilization = or(pick('5%', '0%', '100%', '0.46%', '5% to 10%', '1%', '120%', '-1%'));
const years = or(fc.oneof(fc.integer({ min: 0, max: 12 }).map(String), pick('200', '201', '2.5', '0.001', '1000', '1001', '-1')));
const start = or(pick('2026', '1', '9999', '0', '10000', '2025.5'));
const step = or(pick('year', 'quarter', 'month', 'week'));
const unit = or(pick('USD', 'BTC', 'usd', 'EUR'));
const digits = or(pick('1', '6', '40', '0', '41', '3.5'));
const samples = or(pick('1', '2', '100', '500', '0', '10000001', '1,000', '1_0', '-5'));
const seed = or(pick('0', '1', '7', '4294967295', '4294967296', '-1'));
const format = (formats: readonly string[]) => or(pick(...formats));

const scenarioPath = or(fc.oneof({ weight: 6, arbitrary: pick(...SCENARIO_PATHS) }, { weight: 1, arbitrary: pick('-', 'missing.yaml', '.', 'out', '/dev/null') }));

function flags(entries: readonly (readonly [string, fc.Arbitrary<string>])[]): fc.Arbitrary<string[]> {
  return fc.subarray([...entries], { maxLength: Math.min(6, entries.length) }).chain((chosen) =>
    chosen.length === 0 ? fc.constant([]) : fc.tuple(...chosen.map(([flag, value]) => value.map((v) => [flag, v] as const))).map((pairs) => pairs.flat()),
  );
}

const FIELD_FLAGS = [
  ['--tvl', amount],
  ['--market-cap', amount],
  ['--utilization', utilization],
  ['--growth', rate],
  ['--years', years],
  ['--start', start],
  ['--step', step],
  ['--unit', unit],
] as const;

const axisValues = {
  market_cap: pick('1T..3T:1T', '1T,2T,5T', '$1T..$2T:$1T', '0..0:1', '1 BTC..3 BTC:1 BTC'),
  tvl: pick('100B..300B:100B', '1B,2B', '0,1'),
  utilization: pick('1%..5%:1%', '5%,7.5%,10%', '0%..100%:25%', '-1%..5%:1%', '1%..2%:0%'),
  growth: pick('0%..30%:10%', '-100%,0%,100%', '10%', '5%..1%:1%', '0%..1%:0.001%'),
  years: pick('1..5', '0..3', '0,200', '1..201', '5..1'),
};
const axis = or(
  fc.tuple(pick('market_cap', 'tvl', 'utilization', 'growth', 'years'), fc.boolean()).chain(([field, alias]) =>
    axisValues[field].map((values) => `${alias ? field.replace('_', '-') : field}=${values}`),
  ),
);
const output = pick('out.csv', 'missing-folder/out.csv', 'out', '');

const COMMANDS: fc.Arbitrary<{ args: string[]; output: string | null }>[] = [
  // project
  fc
    .tuple(
      fc.array(scenarioPath, { maxLength: 2 }),
      flags([['--format', format(['table', 'csv', 'json'])], ['--digits', digits], ['--samples', samples], ['--seed', seed], ['-s', or(pick(...BUNDLED.map((n) => n.replace('.yaml', ''))))], ['-c', or(pick('rounded', 'exact', 'a'))], ['--target', amount], ['--chart', fc.constant('--no-chart')]]),
      flags(FIELD_FLAGS),
      fc.option(output, { nil: null }),
    )
    .map(([paths, options, fields, out]) => ({ args: ['project', ...paths, ...options, ...fields, ...(out === null ? [] : ['-o', out])], output: out })),
  // grid
  fc
    .tuple(fc.option(or(pick('defi-2031', 'btcfi-100b', 'btcfi-2025', 'defi-203', ...SCENARIO_PATHS.slice(0, 3), '-')), { nil: null }), axis, axis, flags([['--format', format(['table', 'csv', 'json'])], ['--layout', or(pick('matrix', 'long'))], ['--digits', digits], ['--at', or(pick('2031', '2026', '+1', '+0', '2026-Q3', '1999'))], ['-c', or(pick('rounded', 'exact'))]]), flags(FIELD_FLAGS), fc.option(output, { nil: null }), fc.boolean())
    .map(([scenario, x, y, options, fields, out, both]) => ({
      args: ['grid', ...(scenario === null ? [] : [scenario]), '--x', x, ...(both ? ['--y', y] : []), ...options, ...fields, ...(out === null ? [] : ['-o', out])],
      output: out,
    })),
  // solve
  fc
    .tuple(
      or(pick('growth', 'years', 'end', 'start', 'utilization')),
      flags([['--from', amount], ['--to', amount], ['--growth', rate], ['--years', years], ['--start', start], ['--market-cap', amount], ['--tvl', amount], ['--format', format(['text', 'json'])]]),
      fc.option(fc.tuple(or(pick(...HISTORY_PATHS, '-', 'missing.csv')), flags([['--date-column', or(pick('date', 'year', 'Date'))], ['--value-column', or(pick('value', 'tvl_usd', 'tvl'))]])), { nil: null }),
    )
    .map(([what, options, history]) => ({ args: ['solve', what, ...options, ...(history === null ? [] : ['--history', history[0], ...history[1]])], output: null })),
  // check and validate
  fc
    .tuple(pick('check', 'validate'), fc.array(scenarioPath, { maxLength: 2 }), flags([['--format', format(['text', 'json', 'junit'])]]), fc.option(output, { nil: null }))
    .map(([command, paths, options, out]) => ({ args: [command, ...paths, ...options, ...(command === 'check' && out !== null ? ['-o', out] : [])], output: command === 'check' ? out : null })),
  // list, init, schema, help, version, nothing known
  fc.tuple(fc.array(scenarioPath, { maxLength: 1 }), flags([['--format', format(['table', 'json'])]])).map(([paths, options]) => ({ args: ['list', ...paths, ...options], output: null })),
  or(pick('my-claim', 'demo', 'scenario.yaml', 'Bad Name', '../escape')).map((name) => ({ args: ['init', name], output: null })),
  fc.constantFrom<string[]>(['completion', 'bash'], ['completion', 'zsh'], ['completion', 'fish'], ['completion', 'powershell'], ['completion']).map((args) => ({ args, output: null })),
  fc.constantFrom<string[]>(['schema'], ['help'], ['--help'], ['-V'], ['--version'], ['help', 'project'], ['project', '--help'], ['solve'], ['nonsense'], ['projetc'], [], ['--no-color', 'list'], ['--color', 'schema']).map((args) => ({ args, output: null })),
];

const extra = fc.array(fc.oneof(pick('--', '-', '--color', '--no-color', '--unknown', '-h', '-q', '--samples'), word), { maxLength: 2 });

const stdin = fc.oneof(
  scenarioFile.map(({ text }) => text),
  pick('date,value\n2020,1\n2021,2\n', 'year,tvl_usd\n2020,700000000\n2021,20000000000\n2022,5\n', 'name: from-stdin\ntvl: 1B\ngrowth: 5%\nyears: 3\n', ''),
);

/** Options of the program itself, before the command. */
const globals = flags([['-q', fc.constant('--quiet')], ['--locale', or(pick('en-US', 'zh-CN', 'xx-YY'))], ['--no-color', fc.constant('--color')]]);

/** A command line of btcfi with its standard input and the file it may write. */
export const argvCase: fc.Arbitrary<ArgvCase> = fc
  .tuple(fc.oneof(...COMMANDS), extra, fc.integer({ min: 0, max: 3 }), stdin, fc.boolean(), globals)
  .map(([command, more, at, input, outputExists, before]) => {
    const args = [...before, ...command.args];
    args.splice(Math.min(at, args.length), 0, ...more);
    // An argument cannot hold a NUL byte: the operating system ends it there.
    return { args: args.map((arg) => arg.replaceAll('\0', '')), command: command.args[0] ?? '', input, output: command.output, outputExists };
  });
