import { describe, expect, it } from 'vitest';
import type { InputIssue } from '../../src/core/inputIssue.js';
import { parseScenario, type ParsedScenario } from '../../src/scenario/parseScenario.js';

// ---- helpers ----

/** A file's text from its lines, so that line numbers can be read off the fixture. */
const lines = (...text: string[]): string => `${text.join('\n')}\n`;

function parsed(text: string, file = 'scenario.yaml'): ParsedScenario {
  const result = parseScenario(text, file);
  if (!result.ok) {
    throw new Error(`expected ${file} to parse, got:\n${result.error.map((i) => i.message).join('\n')}`);
  }
  return result.value;
}

function issues(text: string, file = 'scenario.yaml'): InputIssue[] {
  const result = parseScenario(text, file);
  if (result.ok) {
    throw new Error(`expected issues in ${file}, but it parsed`);
  }
  return result.error;
}

/** The one issue of a text. */
function issue(text: string, file = 'scenario.yaml'): InputIssue {
  const found = issues(text, file);
  expect(found.map((i) => i.message)).toHaveLength(1);
  return found[0]!;
}

/** Where an issue points, as `line:column`. */
const at = (found: InputIssue): string => (found.span === null ? 'nowhere' : `${found.span.line}:${found.span.column}`);

/** Decimals as their exact text (Decimal's toJSON), objects without prototypes as plain ones. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

// ---- fixtures ----

const YAML_FIXTURE = lines(
  'name: defi-2031',
  'title: DeFi market 2026 to 2031',
  'unit: USD',
  'start: 2026',
  'years: 5',
  'step: quarter',
  'market_cap: $2T',
  'utilization: {from: 0.46%, to: 5%}',
  'growth:',
  '  - {years: 2, rate: 50%}',
  '  - {years: 3, rate: 20%}',
  'cases:',
  '  rounded: {growth: 26.4%}',
  '  direct: {tvl: "2,000,000,000,000"}',
);

const JSON_FIXTURE = `{
  "name": "defi-2031",
  "title": "DeFi market 2026 to 2031",
  "unit": "USD",
  "start": 2026,
  "years": 5,
  "step": "quarter",
  "market_cap": "$2T",
  "utilization": {"from": "0.46%", "to": "5%"},
  "growth": [{"years": 2, "rate": "50%"}, {"years": 3, "rate": "20%"}],
  "cases": {
    "rounded": {"growth": "26.4%"},
    "direct": {"tvl": "2,000,000,000,000"}
  }
}
`;

// ---- tests ----

describe('parseScenario', () => {
  it('reads a YAML file and the equivalent JSON file to the same data', () => {
    const fromYaml = parsed(YAML_FIXTURE, 'defi.yaml');
    const fromJson = parsed(JSON_FIXTURE, 'defi.json');
    expect(plain(fromJson.data)).toEqual(plain(fromYaml.data));
    expect([fromYaml.file, fromJson.file]).toEqual(['defi.yaml', 'defi.json']);
  });

  it('reads every field of the fixture to its value', () => {
    expect(plain(parsed(YAML_FIXTURE).data)).toEqual({
      name: 'defi-2031',
      title: 'DeFi market 2026 to 2031',
      unit: 'USD',
      start: 2026,
      years: 5,
      step: 'quarter',
      market_cap: { value: '2000000000000', marker: 'USD', text: '$2T' },
      utilization: { from: { value: '0.0046', text: '0.46%' }, to: { value: '0.05', text: '5%' } },
      growth: [
        { years: 2, rate: { value: '0.5', text: '50%' } },
        { years: 3, rate: { value: '0.2', text: '20%' } },
      ],
      cases: {
        rounded: { growth: { value: '0.264', text: '26.4%' } },
        direct: { tvl: { value: '2000000000000', marker: null, text: '2,000,000,000,000' } },
      },
    });
  });

  it.each([
    { rule: 'a YAML number beyond a double keeps its digits', text: lines('name: a', 'tvl: 12345678901234567891.25'), field: 'tvl', value: '12345678901234567891.25', source: '12345678901234567891.25' },
    { rule: 'a JSON number beyond a double keeps its digits', text: '{"name": "a", "tvl": 12345678901234567891.25}', field: 'tvl', value: '12345678901234567891.25', source: '12345678901234567891.25' },
    { rule: 'an integer above 2^53 keeps its digits', text: lines('name: a', 'tvl: 9007199254740993'), field: 'tvl', value: '9007199254740993', source: '9007199254740993' },
    { rule: 'a trailing zero stays in the source text', text: lines('name: a', 'tvl: 1.10'), field: 'tvl', value: '1.1', source: '1.10' },
    { rule: 'a YAML exponent is read as written', text: lines('name: a', 'tvl: 2e12'), field: 'tvl', value: '2000000000000', source: '2e12' },
    {
      rule: 'a bare YAML fraction keeps 39 digits',
      text: lines('name: a', 'tvl: 1', 'growth: 0.264352362115582970682110848325273084277'),
      field: 'growth',
      value: '0.264352362115582970682110848325273084277',
      source: '0.264352362115582970682110848325273084277',
    },
    { rule: 'a quoted amount is read as its text', text: lines('name: a', 'tvl: "2,000,000,000,000"'), field: 'tvl', value: '2000000000000', source: '2,000,000,000,000' },
  ])('$rule', ({ text, field, value, source }) => {
    const data = parsed(text).data as unknown as Record<string, { value: { toFixed(): string }; text: string }>;
    expect(data[field]!.value.toFixed()).toBe(value);
    expect(data[field]!.text).toBe(source);
  });

  it('reads a file that starts with a byte order mark', () => {
    expect(parsed(`\uFEFF${lines('name: a', 'tvl: 1')}`).data.name).toBe('a');
  });

  it('reads CRLF line ends, and does not put \\r in the line text', () => {
    const found = issue('name: a\r\ntvl: 2X\r\n');
    expect(found.span).toEqual({ line: 2, column: 6, length: 2, lineText: 'tvl: 2X' });
  });
});

describe('parseScenario issues', () => {
  it('reports every issue of a file: 3 problems give 3 issues, each at its line and column', () => {
    const text = lines('name: Bad_Name', 'tvl: 2X', 'years: 1', 'utilisation: 5%');
    const found = issues(text, 'three.yaml');
    expect(found.map((i) => [at(i), i.file])).toEqual([
      ['1:7', 'three.yaml'],
      ['2:6', 'three.yaml'],
      ['4:1', 'three.yaml'],
    ]);
    expect(found[0]!.message).toMatch(/name.*lowercase/);
    expect(found[1]!.message).toMatch(/tvl.*'2X' is not an amount/);
    expect(found[2]!.message).toMatch(/unknown key 'utilisation'/);
  });

  it('points at the value with its length and line text', () => {
    const found = issue(lines('name: a', 'tvl: 2X'));
    expect(found.span).toEqual({ line: 2, column: 6, length: 2, lineText: 'tvl: 2X' });
    expect(found.hint).toMatch(/2T/);
  });

  it('reports issues in the base and in the cases together', () => {
    const text = lines('name: a', 'tvl: 1', 'years: -1', 'cases:', '  bull:', '    growth: 26.4', '  bear: {growth: -200%}');
    const found = issues(text);
    expect(found.map(at)).toEqual(['3:8', '6:13', '7:18']);
    expect(found[0]!.message).toMatch(/years.*whole number/);
    expect(found[1]!.message).toMatch(/cases\.bull\.growth/);
    expect(found[2]!.message).toMatch(/cases\.bear\.growth.*-100%/);
  });

  it("hints 'utilization' for the unknown key 'utilisation', and points at the key", () => {
    const found = issue(lines('name: a', 'market_cap: 2T', 'utilisation: 5%'));
    expect(found.message).toMatch(/unknown key 'utilisation'/);
    expect(found.hint).toMatch(/utilization/);
    expect(found.span).toEqual({ line: 3, column: 1, length: 11, lineText: 'utilisation: 5%' });
  });

  it('hints a misspelt key inside a case', () => {
    const found = issue(lines('name: a', 'tvl: 1', 'cases:', '  bull: {grwth: 5%}'));
    expect(found.message).toMatch(/unknown key 'grwth' in cases\.bull/);
    expect(found.hint).toMatch(/'growth'/);
    expect(at(found)).toBe('4:10');
  });

  it('lists the keys when an unknown key is near none of them', () => {
    const found = issue(lines('name: a', 'tvl: 1', 'colour: red'));
    expect(found.hint).toMatch(/name.*tvl.*market_cap.*utilization.*growth/);
  });

  it("hints '26.4%' for growth: 26.4", () => {
    const found = issue(lines('name: a', 'tvl: 1', 'years: 1', 'growth: 26.4'));
    expect(found.message).toMatch(/growth.*2640%/);
    expect(found.hint).toContain('26.4%');
    expect(at(found)).toBe('4:9');
  });

  it("hints '26.4%' for a phase rate of 26.4", () => {
    const found = issue(lines('name: a', 'tvl: 1', 'years: 1', 'growth:', '  - {years: 1, rate: 26.4}'));
    expect(found.message).toMatch(/growth\[0\]\.rate/);
    expect(found.hint).toContain('26.4%');
    expect(at(found)).toBe('5:22');
  });

  it.each([
    { rule: 'a growth below -100%', line: 'growth: -150%', message: /growth.*at least -100%.*-150%/ },
    { rule: 'a utilization above 100%', line: 'utilization: 120%', message: /utilization.*between 0% and 100%/ },
    { rule: 'an unknown step', line: 'step: week', message: /step.*year, quarter or month/ },
    { rule: 'a fractional number of years', line: 'years: 2.5', message: /years.*whole number.*2\.5/ },
    { rule: 'more than 200 years', line: 'years: 201', message: /years.*0 to 200/ },
    { rule: 'an unknown unit', line: 'unit: EUR', message: /unit.*USD or BTC/ },
    { rule: 'a start year of 0', line: 'start: 0', message: /start.*1 to 9999/ },
    { rule: 'growth that is neither a rate, a distribution nor phases', line: 'growth: {rate: 5%}', message: /unknown key 'rate' in growth/ },
    { rule: 'no phases at all', line: 'growth: []', message: /growth.*at least one phase/ },
  ])('reports $rule at its line', ({ line, message }) => {
    // A utilization needs a market cap, or that would be a second issue.
    const found = issue(lines('name: a', line.startsWith('utilization') ? 'market_cap: 1' : 'tvl: 1', line));
    expect(found.message).toMatch(message);
    expect(found.span?.line).toBe(3);
    expect(found.span?.lineText).toBe(line);
  });

  it('reports a missing name', () => {
    const found = issue(lines('tvl: 1'));
    expect(found.message).toMatch(/name/);
  });

  it.each([
    { rule: 'an empty file', text: '' },
    { rule: 'a file of blank lines', text: '\n\n  \n' },
    { rule: 'a file of comments', text: lines('# nothing yet', '# still nothing') },
  ])('reports $rule as empty', ({ text }) => {
    const found = issue(text, 'empty.yaml');
    expect(found.message).toMatch(/empty/);
    expect(found.file).toBe('empty.yaml');
    expect(found.hint).toMatch(/name/);
  });

  it('reports a list where a mapping should be', () => {
    const found = issue(lines('- name: a', '- tvl: 1'));
    expect(found.message).toMatch(/one mapping/);
    expect(at(found)).toBe('1:1');
  });

  it('reports a lone scalar where a mapping should be', () => {
    expect(issue('just words\n').message).toMatch(/one mapping/);
  });

  it('reports a repeated key at the second key', () => {
    const found = issue(lines('name: a', 'tvl: 1', 'tvl: 2'));
    expect(found.message).toMatch(/the key 'tvl' is written twice/);
    expect(at(found)).toBe('3:1');
  });

  it('reports an unclosed flow sequence as a syntax error', () => {
    const found = issues(lines('name: a', 'tvl: [1, 2', 'years: 1'));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.span?.line).toBeGreaterThanOrEqual(2);
    expect(found[0]!.message).not.toMatch(/at line \d+/);
  });

  it('reports a JSON syntax error', () => {
    const found = issues('{"name": "a", "tvl": 1\n', 'bad.json');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.file).toBe('bad.json');
    expect(found[0]!.span).not.toBeNull();
  });

  it('refuses aliases that expand to too many values', () => {
    const ten = (alias: string): string => `[${Array.from({ length: 10 }, () => alias).join(', ')}]`;
    const text = lines('name: a', 'tvl: 1', `a: &a ${ten('x')}`, `b: &b ${ten('*a')}`, `c: &c ${ten('*b')}`, `d: &d ${ten('*c')}`, `e: ${ten('*d')}`);
    const found = issue(text);
    expect(found.message).toMatch(/aliases/);
  });

  it('reads an alias to a value as the value', () => {
    const { data } = parsed(lines('name: a', 'tvl: &start 100B', 'cases:', '  same: {tvl: *start}'));
    expect(plain(data.cases)).toEqual({ same: { tvl: { value: '100000000000', marker: null, text: '100B' } } });
  });
});

describe('parseScenario and __proto__', () => {
  it('reports a top-level __proto__ key as an unknown key, and pollutes no prototype', () => {
    const found = issue(lines('name: a', 'tvl: 1', '__proto__: {polluted: yes}'));
    expect(found.message).toMatch(/unknown key '__proto__'/);
    expect(at(found)).toBe('3:1');
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports a __proto__ key in JSON as an unknown key, and pollutes no prototype', () => {
    const found = issue('{"name": "a", "tvl": 1, "__proto__": {"polluted": true}}', 'proto.json');
    expect(found.message).toMatch(/unknown key '__proto__'/);
    expect(found.span?.column).toBe(25);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reports a __proto__ key inside a case as an unknown key of that case', () => {
    const found = issue(lines('name: a', 'tvl: 1', 'cases:', '  bull:', '    __proto__: {polluted: yes}'));
    expect(found.message).toMatch(/unknown key '__proto__' in cases\.bull/);
    expect(at(found)).toBe('5:5');
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  // BUG (src/scenario/schema.ts, the z.record of cases): zod's record skips a `__proto__` key
  // without checking it against CASE_PATTERN, so a case named __proto__ vanishes without an
  // issue: this file parses to `cases: {bull: ...}` and resolves to the bull case alone. The
  // name starts with '_', which CASE_PATTERN refuses, so it should be reported at line 4.
  it('reports a case named __proto__ instead of dropping it', () => {
    const found = issues(lines('name: a', 'tvl: 1', 'cases:', '  __proto__: {growth: 5%}', '  bull: {growth: 10%}'));
    expect(found.map(at)).toContain('4:3');
  });

  it('keeps a case named __proto__ out of the prototype of the cases', () => {
    const result = parseScenario(lines('name: a', 'tvl: 1', 'cases:', '  __proto__: {years: 7}'), 'scenario.yaml');
    if (result.ok) {
      expect((result.value.data.cases as Record<string, unknown> | undefined)?.['years']).toBeUndefined();
    }
    expect(Object.prototype).not.toHaveProperty('years');
  });

  it('reads a case named constructor as a case like any other', () => {
    const { data } = parsed(lines('name: a', 'tvl: 1', 'cases:', '  constructor: {growth: 5%}'));
    expect(Object.keys(data.cases ?? {})).toEqual(['constructor']);
    expect(plain(data.cases)).toEqual({ constructor: { growth: { value: '0.05', text: '5%' } } });
  });
});
