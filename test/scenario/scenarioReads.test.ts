import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario, readScenarioText } from '../../src/scenario/parseScenario.js';
import { parseScenarioWith, type ScenarioReads } from '../../src/scenario/scenarioReads.js';
import { REPO_ROOT } from '../helpers/runCli.js';

// The bundled scenarios are read when btcfi is built (src/scenario/readBundledScenarios.ts), and a
// run takes a file's data from that read while the file's text is the one read. Whichever way a
// file is read, the result must be the same: the same data, the same issues at the same places.

const SCENARIOS = join(REPO_ROOT, 'scenarios');
const bundled = readdirSync(SCENARIOS).filter((name) => name.endsWith('.yaml'));
const textOf = (name: string): string => readFileSync(join(SCENARIOS, name), 'utf8');

/** What the build writes for these texts, through JSON as it is stored. */
function readsOf(texts: Record<string, string>): ScenarioReads {
  const reads: Record<string, { text: string; data: object }> = {};
  for (const [name, text] of Object.entries(texts)) {
    const read = readScenarioText(text, name);
    if (!read.ok) {
      throw new Error(`${name} does not read`);
    }
    reads[name] = { text, data: read.value.data };
  }
  return JSON.parse(JSON.stringify(reads)) as ScenarioReads;
}

/** Decimals as their exact text, located issues as they print. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('a scenario read ahead of time', () => {
  const reads = readsOf(Object.fromEntries(bundled.map((name) => [name, textOf(name)])));

  it.each(bundled)('%s gives the data that parsing its text gives', (name) => {
    const direct = parseScenario(textOf(name), `scenarios/${name}`);
    const fromRead = parseScenarioWith(reads, name, textOf(name), `scenarios/${name}`);
    expect(direct.ok && fromRead.ok).toBe(true);
    if (direct.ok && fromRead.ok) {
      expect(plain(fromRead.value.data)).toEqual(plain(direct.value.data));
      expect(fromRead.value.locate(['name'])).toEqual(direct.value.locate(['name']));
    }
  });

  it('is used only for the very text it was read from: an edited file is parsed again', () => {
    const name = bundled[0]!;
    const edited = textOf(name).replace(/^name: .*$/m, 'name: Not A Name');
    const result = parseScenarioWith(reads, name, edited, `scenarios/${name}`);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error[0]!.message).toMatch(/^name must use only lowercase letters/);
    }
  });

  it('points issues found in read data at the line and column of the file, as parsing does', () => {
    const text = 'name: wrong-growth\nstart: 2026\nyears: 2\ntvl: 1B\ngrowth: fast\n';
    const forged = readsOf({ 'x.yaml': text });
    const fromRead = parseScenarioWith(forged, 'x.yaml', text, 'x.yaml');
    const direct = parseScenario(text, 'x.yaml');
    expect(fromRead.ok).toBe(false);
    expect(plain(fromRead)).toEqual(plain(direct));
    if (!fromRead.ok) {
      expect(fromRead.error[0]!.span).toMatchObject({ line: 5, column: 9 });
    }
  });

  it('leaves other names to parsing, and works with no reads at all', () => {
    const name = bundled[0]!;
    for (const reads_ of [readsOf({}), null]) {
      const result = parseScenarioWith(reads_, name, textOf(name), `scenarios/${name}`);
      expect(plain(result)).toEqual(plain(parseScenario(textOf(name), `scenarios/${name}`)));
    }
  });
});

describe('a scenario the build checked', () => {
  const built = JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'cli', 'scenarios.read.json'), 'utf8')) as ScenarioReads;

  it.each(bundled)('%s gives the very data that parsing its text gives, decimals and all', (name) => {
    expect(built[name]!.checked).toBeDefined();
    const direct = parseScenario(textOf(name), `scenarios/${name}`);
    const fromChecked = parseScenarioWith(built, name, textOf(name), `scenarios/${name}`);
    expect(direct.ok && fromChecked.ok).toBe(true);
    if (direct.ok && fromChecked.ok) {
      expect(fromChecked.value.data).toStrictEqual(direct.value.data);
      expect(fromChecked.value.locate(['name'])).toEqual(direct.value.locate(['name']));
    }
  });

  it('is used only for the very text it was checked from: an edited file is parsed again', () => {
    const name = bundled[0]!;
    const edited = textOf(name).replace(/^name: .*$/m, 'name: Not A Name');
    const result = parseScenarioWith(built, name, edited, `scenarios/${name}`);
    expect(result.ok).toBe(false);
  });
});

describe('the build step that reads the bundled scenarios', () => {
  const dir = mkdtempSync(join(tmpdir(), 'btcfi-reads-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every file that reads, and leaves out one with a syntax error; only a file that passes the schema is written checked', () => {
    const invalid = 'name: wrong-growth\nstart: 2026\nyears: 2\ntvl: 1B\ngrowth: fast\n';
    writeFileSync(join(dir, 'good.yaml'), textOf(bundled[0]!));
    writeFileSync(join(dir, 'invalid.yaml'), invalid);
    writeFileSync(join(dir, 'broken.yaml'), 'name: [unclosed\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a scenario');
    const output = join(dir, 'reads.json');
    execFileSync(process.execPath, [join(REPO_ROOT, 'dist', 'build', 'readBundledScenarios.cjs'), dir, output]);
    const written = JSON.parse(readFileSync(output, 'utf8')) as ScenarioReads;
    expect(Object.keys(written)).toEqual(['good.yaml', 'invalid.yaml']);
    const { checked, ...read } = written['good.yaml']!;
    expect(read).toEqual(readsOf({ 'good.yaml': textOf(bundled[0]!) })['good.yaml']);
    expect(checked).toBeDefined();
    expect(written['invalid.yaml']).toEqual(readsOf({ 'invalid.yaml': invalid })['invalid.yaml']);
  });

  it('has read every bundled scenario for the built CLI', () => {
    const written = JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'cli', 'scenarios.read.json'), 'utf8')) as ScenarioReads;
    // And the files of references they include, by their path in the folder.
    const references = readdirSync(join(REPO_ROOT, 'scenarios', 'references')).map((name) => `references/${name}`);
    expect(Object.keys(written).sort()).toEqual([...bundled, ...references].sort());
  });
});
