// Generated scenario files: valid scenarios in every syntax the format allows, and the same
// files corrupted in the ways real files and hostile ones are (random bytes, truncation, deep
// nesting, huge and tiny numbers, mangled amounts and rates, Unicode, BOM, CRLF, tabs,
// `__proto__` and `constructor` keys, anchors and aliases).
import fc from 'fast-check';
import { stringify } from 'yaml';
import { binaryUnit } from './binaryUnit.js';

/** A file to feed the pipeline: its name decides JSON or YAML, as on the command line. */
export interface ScenarioFile {
  readonly file: string;
  readonly text: string;
}

const pick = <const T extends readonly unknown[]>(...values: T): fc.Arbitrary<T[number]> => fc.constantFrom(...values);

// ---- figures ----

const digits = fc.integer({ min: 0, max: 999_999 }).map(String);
const fraction = fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 9999 }).map((n) => `.${n}`));
const grouped = fc.integer({ min: 1000, max: 999_999_999 }).map((n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ','));

/** Amounts that parse: every form the README lists, and the edges of the range. */
export const amountText: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(digits, fraction).map(([a, b]) => `${a}${b}`),
  fc.tuple(digits, fraction, pick('K', 'M', 'B', 'T', 'k', 'm', 'b', 't')).map(([a, b, s]) => `${a}${b}${s}`),
  fc.tuple(digits, fraction, pick('B', 'T', 'M', '')).map(([a, b, s]) => `$${a}${b}${s}`),
  fc.tuple(digits, pick(' USD', ' BTC', 'BTC', ' usd')).map(([a, u]) => `${a}${u}`),
  grouped,
  grouped.map((g) => `${g} BTC`),
  fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: -12, max: 30 }), pick('e', 'E')).map(([m, e, s]) => `${m}${s}${e}`),
  pick('0', '1e36', '1e-12', '0.000000000001', '1e30', '999999999999999999999999999999999999', '12345678901234567891.25', '1e-300', '.5', '$0', '2T', '238.5B', '91,332 BTC'),
);

/** Rates that parse: percentages, fractions, exponents and the edges (-100%, 0, 100000%). */
export const rateText: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(pick('', '-', '+'), fc.integer({ min: 0, max: 150 }), fraction).map(([s, a, b]) => `${s}${a}${b}%`),
  fc.integer({ min: 0, max: 99 }).map((n) => `0.${String(n).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -12, max: 2 })).map(([m, e]) => `${m}e${e}%`),
  pick('-100%', '0%', '100%', '1e-12%', '-99.99%', '100000%', '0.05', '-0.74', '26.4352362115582970682110848325273084277%', '1', '-1', '0'),
);

/** Figures in the usual ranges, as numbers to order and as text: most files a user writes are valid. */
interface Usual {
  readonly low: number;
  readonly high: number;
  readonly write: (n: number) => string;
}
const USUAL_AMOUNT: Usual = { low: 0, high: 5000, write: (n) => `${n}B` };
const USUAL_GROWTH: Usual = { low: -50, high: 80, write: (n) => `${n}%` };
const USUAL_UTILIZATION: Usual = { low: 0, high: 100, write: (n) => `${n}%` };

/** An exact figure: usually an ordinary one, sometimes any form the syntax allows (or refuses). */
function exact(usual: Usual, wild: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: usual.low * 100, max: usual.high * 100 }).map((n) => usual.write(n / 100)) },
    { weight: 1, arbitrary: wild },
  );
}

/** A figure field that may be uncertain: exact, a 90% range, or a written-out distribution. */
function uncertain(usual: Usual, wild: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const ordered = (count: number) =>
    fc.array(fc.integer({ min: Math.max(usual.low, 0.01) * 100, max: usual.high * 100 }), { minLength: count, maxLength: count }).map((ns) => ns.sort((a, b) => a - b).map((n) => usual.write(n / 100)));
  const figure = exact(usual, wild);
  return fc.oneof(
    { weight: 12, arbitrary: figure },
    { weight: 2, arbitrary: ordered(2).map(([a, b]) => `${a} to ${b}`) },
    { weight: 1, arbitrary: fc.tuple(figure, figure).map(([a, b]) => `${a} to ${b}`) },
    { weight: 1, arbitrary: ordered(2).map(([mean, sd]) => ({ normal: { mean, sd } })) },
    { weight: 1, arbitrary: ordered(2).map(([p5, p95]) => ({ lognormal: { p5, p95 } })) },
    { weight: 1, arbitrary: ordered(2).map((pair) => ({ uniform: pair })) },
    { weight: 1, arbitrary: ordered(3).map((triple) => ({ triangular: triple })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(figure, figure, figure, fc.integer({ min: 0, max: 3 }))
        .map(([a, b, c, kind]) => [{ normal: { mean: a, sd: b } }, { lognormal: { p5: a, p95: b } }, { uniform: [a, b] }, { triangular: [a, b, c] }][kind]),
    },
  );
}
const amountField = uncertain(USUAL_AMOUNT, amountText);
const growthField = uncertain(USUAL_GROWTH, rateText);
const utilizationField = uncertain(USUAL_UTILIZATION, rateText);

// ---- scenarios ----

const name = fc.oneof(
  { weight: 20, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/) },
  { weight: 1, arbitrary: pick('Bad Name', '=HYPERLINK("http://x")', '-2+3', '', '__proto__', 'inline', 'défi', '1') },
);

/** Free text, as titles and notes hold it: anything at all, including what spreadsheets run. */
export const freeText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: binaryUnit, maxLength: 20 }),
  pick('=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '\t=1+1', '\r=1+1', '＝1+1', '＋1', '－1', '＠SUM(1)', 'NaN', 'Infinity', '1e308', '</failure><x>&amp;', ']]>', '\u202Egnp.exe', 'ß≈∂ƒ©😀'),
);

const years = fc.oneof({ weight: 60, arbitrary: fc.integer({ min: 0, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 13, max: 200 }) });

/** Phases whose years add up to `total`, or (sometimes) do not. */
function phases(total: number): fc.Arbitrary<unknown> {
  if (total === 0) {
    return fc.constant([{ years: 1, rate: '5%' }]);
  }
  return fc
    .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 })
    .chain((cuts) => {
      const lengths: number[] = [];
      let left = total;
      for (const cut of cuts) {
        if (left <= cut) break;
        lengths.push(cut);
        left -= cut;
      }
      lengths.push(left);
      return fc.tuple(...lengths.map((length) => growthField.map((rate) => ({ years: length, rate }))));
    });
}

interface Model {
  [key: string]: unknown;
}

/** The model fields of a scenario or a case; `horizon` is the years the growth phases must add up to. */
function model(horizon: number, forCase: boolean): fc.Arbitrary<Model> {
  const base = fc.oneof(
    amountField.map((tvl) => ({ tvl })),
    fc.tuple(amountField, fc.oneof({ weight: 3, arbitrary: utilizationField }, { weight: 1, arbitrary: fc.record({ from: utilizationField, to: utilizationField }) })).map(([market_cap, utilization]) => ({ market_cap, utilization })),
  );
  return fc.record(
    {
      base: forCase ? fc.option(base, { nil: undefined }) : base,
      growth: fc.option(fc.oneof({ weight: 3, arbitrary: growthField }, { weight: 1, arbitrary: phases(horizon) }), { nil: undefined }),
      step: fc.option(fc.oneof({ weight: 12, arbitrary: pick('year', 'quarter', 'month') }, { weight: 1, arbitrary: pick('week', 'Year') }), { nil: undefined }),
      resample: fc.option(pick('path', 'yearly'), { nil: undefined }),
      target: fc.option(exact(USUAL_AMOUNT, amountText), { nil: undefined }),
      start: fc.option(fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 1900, max: 2100 }) }, { weight: 1, arbitrary: pick(1, 9999, 9800, 0, '2026') }), { nil: undefined }),
    },
    { requiredKeys: ['base'] },
  ).map(({ base: fields, ...rest }) => {
    const out: Model = { ...(fields ?? {}) };
    for (const [key, value] of Object.entries(rest)) {
      if (value !== undefined) out[key] = value;
    }
    return out;
  });
}

const expectation = fc
  .record({
    case: fc.option(pick('a', 'b', 'rounded', '__proto__'), { nil: undefined }),
    period: pick('2026', '2027', '2031', '+0', '+1', '+2-Q3', '2026-07', '+5'),
    field: pick('tvl', 'market_cap', 'utilization'),
    amount: exact(USUAL_AMOUNT, amountText),
    rate: exact(USUAL_UTILIZATION, rateText),
    bounds: pick('at_least', 'at_most', null),
    tolerance: fc.option(fc.oneof(exact(USUAL_UTILIZATION, rateText).map((within) => ({ within })), exact(USUAL_AMOUNT, amountText).map((abs) => ({ abs }))), { nil: undefined }),
  })
  .map(({ field, amount, rate, bounds, tolerance, ...rest }) => {
    const figure = field === 'utilization' ? rate : amount;
    const out: Model = { ...rest, [field]: bounds === null ? figure : { [bounds]: figure }, ...(bounds === null ? (tolerance ?? {}) : {}) };
    if (out['case'] === undefined) delete out['case'];
    return out;
  });

/** A scenario as data: mostly valid, sometimes not, never corrupted at the text level yet. */
export const scenarioData: fc.Arbitrary<Model> = years.chain((horizon) =>
  fc
    .record({
      name,
      title: fc.option(freeText, { nil: undefined }),
      source: fc.option(freeText, { nil: undefined }),
      notes: fc.option(freeText, { nil: undefined }),
      unit: fc.option(fc.oneof({ weight: 12, arbitrary: pick('USD', 'BTC') }, { weight: 1, arbitrary: pick('EUR', 'usd') }), { nil: undefined }),
      model: model(horizon, false),
      cases: fc.option(fc.dictionary(fc.oneof({ weight: 12, arbitrary: pick('a', 'b', 'rounded', 'exact', 'bull', '1.5%', 'NaN', '1e5') }, { weight: 1, arbitrary: pick('constructor', 'Bad Case', 'toString') }), model(horizon, true), { maxKeys: 3 }), { nil: undefined }),
      expect: fc.option(fc.array(expectation, { maxLength: 3 }), { nil: undefined }),
    })
    .map(({ model: fields, ...rest }) => {
      const out: Model = { years: horizon };
      for (const [key, value] of Object.entries(rest)) {
        if (value !== undefined) out[key] = value;
      }
      return { ...out, ...fields };
    }),
);

// ---- serialising ----

const yamlText = (data: Model): fc.Arbitrary<string> =>
  fc
    .record({
      collectionStyle: pick('any', 'block', 'flow'),
      defaultStringType: pick('PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL'),
      indent: fc.integer({ min: 1, max: 6 }),
      comment: fc.boolean(),
    })
    .map(({ comment, ...options }) => `${comment ? '# yaml-language-server: $schema=../schema/scenario.schema.json\n' : ''}${stringify(data, options)}`);

const jsonText = (data: Model): fc.Arbitrary<string> => pick(0, 2, '\t').map((indent) => `${JSON.stringify(data, null, indent)}\n`);

const serialised: fc.Arbitrary<ScenarioFile> = scenarioData.chain((data) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.tuple(yamlText(data), pick('s.yaml', 'claim.yml', 'ünï cödé.yaml', '=HYPERLINK("x").yaml')).map(([text, file]) => ({ file, text })) },
    { weight: 1, arbitrary: jsonText(data).map((text) => ({ file: 'claim.json', text })) },
    { weight: 1, arbitrary: jsonText(data).map((text) => ({ file: 'json-as.yaml', text })) },
  ),
);

// ---- corruptions ----

/** Snippets that stress a YAML parser or the code after it. */
const HOSTILE_SNIPPETS = [
  '\0', '\uFEFF', '\u202E', '\u200B', '\u00A0', '\uD800', '\uDFFF', '\t', '\r', '\r\n', '\n', '#', ':', ': ', '- ', '{', '}', '[', ']', ',', '&a ', '*a', '*missing',
  '!!binary ', '!!js/function ', '!!set ', '!!omap ', '!!float ', '!foo ', '<<: *a\n', '%YAML 1.1\n---\n', '---\n', '...\n', '"', "'", '|', '>', '@', '`', '?', '%', '\\',
  '.inf', '-.inf', '.nan', '0x1F', '0o17', '1_000', '~', 'null', 'yes', '2026-01-01', '1e9999', '9'.repeat(400), `0.${'0'.repeat(400)}1`,
];

/** Values in every wrong shape an amount or a rate can take. */
const MANGLED_VALUES = [
  '--5%', '5%%', '5e', '$-5', '5 BTC USD', '1,00,000', '.', '%', 'NaN', 'Infinity', '-Infinity', '-0', '+5%', ' 5 %', '5‰', '５%', '２T', '٣%', '5％', '＄2T', '−5%', '5٫5%',
  '1e36', '1e37', '1e-9999', '1e9999', '1e-999%', '-1e999%', '0.0', '1.', '1..2', '1 to', 'to 2', '5% to', '5% to 10% to 20%', '{}', '[]', '{normal: {}}', '{lognormal: {p5: 0, p95: 1}}',
  '{uniform: [2, 1]}', '{triangular: [1, 0, 2]}', '{normal: {mean: 5%, sd: -1%}}', '{normal: 1, uniform: [1, 2]}', '1e-400 to 1', '1T to 1e36', '0% to 100000%', '-100% to 5%',
  '-99.999999999999999999999999999999999999999999% to 1%', '~', 'null', 'true', '!!binary aGVsbG8=', '*a', '&a 5%', '"5%"', "'2T'", '[1, 2]', '2T\n  - x',
];

const KEY_LINES = [
  '__proto__: {tvl: 1}', '__proto__: 1', 'constructor: {}', 'prototype: 1', 'toString: x', 'hasOwnProperty: 1', 'valueOf: 2', 'cases: {__proto__: {tvl: 1}}',
  'cases: {constructor: {tvl: 1B}}', 'cases: {toString: {growth: 5%}}', '<<: {tvl: 1}', '? [a, b]\n: c', '? {a: 1}\n: b', 'utilisation: 5%', 'Tvl: 1B', 'tvl: 2B', 'name: other',
  'expect: [{period: 2026, tvl: 1, case: __proto__}]', 'expect: {}', 'cases: []', 'cases: {a: null}', 'growth: []', 'growth: [{years: 0, rate: 5%}]', 'years: 201', 'years: -1',
  'years: 1e2', 'years: 2.5', 'start: 9999', 'start: 0', 'step: month\nyears: 200', 'target: -5', 'resample: never',
];

/** An alias bomb of `levels` levels, each alias list `width` long: width^levels values once expanded. */
export function aliasBomb(levels: number, width: number): string {
  const lines = [`l0: &l0 [${Array.from({ length: width }, () => '"x"').join(', ')}]`];
  for (let level = 1; level < levels; level += 1) {
    lines.push(`l${level}: &l${level} [${Array.from({ length: width }, () => `*l${level - 1}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

const ALIAS_SNIPPETS = [
  'anchor: &b {tvl: 1B}\ncases: {a: *b, b: *b}\n',
  'x: &a [*a]\n',
  'base: &m 2T\nmarket_cap: *m\n',
  'cases:\n  a: &c {growth: 5%}\n  b: *c\n',
  '*k : 1\n',
  aliasBomb(6, 9),
  aliasBomb(3, 30),
];

type Corruption = (text: string) => fc.Arbitrary<string>;

const at = (text: string): fc.Arbitrary<number> => fc.integer({ min: 0, max: text.length });

const corruptions: Corruption[] = [
  // random characters, anywhere
  (text) => fc.tuple(at(text), fc.string({ unit: binaryUnit, minLength: 1, maxLength: 8 })).map(([i, s]) => text.slice(0, i) + s + text.slice(i)),
  (text) => fc.tuple(at(text), pick(...HOSTILE_SNIPPETS)).map(([i, s]) => text.slice(0, i) + s + text.slice(i)),
  (text) => fc.tuple(at(text), fc.integer({ min: 1, max: 20 })).map(([i, n]) => text.slice(0, i) + text.slice(i + n)),
  (text) => at(text).map((i) => text.slice(0, i)),
  // a value replaced by a mangled one
  (text) => {
    const values = [...text.matchAll(/: ([^\n{}[\],]+)/g)];
    if (values.length === 0) return fc.constant(text);
    return fc.tuple(fc.integer({ min: 0, max: values.length - 1 }), pick(...MANGLED_VALUES)).map(([k, value]) => {
      const match = values[k]!;
      const start = match.index! + 2;
      return text.slice(0, start) + value + text.slice(start + match[1]!.length);
    });
  },
  // keys that probe prototypes, merge keys and complex keys
  (text) => fc.tuple(pick(...KEY_LINES), fc.boolean()).map(([line, first]) => (first ? `${line}\n${text}` : `${text.replace(/\n?$/, '\n')}${line}\n`)),
  // deep nesting, as a value of its own key or in place of the whole file
  (text) => fc.tuple(fc.integer({ min: 1, max: 120 }), pick('[', '{a: ', '- '), fc.boolean()).map(([depth, open, whole]) => {
    const close = open === '[' ? ']' : open === '{a: ' ? '}' : '';
    const nested = `${open.repeat(depth)}1${close.repeat(depth)}`;
    return whole ? nested : `${text.replace(/\n?$/, '\n')}deep: ${nested}\n`;
  }),
  (text) => fc.integer({ min: 1, max: 80 }).map((depth) => `${text.replace(/\n?$/, '\n')}deep:\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1\n`),
  // anchors, aliases and alias bombs
  (text) => pick(...ALIAS_SNIPPETS).map((snippet) => `${text.replace(/\n?$/, '\n')}${snippet}`),
  // line ends, tabs and byte order marks
  (text) => pick('\r\n', '\r', '\n\n', '\t\n', ' \n').map((end) => text.replace(/\n/g, end)),
  (text) => fc.constant(text.replace(/^( +)/gm, (spaces) => '\t'.repeat(spaces.length))),
  (text) => pick('\uFEFF', '\uFEFF\uFEFF', '\u200B', '\n\n', '---\n', '%YAML 1.2\n---\n').map((prefix) => prefix + text),
  // numbers huge and tiny, and digits that only look like digits
  (text) => pick('9'.repeat(60), '1e36', '1e-300', `0.${'0'.repeat(60)}1`, '0').map((n) => text.replace(/\b\d+(\.\d+)?\b/, n)),
  (text) =>
    fc.constantFrom<[RegExp, string]>([/[0-9]/g, '５'], [/%/g, '％'], [/\$/g, '＄'], [/-/g, '−'], [/\./g, '٫'], [/ /g, '\u00A0']).map(([pattern, replacement]) => text.replace(pattern, replacement)),
];

const corrupted: fc.Arbitrary<ScenarioFile> = fc
  .tuple(serialised, fc.array(fc.integer({ min: 0, max: corruptions.length - 1 }), { minLength: 1, maxLength: 3 }))
  .chain(([file, kinds]) =>
    kinds.reduce<fc.Arbitrary<string>>((text, kind) => text.chain((t) => corruptions[kind]!(t)), fc.constant(file.text)).map((text) => ({ file: file.file, text })),
  );

/** Text that is not a scenario at all: random characters, random bytes read as UTF-8. */
const garbage: fc.Arbitrary<ScenarioFile> = fc.oneof(
  fc.string({ unit: binaryUnit, maxLength: 200 }).map((text) => ({ file: 'garbage.yaml', text })),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ file: 'bytes.yaml', text: Buffer.from(bytes).toString('utf8') })),
  fc.string({ unit: binaryUnit, maxLength: 200 }).map((text) => ({ file: 'garbage.json', text })),
);

/** Every kind of file the campaign checks, weighted towards the valid and the nearly valid. */
export const scenarioFile: fc.Arbitrary<ScenarioFile> = fc.oneof(
  { weight: 4, arbitrary: serialised },
  { weight: 5, arbitrary: corrupted },
  { weight: 1, arbitrary: garbage },
);
