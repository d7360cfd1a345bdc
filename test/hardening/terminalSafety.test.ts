// A scenario file never writes to the terminal. Titles, sources, notes, keys, values, case
// names, file names and a history's headers and cells are data: a hostile file full of
// controls (ESC sequences that retitle or clear the terminal, NUL, CR, DEL, C1 controls) and
// invisible format characters (bidi overrides and isolates, zero-width characters, the BOM) goes
// through every command, and no human output or message carries one of them; CSV and JSON keep
// the exact text, and JUnit stays well-formed XML.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUOTE_LIMIT } from '../../src/core/visibleText.js';
import { cliEnv, runCli, type CliResult } from '../helpers/runCli.js';

/** What a terminal must never receive from data: controls, format characters, line and paragraph separators, lone surrogates. */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
/** The SGR colour codes chalk writes when colour is on: the only escapes btcfi itself sends. */
const CHALK_SGR = /\u001b\[[0-9;]*m/g;

/** Every kind of character a hostile file could use against a terminal. */
const CONTROLS =
  '\u001b]0;PWNED\u0007\u001b[2J\u001b[31mred\u0000nul\rcr\ttab\nlf\u007fdel\u009bcsi\u0085nel' +
  '\u202eoverride\u202aembed\u2066isolate\u2069\u200bzw\u200frlm\ufeffbom\u061calm\u00adshy\u2028ls\u{e0041}tag';
const TITLE = `Title ${CONTROLS}`;
const SOURCE = `Source ${CONTROLS}`;
const NOTES = `Notes ${CONTROLS}`;

/** A YAML double-quoted scalar holding `text` exactly, every unsafe character as a YAML escape. */
function yamlQuote(text: string): string {
  const escaped = [...text]
    .map((character) => {
      if (character === '"' || character === '\\') {
        return `\\${character}`;
      }
      if (!/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u.test(character)) {
        return character;
      }
      const code = character.codePointAt(0)!;
      return code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    })
    .join('');
  return `"${escaped}"`;
}

const GOOD = [
  'name: hostile',
  `title: ${yamlQuote(TITLE)}`,
  `source: ${yamlQuote(SOURCE)}`,
  `notes: ${yamlQuote(NOTES)}`,
  '# a comment with a raw ESC \u001b[2J and a raw override \u202e',
  'start: 2026',
  'years: 2',
  'tvl: 1B',
  'growth: 10%',
  'cases:',
  '  low: {growth: 5%}',
  '  high: {growth: 20%}',
  'expect:',
  '  - {case: low, period: 2028, tvl: 1.1025B}',
  '  - {case: high, period: 2028, tvl: 2B, within: 1%}',
  '',
].join('\n');

/** A file name with an ESC sequence and a bidi override in it (Linux and macOS allow both). */
const BAD_FILE = 'bad-\u001b[31m-\u202e.yaml';
const LONG_VALUE = `${'9'.repeat(5_000)}\u001b[2J`;
const BAD = [
  'name: bad',
  `title: ${yamlQuote(TITLE)}`,
  'tvl: 1\u001b]0;X\u0007B',
  `growth: ${yamlQuote('5\u202e%')}`,
  `${yamlQuote('k\u001b[31my\u202e')}: 1`,
  `target: ${yamlQuote(LONG_VALUE)}`,
  'cases:',
  `  ${yamlQuote('c\rx')}: {growth: 1%}`,
  '',
].join('\n');

const REFERENCES = [
  'name: refs',
  'years: 2',
  'tvl: 1B',
  'cases:',
  '  low: {growth: 5%}',
  'expect:',
  `  - {case: ${yamlQuote('lo\u001b[2Jw')}, period: 1, tvl: 1B}`,
  `  - {period: ${yamlQuote('+1\u202e')}, tvl: 1B}`,
  '',
].join('\n');

const HISTORY_HEADERS = ['date\u001b[2J\u202e', 'value\u0007\u200b'] as const;
const HISTORY = `${HISTORY_HEADERS.join(',')}\n2020,1B\n2021,2B\n2022,3B\n`;
const BAD_HISTORY = `${HISTORY_HEADERS.join(',')}\n2020,1B\n20\u001b[2J21,2B\n2022,\u202e3B\n`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'btcfi-terminal-'));
  await writeFile(join(dir, 'hostile.yaml'), GOOD);
  await writeFile(join(dir, BAD_FILE), BAD);
  await writeFile(join(dir, 'refs.yaml'), REFERENCES);
  await writeFile(join(dir, 'history.csv'), HISTORY);
  await writeFile(join(dir, 'bad-history.csv'), BAD_HISTORY);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (args: readonly string[], env = cliEnv()): Promise<CliResult> => runCli(args, { cwd: dir, env });

/** The characters of a human output that a terminal would act on: none, line feeds aside (and chalk's colours, when colour is on). */
function unsafeIn(text: string, colour = false): string[] {
  const shown = colour ? text.replace(CHALK_SGR, '') : text;
  return [...shown.replace(/\n/g, '').matchAll(FORBIDDEN)].map((match) => `U+${match[0].codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

function expectHuman(result: CliResult, stdoutIsHuman = true): void {
  if (stdoutIsHuman) {
    expect(unsafeIn(result.stdout), `stdout:\n${result.stdout}`).toEqual([]);
  }
  expect(unsafeIn(result.stderr), `stderr:\n${result.stderr}`).toEqual([]);
  expect(result.exitCode).not.toBe(3);
}

describe('a hostile scenario file', () => {
  it('shows its title and source visibly in project tables, a chart and a what-if line', async () => {
    // --width 0: lines as long as their text, so each shows whole (at a width, a long word has a line of its own).
    const result = await run(['project', 'hostile.yaml', '--chart', '--growth', '7%', '--width', '0']);
    expect(result.exitCode).toBe(0);
    expectHuman(result);
    expect(result.stdout).toContain('Title \\x1b]0;PWNED\\x07\\x1b[2J\\x1b[31mred\\x00nul\\rcr\\ttab\\nlf\\x7fdel\\x9bcsi\\x85nel');
    expect(result.stdout).toContain('\\u202eoverride\\u202aembed\\u2066isolate\\u2069\\u200bzw\\u200frlm\\ufeffbom\\u061calm\\xadshy\\u2028ls\\u{e0041}tag');
    expect(result.stdout).toContain('Source \\x1b]0;PWNED');
  });

  it('keeps only chalk\'s colour codes when colour is forced on', async () => {
    const env: NodeJS.ProcessEnv = { ...cliEnv(), FORCE_COLOR: '1' };
    delete env['NO_COLOR'];
    const result = await run(['project', 'hostile.yaml', '--color', '--chart'], env);
    expect(result.stdout).toMatch(CHALK_SGR);
    expect(unsafeIn(result.stdout, true)).toEqual([]);
    // The file's own `ESC [31m` is shown as text, not taken for one of chalk's codes.
    expect(result.stdout).toContain('\\x1b[31mred');
    const list = await run(['list', 'hostile.yaml', '--color'], env);
    expect(unsafeIn(list.stdout, true)).toEqual([]);
    const errors = await run(['validate', BAD_FILE, '--color'], env);
    expect(errors.stderr).toMatch(CHALK_SGR);
    expect(unsafeIn(errors.stderr, true)).toEqual([]);
  });

  it('keeps the exact text in project JSON, and CSV has no free text to carry', async () => {
    const json = await run(['project', 'hostile.yaml', '--format', 'json']);
    expect(json.exitCode).toBe(0);
    const scenario = (JSON.parse(json.stdout) as { scenarios: { title: string }[] }).scenarios[0]!;
    expect(scenario.title).toBe(TITLE);
    const csv = await run(['project', 'hostile.yaml', '--format', 'csv']);
    expect(csv.exitCode).toBe(0);
    expect(csv.stdout.split('\r\n')[1]).toBe('hostile,low,2026,0,USD,,,1000000000,,,,,,,,,,,,,,,,');
    expect(unsafeIn(csv.stdout.replace(/\r\n/g, ''))).toEqual([]);
  });

  it('shows its title and source visibly in list, and keeps them exact in list JSON', async () => {
    const table = await run(['list', 'hostile.yaml', '--width', '0']);
    expect(table.exitCode).toBe(0);
    expectHuman(table);
    expect(table.stdout).toContain('Source \\x1b]0;PWNED');
    const bad = await run(['list', 'hostile.yaml', BAD_FILE]);
    expect(bad.exitCode).toBe(2);
    expectHuman(bad);
    expect(table.stdout).toContain('Title \\x1b]0;PWNED');
    const json = await run(['list', 'hostile.yaml', '--format', 'json']);
    const entry = (JSON.parse(json.stdout) as { scenarios: { title: string; source: string }[] }).scenarios[0]!;
    expect(entry).toMatchObject({ title: TITLE, source: SOURCE });
  });

  it('checks in text, JSON and JUnit: text shows file names visibly, JUnit is well-formed XML', async () => {
    const files = ['hostile.yaml', BAD_FILE, 'refs.yaml'];
    const text = await run(['check', ...files]);
    expect(text.exitCode).toBe(2);
    expectHuman(text);
    expect(text.stdout).toContain('bad-\\x1b[31m-\\u202e.yaml: not checked');
    expect(text.stdout).toContain('✗ hostile · high · 2028 · tvl');

    const junit = await run(['check', ...files, '--format', 'junit']);
    expectHuman(junit, false);
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
    // XML 1.0 holds none of the C0 controls but tab, LF and CR; the file's are written as escapes.
    expect(junit.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(junit.stdout).toContain('file="bad-\\x1b[31m-\\u202e.yaml"');

    const json = await run(['check', ...files, '--format', 'json']);
    expectHuman(json, false);
    const report = JSON.parse(json.stdout) as { files: { file: string }[] };
    expect(report.files.map((file) => file.file).sort()).toEqual([...files].sort());
  });

  it('reports every bad key and value visibly, with the caret under the visible form, and cuts long values', async () => {
    const result = await run(['validate', BAD_FILE, 'refs.yaml']);
    expect(result.exitCode).toBe(2);
    expectHuman(result);
    const { stderr } = result;
    expect(stderr).toContain("btcfi: error: bad-\\x1b[31m-\\u202e.yaml:3:6: tvl: '1\\x1b]0;X\\x07B' is not an amount");
    expect(stderr).toContain('  3 | tvl: 1\\x1b]0;X\\x07B\n    |      ^^^^^^^^^^^^^^\n');
    expect(stderr).toContain("growth: '5\\u202e%' is not a rate");
    expect(stderr).toContain("unknown key 'k\\x1b[31my\\u202e'");
    // A figure over 200 characters is refused for its length, quoted in part.
    expect(stderr).toContain(`target: '${'9'.repeat(40)}…' is too long for a figure`);
    expect(stderr).toContain('cases.c\\rx: a case name uses');
    expect(stderr).toContain("no case named 'lo\\x1b[2Jw'");
    expect(stderr).toContain('no period +1\\u202e in case low');
    for (const line of stderr.split('\n')) {
      expect(line.length, line).toBeLessThanOrEqual(400);
    }
  });

  it('shows flag values, suggestions and notes visibly', async () => {
    const scenario = await run(['project', 'hostile.yaml', '-s', 'hostil\u202ee']);
    expect(scenario.exitCode).toBe(2);
    expectHuman(scenario);
    expect(scenario.stderr).toContain("no scenario named 'hostil\\u202ee'");
    const kase = await run(['project', 'hostile.yaml', '-c', 'lo\u202ew']);
    expect(kase.exitCode).toBe(2);
    expectHuman(kase);
    expect(kase.stderr).toContain("no case named 'lo\\u202ew' in the scenarios selected\nhint: did you mean 'low'?");
    const longCase = await run(['project', 'hostile.yaml', '-c', `${'x'.repeat(10_000)}\u001b[2J`]);
    expectHuman(longCase);
    expect(longCase.stderr).toContain(`no case named '${'x'.repeat(QUOTE_LIMIT - 1)}…'`);
    const unknown = await run(['project', 'hostile.yaml', '--format', 'x\u001b[2J']);
    expect(unknown.exitCode).toBe(2);
    expectHuman(unknown);
  });

  it('grids a hostile scenario: the table and the note on stderr show it visibly', async () => {
    const result = await run(['grid', 'hostile.yaml', '--x', 'growth=1%..3%:1%', '--y', 'years=1..2:1']);
    expect(result.exitCode).toBe(0);
    expectHuman(result);
    expect(result.stderr).toContain('hostile has 2 cases (low, high)');
    const at = await run(['grid', 'hostile.yaml', '--case', 'low', '--x', 'growth=1%..3%:1%', '--y', 'years=1..2:1', '--at', '2027\u001b[2J']);
    expect(at.exitCode).toBe(2);
    expectHuman(at);
    const axis = await run(['grid', 'hostile.yaml', '--case', 'low', '--x', 'gr\u001b[2Jowth=1%..3%:1%', '--y', 'years=1..2:1']);
    expect(axis.exitCode).toBe(2);
    expectHuman(axis);
    expect(axis.stderr).toContain('\\x1b[2J');
  });
});

describe('a hostile history', () => {
  it('shows its headers visibly in solve text, and keeps them exact in solve JSON', async () => {
    const text = await run(['solve', 'growth', '--history', 'history.csv']);
    expect(text.exitCode).toBe(0);
    expectHuman(text);
    expect(text.stdout).toContain('history.csv: date\\x1b[2J\\u202e and value\\x07\\u200b');
    const json = await run(['solve', 'growth', '--history', 'history.csv', '--format', 'json']);
    const inputs = (JSON.parse(json.stdout) as { inputs: { date_column: string; value_column: string } }).inputs;
    expect(inputs).toMatchObject({ date_column: HISTORY_HEADERS[0], value_column: HISTORY_HEADERS[1] });
  });

  it('reports bad cells and unknown columns visibly', async () => {
    const cells = await run(['solve', 'growth', '--history', 'bad-history.csv']);
    expect(cells.exitCode).toBe(2);
    expectHuman(cells);
    expect(cells.stderr).toContain('\\x1b[2J');
    const column = await run(['solve', 'growth', '--history', 'history.csv', '--value-column', 'nope\u001b]0;X\u0007']);
    expect(column.exitCode).toBe(2);
    expectHuman(column);
    expect(column.stderr).toContain("no column named 'nope\\x1b]0;X\\x07'");
  });
});
