import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText, readScenarioText } from '../../src/scenario/parseScenario.js';
import { MAX_FAST_DEPTH, readJsonData } from '../../src/scenario/readJsonData.js';
import { propertyRuns } from '../fuzz/config.js';

// ---- helpers ----

/** Data as a text that tells every difference: key order, own `__proto__` keys, prototypes, types. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? String(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  const proto = Object.getPrototypeOf(value) === Object.prototype ? '' : '!proto';
  return `{${proto}${Object.keys(value)
    .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
    .join(',')}}`;
}

/** The YAML route's data of a text, or null where it finds an issue. */
function yamlData(text: string): object | null {
  const read = readScenarioText(text, 'scenario.json');
  return read.ok ? read.value.data : null;
}

/** What parseScenario makes of a file, in a form to compare: its data, or its issues. */
function outcome(result: ReturnType<typeof parseScenario>): unknown {
  return result.ok ? { file: result.value.file, data: JSON.parse(JSON.stringify(result.value.data)) } : result.error;
}

/** Both routes agree on a text: the fast one reads it only where the YAML route does, to the same data, and to the same issues. */
function expectSameRoutes(text: string): void {
  const fast = readJsonData(text);
  if (fast !== null) {
    const slow = yamlData(text);
    expect(slow, 'the YAML route reads what the fast route reads').not.toBeNull();
    expect(canonical(fast)).toBe(canonical(slow));
  }
  expect(outcome(parseScenario(text, 'scenario.json'))).toEqual(outcome(parseScenarioText(text, 'scenario.json')));
}

/** Plain data as JSON text with bare numbers: every string that reads as a JSON number is written bare. */
function withBareNumbers(data: unknown): string {
  return JSON.stringify(data, null, 2).replace(/"(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)"/g, '$1');
}

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ext))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

// ---- examples ----

describe('readJsonData', () => {
  it.each([
    ['numbers keep their text', '{"tvl": 1.50, "years": 1e400, "n": -0.0e+5, "big": 12345678901234567891.25}', '{"tvl":"1.50","years":"1e400","n":"-0.0e+5","big":"12345678901234567891.25"}'],
    ['true, false and null are themselves', '{"a": true, "b": false, "c": null}', '{"a":true,"b":false,"c":null}'],
    ['unicode escapes are decoded', '{"name": "\\u0061\\ud83d\\ude00\\/\\n"}', '{"name":"a😀/\\n"}'],
    ['__proto__ is an own key', '{"__proto__": {"x": 1}}', '{"__proto__":{"x":"1"}}'],
    ['numbers in arrays and nested objects', '{"a": [1, {"b": [2.5, -3]}]}', '{"a":["1",{"b":["2.5","-3"]}]}'],
    ['CRLF line ends', '{"a":\r\n1}\r\n', '{"a":"1"}'],
    ['a byte-order mark is not JSON: the YAML route reads it', '\uFEFF{"a": 1}', null],
  ])('%s', (_rule, text, expected) => {
    const data = readJsonData(text);
    expect(data === null ? null : canonical(data)).toBe(expected);
    expectSameRoutes(text);
  });

  it.each([
    ['a duplicate key', '{"a": 1, "a": 2}'],
    ['a duplicate key written with an escape', '{"a": 1, "\\u0061": 2}'],
    ['a duplicate __proto__', '{"__proto__": 1, "__proto__": 2}'],
    ['a number JSON does not write', '{"a": 01}'],
    ['a trailing comma', '{"a": 1,}'],
    ['a comment', '{"a": 1} # note'],
    ['a lone CR, a line end to JSON and not to YAML', '{"a":"b"\r}'],
    ['an array', '[1, 2]'],
    ['a string', '"name"'],
    ['YAML', 'name: a\ntvl: 1\n'],
    ['an empty text', ''],
    ['nesting past the limit', `{"a": ${'['.repeat(MAX_FAST_DEPTH)}${']'.repeat(MAX_FAST_DEPTH)}}`],
  ])('leaves %s to the YAML route', (_rule, text) => {
    expect(readJsonData(text)).toBeNull();
    expectSameRoutes(text);
  });

  it('reads a short, shallow JSON object in every case the YAML route reads it (so the fast route is taken)', () => {
    expect(readJsonData('{"name": "a", "cases": {"b": {"growth": [{"years": 1, "rate": "5%"}]}}}')).not.toBeNull();
  });
});

// ---- fixtures ----

describe('both routes agree on the fixtures', () => {
  const jsonFiles = [...filesUnder('test/fixtures', '.json'), ...filesUnder('scenarios', '.json')];
  it.each(jsonFiles)('%s', (file) => {
    expectSameRoutes(readFileSync(file, 'utf8'));
  });

  // Every YAML fixture that reads, written as JSON with bare numbers: the issues of each must be
  // the same, found at the same lines and columns.
  const yamlFiles = [...filesUnder('test/fixtures', '.yaml'), ...filesUnder('scenarios', '.yaml')];
  it.each(yamlFiles)('%s, written as JSON', (file) => {
    const read = readScenarioText(readFileSync(file, 'utf8'), file);
    if (!read.ok) {
      return;
    }
    const text = withBareNumbers(read.value.data);
    expect(readJsonData(text)).not.toBeNull();
    expectSameRoutes(text);
  });
});

// ---- properties ----

const KEYS = ['name', 'tvl', 'market_cap', 'utilization', 'growth', 'years', 'step', 'cases', 'a', 'b', '__proto__', 'constructor', '', '1', 'é', '亿', '😀', 'key with space'];
const NUMBERS = ['0', '-0', '1', '-1', '1.50', '0.1', '12345678901234567891.25', '1e400', '1E-7', '-2.5e+10', '100', '2026'];
const STRINGS = ['5%', '2T', '1.5B', 'USD', 'month', '', 'a"b', 'back\\slash', 'line\nend', 'tab\tin', '亿', '😀', '\u2028', '\u0085', '\u007f', '\u0000'];

/** A JSON value's text, written in one of several ways (escapes, spacing), numbers bare. */
const jsonText: fc.Memo<string> = fc.memo((depth) => {
  const space = fc.constantFrom('', ' ', '\n', '\r\n', '\t', '  \n  ');
  const string = fc.tuple(fc.constantFrom(...STRINGS), fc.boolean()).map(([text, escapeAll]) => (escapeAll ? escapeEvery(text) : JSON.stringify(text)));
  const leaf = fc.oneof(fc.constantFrom(...NUMBERS), string, fc.constantFrom('true', 'false', 'null'));
  if (depth <= 1) {
    return leaf;
  }
  const key = fc.tuple(fc.constantFrom(...KEYS), fc.boolean()).map(([text, escapeAll]) => (escapeAll ? escapeEvery(text) : JSON.stringify(text)));
  const object = fc
    .array(fc.tuple(key, space, space, jsonText(depth - 1)), { maxLength: 5 })
    .chain((pairs) => space.map((s) => `{${s}${pairs.map(([k, s1, s2, v]) => `${k}${s1}:${s2}${v}`).join(`,${s}`)}${s}}`));
  const array = fc.array(jsonText(depth - 1), { maxLength: 4 }).chain((items) => space.map((s) => `[${s}${items.join(`,${s}`)}${s}]`));
  return fc.oneof({ depthSize: 'small' }, leaf, object, array);
});

/** A string's JSON text with every character as a \u escape. */
function escapeEvery(text: string): string {
  return `"${[...text].map((c) => [...c].map((_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join('')).join('')}"`;
}

/** A scenario-like object: fields from the pools, some nested, keys sometimes repeated. */
const scenarioText = fc
  .array(fc.tuple(fc.constantFrom(...KEYS), jsonText(4)), { maxLength: 8 })
  .chain((pairs) => fc.constantFrom('', '\n', ' ').map((s) => `{${s}${pairs.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(`,${s}`)}${s}}`));

/** A deeply nested value, around the fast route's depth limit. */
const deepText = fc.tuple(fc.integer({ min: 1, max: MAX_FAST_DEPTH + 8 }), fc.boolean()).map(([depth, objects]) => {
  const open = objects ? '{"a": ' : '[';
  const close = objects ? '}' : ']';
  return `{"name": ${open.repeat(depth)}1${close.repeat(depth)}}`;
});

describe('properties', () => {
  it('the fast route reads a text only where the YAML route does, to the same data and the same issues', () => {
    fc.assert(
      fc.property(fc.oneof(scenarioText, deepText), (text) => {
        expectSameRoutes(text);
      }),
      { numRuns: propertyRuns(100) },
    );
  });

  it('a JSON object with unique keys is read by the fast route, with the keys JSON.parse gives', () => {
    fc.assert(
      fc.property(scenarioText, (text) => {
        const fast = readJsonData(text);
        if (countPairs(text) === countKeys(JSON.parse(text))) {
          expect(fast).not.toBeNull();
          expect(Object.keys(fast!)).toEqual(Object.keys(JSON.parse(text) as object));
        } else {
          expect(fast).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Keys of every object in a value: a duplicate key in the text leaves one key fewer. */
function countKeys(value: unknown): number {
  if (value === null || typeof value !== 'object') {
    return 0;
  }
  const items = Array.isArray(value) ? value : Object.values(value);
  return (Array.isArray(value) ? 0 : items.length) + items.reduce((sum: number, item) => sum + countKeys(item), 0);
}

/** Key-value pairs in a JSON text: strings followed by a colon. */
function countPairs(text: string): number {
  return [...text.matchAll(/"(?:[^"\\]|\\.)*"\s*:/g)].length;
}
