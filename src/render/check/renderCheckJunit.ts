import type { CheckReport, FileCheck } from '../../report/checkTypes.js';
import { plainFigure } from '../formatNumber.js';
import type { RenderOptions } from '../options.js';
import { describeBasis, describeDifference, describeNearMiss, describeResultGot, describeSubject, describeTarget } from './describeExpectation.js';
import { escapeCharacter, visible, visibleLines } from '../../core/visibleText.js';

/**
 * JUnit XML as CI systems read it: one testsuite per file, one testcase per expectation
 * (a <failure> when it failed); a file with input problems is one testcase with an <error>.
 */
export function renderCheckJunit(report: CheckReport, options: RenderOptions): string {
  const tests = report.files.reduce((sum, file) => sum + testCount(file), 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="btcfi check" tests="${tests}" failures="${report.failed}" errors="${report.invalid}">`,
  ];
  for (const file of report.files) {
    const failures = file.results.filter((result) => !result.passed).length;
    const errors = file.issues.length > 0 ? 1 : 0;
    lines.push(
      `  <testsuite name="${xml(file.file)}" tests="${testCount(file)}" failures="${failures}" errors="${errors}" skipped="0">`,
    );
    if (file.issues.length > 0) {
      const details = file.issues
        .map((issue) => `${issue.file}${issue.span === null ? '' : `:${issue.span.line}:${issue.span.column}`}: ${issue.message}${issue.hint === null ? '' : ` (hint: ${issue.hint})`}`)
        .join('\n');
      lines.push(`    <testcase classname="${xml(file.scenario ?? file.file)}" name="valid scenario file" file="${xml(file.file)}">`);
      lines.push(`      <error message="${xml(file.issues[0]!.message)}" type="input">${xmlLines(details)}</error>`);
      lines.push('    </testcase>');
    }
    for (const result of file.results) {
      const subject = describeSubject(file.scenario!, result);
      const expected = describeTarget(result.expectation.target, file.unit!, options.locale);
      const line = result.line === null ? '' : ` line="${result.line}"`;
      const testcase = `    <testcase classname="${xml(file.scenario!)}" name="${xml(`${subject} = ${expected}`)}" file="${xml(file.file)}"${line}`;
      if (result.passed) {
        lines.push(`${testcase}/>`);
      } else {
        lines.push(`${testcase}>`);
        const got = describeResultGot(result, file.unit!, options.locale);
        const difference = describeDifference(result.difference, options.locale);
        const message = `expected ${expected}, got ${got}${difference}${describeBasis(result)}${describeNearMiss(result)}`;
        lines.push(`      <failure message="${xml(message)}" type="expectation">${xmlLines(`${message}\nexact value: ${plainFigure(result.got)}`)}</failure>`);
        lines.push('    </testcase>');
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function testCount(file: FileCheck): number {
  return file.issues.length > 0 ? 1 : file.results.length;
}

/**
 * Text for an XML attribute, in its visible form: a control character (which XML 1.0 cannot
 * hold), a bidi override or a lone surrogate from a file is written as its escape (`\x1b`,
 * `\u202e`), so the report is valid XML and a CI page shows what the file held.
 */
function xml(text: string): string {
  return escapeXml(visible(text));
}

/** Text for XML content, line by line as xml() writes an attribute: its line feeds kept. */
function xmlLines(text: string): string {
  return escapeXml(visibleLines(text));
}

function escapeXml(text: string): string {
  return text
    .replace(/[\uFFFE\uFFFF]/g, escapeCharacter)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
