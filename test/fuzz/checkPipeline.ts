// The invariants every scenario file must keep, whatever it holds: the pure pipeline the CLI runs
// (parseScenario, resolveScenario, buildProjectReport, buildCheckReport and every renderer) gives
// a result or issues that each name FILE:LINE:COL, and never throws, hangs, or writes NaN,
// Infinity or an exponent into a figure.
import { Chalk } from 'chalk';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { buildCheckReport } from '../../src/report/buildCheckReport.js';
import { PERIODS_PER_YEAR } from '../../src/engine/types.js';
import { checkRenderers } from '../../src/render/check/index.js';
import { renderers } from '../../src/render/index.js';
import type { RenderOptions } from '../../src/render/options.js';
import { buildProjectReport } from '../../src/report/buildProjectReport.js';
import type { InputIssue } from '../../src/core/inputIssue.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { resolveScenario, type ResolvedScenario } from '../../src/scenario/resolveScenario.js';

/** A broken invariant: the message says which, and the input is attached by the caller. */
export class InvariantError extends Error {
  override name = 'InvariantError';
}

function invariant(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new InvariantError(message);
  }
}

/** A plain decimal as btcfi writes figures for machines: an optional minus, digits, maybe a point. */
export const PLAIN_FIGURE = /^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/;
/** The first characters that make a spreadsheet run a cell (OWASP), half- and full-width. */
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** Words that mean a value went wrong, unless the input itself wrote them. */
const SUSPECT_WORDS = ['NaN', 'Infinity', 'undefined', '[object Object]', 'Maximum call stack', 'is not a function', 'Cannot read properties', '[btcfi engine]'];

const OPTIONS: RenderOptions = { digits: null, chalk: new Chalk({ level: 0 }), locale: 'en-US' };
const SAMPLES = 32;

export type Outcome = 'projected' | 'invalid';

/**
 * Runs one file through the whole pure pipeline and checks every invariant; throws
 * InvariantError (or whatever the pipeline threw) when one breaks. Returns what became of it.
 */
export function checkScenarioText(text: string, file: string): Outcome {
  const parsed = parseScenario(text, file);
  if (!parsed.ok) {
    checkIssues(parsed.error, text, file);
    return 'invalid';
  }
  const resolved = resolveScenario(parsed.value);
  if (!resolved.ok) {
    checkIssues(resolved.error, text, file);
    return 'invalid';
  }
  checkProjection(resolved.value, text);
  return 'projected';
}

/** The source as the parser numbers its lines: without a leading BOM, split at LF (CRLF ends keep their CR). */
function sourceLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split('\n');
}

function checkIssues(issues: readonly InputIssue[], text: string, file: string): void {
  invariant(issues.length > 0, 'a failed parse reports no issue');
  const lines = sourceLines(text);
  for (const issue of issues) {
    const where = `issue "${issue.message}"`;
    invariant(issue.file === file, `${where} names ${issue.file}, not ${file}`);
    invariant(issue.span !== null, `${where} has no line and column`);
    const { line, column, length, lineText } = issue.span;
    invariant(Number.isInteger(line) && line >= 1 && line <= lines.length, `${where} is on line ${line} of ${lines.length}`);
    invariant(Number.isInteger(column) && column >= 1 && column <= lineText.length + 1, `${where} is at column ${column} of a line of ${lineText.length}`);
    invariant(Number.isInteger(length) && length >= 1, `${where} underlines ${length} characters`);
    invariant(lineText === lines[line - 1]!.replace(/\r$/, ''), `${where} quotes line ${line} as ${JSON.stringify(lineText)}, not ${JSON.stringify(lines[line - 1])}`);
    invariant(typeof issue.message === 'string' && issue.message.trim() !== '', 'an issue has no message');
    checkWords(`${issue.message} ${issue.hint ?? ''}`, text, where);
  }
}

function checkWords(output: string, input: string, what: string): void {
  for (const word of SUSPECT_WORDS) {
    invariant(!output.includes(word) || input.includes(word), `${what} says ${word}`);
  }
}

function checkProjection(scenario: ResolvedScenario, text: string): void {
  invariant(scenario.cases.length > 0, 'a resolved scenario has no case');
  const report = buildProjectReport([scenario], { samples: SAMPLES, seed: 1 });
  for (const [c, resolved] of report.scenarios[0]!.cases.map((c, i) => [c, scenario.cases[i]!] as const)) {
    const expected = resolved.input.years * PERIODS_PER_YEAR[resolved.input.step] + 1;
    invariant(c.rows.length === expected, `case ${c.name} has ${c.rows.length} rows, not ${expected}`);
  }
  // Free text (title, source) may say anything; figures may not.
  const texts = [scenario.title, scenario.source, scenario.notes, scenario.name, ...scenario.whatIf, ...scenario.cases.map((c) => c.name)]
    .filter((t): t is string => t !== null)
    .sort((a, b) => b.length - a.length);
  const scrub = (output: string): string => texts.reduce((out, t) => (t === '' ? out : out.split(t).join('')), output);

  checkCsv([...renderers.csv(report, OPTIONS)].join(''));
  checkJson([...renderers.json(report, OPTIONS)].join(''));
  const table = scrub([...renderers.table(report, OPTIONS)].join(''));
  checkWords(table, text, 'the table');
  invariant(!/[0-9][eE][+-]?[0-9]/.test(table), 'the table writes a figure with an exponent');
  const svg = [...renderers.svg(report, OPTIONS)].join('');
  invariant(XMLValidator.validate(svg) === true, `the SVG charts are not well-formed XML:\n${svg}`);
  invariant(!/\sd=""|NaN|Infinity/.test(scrub(svg)), 'the SVG charts have an empty path or a coordinate that is not a number');

  const check = buildCheckReport([scenario], []);
  checkWords(scrub(checkRenderers.text(check, OPTIONS)), text, 'the check text');
  const json = JSON.parse(checkRenderers.json(check, OPTIONS)) as { files: { expectations: { got: string; difference: string | null }[] }[] };
  for (const result of json.files.flatMap((f) => f.expectations)) {
    invariant(PLAIN_FIGURE.test(result.got), `check JSON writes got as ${result.got}`);
    invariant(result.difference === null || PLAIN_FIGURE.test(result.difference), `check JSON writes a difference of ${result.difference}`);
  }
  const junit = checkRenderers.junit(check, OPTIONS);
  invariant(XMLValidator.validate(junit) === true, `the JUnit report is not well-formed XML:\n${junit}`);
}

function checkCsv(csv: string): void {
  invariant(csv.endsWith('\r\n'), 'the CSV does not end with CRLF');
  const rows = parseCsv(csv, { relax_column_count: false }) as string[][];
  const header = rows[0]!;
  const textColumns = new Set(['scenario', 'case', 'period', 'unit', 'target_reached']);
  for (const row of rows.slice(1)) {
    row.forEach((cell, i) => {
      const column = header[i]!;
      if (textColumns.has(column)) {
        invariant(!FORMULA_START.test(cell), `CSV text cell ${column} = ${JSON.stringify(cell)} would run as a formula`);
      } else {
        invariant(cell === '' || PLAIN_FIGURE.test(cell), `CSV figure ${column} = ${cell.slice(0, 80)} is not a plain decimal`);
      }
    });
  }
}

const JSON_FIGURES = ['market_cap', 'utilization', 'tvl'] as const;

function checkJson(json: string): void {
  const document = JSON.parse(json) as { scenarios: { rows: Record<string, unknown>[]; target: Record<string, unknown> | null }[] };
  const figure = (value: unknown, what: string): void => invariant(value === null || (typeof value === 'string' && PLAIN_FIGURE.test(value)), `JSON ${what} is ${String(value).slice(0, 80)}`);
  for (const entry of document.scenarios) {
    for (const row of entry.rows) {
      for (const key of JSON_FIGURES) {
        figure(row[key], key);
      }
      const quantiles = row['quantiles'] as Record<string, unknown> | undefined;
      for (const [key, value] of Object.entries(quantiles ?? {})) {
        figure(value, `quantiles.${key}`);
      }
    }
    if (entry.target !== null) {
      for (const key of ['value', 'growth_needed', 'utilization_needed']) {
        figure(entry.target[key], `target.${key}`);
      }
    }
  }
}
