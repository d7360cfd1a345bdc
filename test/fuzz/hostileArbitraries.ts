// Hostile text for the bounded-work campaign: control characters, long runs of spaces, huge and
// tiny exponents, figures with too many digits, deep aliases, many and long keys, CR-only line
// ends, tags, second documents and trailing JSON. `scale` sets how long the long runs get: small
// in `npm test`, up to the 1 MiB file limit in `npm run fuzz`.
import fc from 'fast-check';
import { aliasBomb } from './scenarioArbitraries.js';

/** One hostile case: the argument vector of a run, the files it reads (name to text), and its standard input. */
export interface HostileCase {
  readonly args: readonly string[];
  readonly files: Readonly<Record<string, string>>;
  readonly input: string;
}

const CONTROLS = ['\u001b]0;PWNED\u0007', '\u001b[2J', '\u0000', '\r', '\u202e', '\u0085', '\u007f', '\u2028', '\ufeff', '\t'];

/** A figure's text as a hostile user writes it. */
function hostileFigure(scale: number): fc.Arbitrary<string> {
  const length = fc.integer({ min: 1, max: scale });
  return fc.oneof(
    length.map((n) => `1${' '.repeat(n)}1`),
    length.map((n) => `$${' '.repeat(n)}1${' '.repeat(n)}x`),
    length.map((n) => `5%${' '.repeat(n)}to${' '.repeat(n)}`),
    length.map((n) => `1${' '.repeat(n)}to${' '.repeat(n)}2${' '.repeat(n)}to 3`),
    length.map((n) => `${'1'.repeat(Math.min(n, 1_000))}%`),
    length.map((n) => `1.${'0'.repeat(Math.min(n, 1_000))}1`),
    length.map((n) => `${'9,999'.repeat(Math.min(n, 200))}`),
    fc.integer({ min: 0, max: 9_999_999 }).map((e) => `1e-${e}`),
    fc.integer({ min: 0, max: 9_999_999 }).map((e) => `1e${e}`),
    fc.integer({ min: 0, max: 9_999_999 }).map((e) => `1e-${e}%`),
    fc.integer({ min: 0, max: 9_999_999 }).map((e) => `-1e${e}%`),
    fc.constantFrom('-0', '-0%', '+0', '0e-99999', '1e999999', '-100.0000000000000000000000000000000000000001%', '-99.9999999999999999999%', '100000%', '1e36', '1e-30'),
    fc.tuple(fc.constantFrom(...CONTROLS), fc.constantFrom('5%', '2T', '1B')).map(([c, f]) => `${f}${c}`),
  );
}

/** A hostile scenario file: its name (.yaml or .json) and its text. */
function hostileScenario(scale: number): fc.Arbitrary<readonly [string, string]> {
  const figure = hostileFigure(scale);
  const yaml = (text: string): readonly [string, string] => ['s.yaml', text];
  return fc.oneof(
    fc.tuple(fc.constantFrom('tvl', 'market_cap', 'growth', 'utilization', 'target'), figure).map(([field, value]) =>
      yaml(`name: h\n${field === 'utilization' ? 'market_cap: 2T\n' : field === 'tvl' ? '' : 'tvl: 1B\n'}${field}: ${JSON.stringify(value)}\nyears: 200\nstep: month\n`),
    ),
    fc.tuple(figure, figure).map(([a, b]) => yaml(`name: h\ntvl: 1B\ncases:\n  a: {growth: ${JSON.stringify(a)}}\n  b: {tvl: ${JSON.stringify(b)}}\nyears: 20\n`)),
    fc.integer({ min: 1, max: Math.max(2, Math.floor(scale / 10)) }).map((n) => yaml(`name: h\ntvl: 1B\n${Array.from({ length: n }, (_, i) => `k${'x'.repeat(20)}${i}: 1`).join('\n')}\n`)),
    fc.integer({ min: 1, max: scale }).map((n) => yaml(`name: h\ntvl: 1B\n${'k'.repeat(Math.min(n, 1_000))}: 1\n`)),
    fc.integer({ min: 1, max: 9 }).map((levels) => yaml(`name: h\ntvl: 1B\n${aliasBomb(levels, 9)}`)),
    fc.constantFrom(
      yaml('name: h\n&k tvl: 1B\n*k : 999B\n'),
      yaml('name: h\ntvl: 1B\n---\nname: b\n'),
      yaml('name: h\rtvl: 1B\rgrowth: 5%\r'),
      yaml('name: h\ntvl: !!binary aGVsbG8=\n'),
      yaml('name: h\ntvl: !!timestamp 2001-12-14\n'),
      yaml('name: h\ntvl: -0\ngrowth: -0\nyears: -0\n'),
      yaml('name: h\ntvl: 1e-30\ngrowth: -99.9%\nyears: 200\nstep: month\n'),
      yaml('name: h\ntvl: 1e36\ngrowth: 100000%\nyears: 200\nstep: month\n'),
      ['s.json', '{"name": "h", "tvl": "1B"}\n\n  {"x": 1}'] as const,
      ['s.json', '{"name": "h", "tvl": 1e999999}'] as const,
    ),
    fc.tuple(fc.constantFrom(...CONTROLS), fc.integer({ min: 1, max: scale })).map(([c, n]) => yaml(`name: h\ntitle: "${c.repeat(Math.min(n, 1_000))}"\ntvl: 1B\nyears: 1\n`)),
  );
}

/** A hostile history CSV. */
function hostileHistory(scale: number): fc.Arbitrary<string> {
  return fc.oneof(
    hostileFigure(scale).map((cell) => `date,value\n2020,${JSON.stringify(cell)}\n2021,2\n`),
    fc.integer({ min: 1, max: scale }).map((n) => `date,value\n2020,1${' '.repeat(n)}1\n2021,2\n`),
    fc.integer({ min: 1, max: scale }).map((n) => `date${' '.repeat(n)}x,value\n2020,1\n2021,2\n`),
    fc.constantFrom('date,value\r2020,1\r2021,2\r', 'date,value\n2020,1e-9999\n2021,1e999999\n'),
  );
}

/** Every command on hostile text: scenario files, flags, axes and histories. */
export function hostileCase(scale: number): fc.Arbitrary<HostileCase> {
  const figure = hostileFigure(scale);
  const onFile = fc.tuple(
    hostileScenario(scale),
    fc.constantFrom<readonly string[]>(
      ['project'], ['project', '-f', 'csv'], ['project', '-f', 'json'], ['check'], ['check', '-f', 'json'], ['validate'], ['list'],
      ['grid', '--x', 'growth=0%..10%:5%', '--y', 'years=1..3'],
    ),
  ).map(([[name, text], command]): HostileCase => ({ args: [...command.slice(0, 1), name, ...command.slice(1)], files: { [name]: text }, input: '' }));
  const onFlag = fc.tuple(figure, fc.constantFrom('tvl', 'market-cap', 'growth', 'utilization', 'target')).map(([value, flag]): HostileCase => ({
    args: ['project', ...(flag === 'tvl' ? [] : ['--market-cap', '2T']), `--${flag}`, value, '--years', '200', '--step', 'month', '-f', 'csv'],
    files: {},
    input: '',
  }));
  const onSolve = fc.tuple(figure, fc.constantFrom('from', 'to', 'growth', 'years')).map(([value, flag]): HostileCase => {
    const given: Record<string, string> = { from: '1B', to: '2B', years: '5', [flag]: value };
    const target = flag === 'growth' ? 'end' : 'growth';
    const args = ['solve', target, ...Object.entries(given).filter(([key]) => !(target === 'growth' && key === 'growth') && !(target === 'end' && key === 'to')).flatMap(([key, v]) => [`--${key}`, v])];
    return { args, files: {}, input: '' };
  });
  const onAxis = fc.tuple(figure, fc.constantFrom('market_cap', 'utilization', 'growth', 'tvl')).map(([value, field]): HostileCase => ({
    args: ['grid', '--market-cap', '2T', '--utilization', '5%', '--x', `${field}=${value}`, '--y', 'growth=0%,5%', '--years', '5'],
    files: {},
    input: '',
  }));
  const onHistory = hostileHistory(scale).map((text): HostileCase => ({ args: ['solve', 'growth', '--history', '-'], files: {}, input: text }));
  const onSelect = fc.integer({ min: 1, max: scale }).map((n): HostileCase => ({
    args: ['project', 'defi-2031', ...Array.from({ length: n }, () => ['-s', 'defi-2031', '-c', 'rounded']).flat(), '-f', 'csv'],
    files: {},
    input: '',
  }));
  return fc.oneof(onFile, onFile, onFlag, onSolve, onAxis, onHistory, onSelect);
}
