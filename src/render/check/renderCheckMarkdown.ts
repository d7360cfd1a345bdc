import type { CheckReport } from '../../report/checkTypes.js';
import { escapeMarkdown, escapeMarkdownLine, markdownTable } from '../markdownText.js';
import type { RenderOptions } from '../options.js';
import { describeDifference, describeGot, describeTarget } from './describeExpectation.js';

/**
 * A check report as GitHub-flavoured markdown, ready for a CI job summary ($GITHUB_STEP_SUMMARY):
 * the count as a heading, a table of every expectation (what was checked, expected, got and the
 * difference, figures right-aligned), then each file that could not be checked with its problems.
 */
export function renderCheckMarkdown(report: CheckReport, options: RenderOptions): string {
  const { locale } = options;
  const summary = `${report.passed} passed, ${report.failed} failed${report.invalid > 0 ? `, ${report.invalid} invalid ${report.invalid === 1 ? 'file' : 'files'}` : ''}`;
  const parts = [`## ${report.failed > 0 || report.invalid > 0 ? '✗' : '✓'} btcfi check: ${escapeMarkdown(summary)}`];
  const rows = report.files.flatMap((file) =>
    file.results.map((result) => [
      result.passed ? '✓' : '✗',
      file.scenario!,
      result.case ?? '',
      result.expectation.period ?? '',
      result.expectation.field,
      describeTarget(result.expectation.target),
      describeGot(result.expectation.field, result.got, file.unit!, locale),
      describeDifference(result.difference, locale).trim().replace(/^\((.*)\)$/, '$1'),
    ]),
  );
  if (rows.length > 0) {
    const head = ['OK', 'Scenario', 'Case', 'Period', 'Field', 'Expected', 'Got', 'Difference'];
    parts.push(markdownTable(head, ['left', 'left', 'left', 'left', 'left', 'right', 'right', 'right'], rows));
  }
  const invalid = report.files.filter((file) => file.issues.length > 0);
  if (invalid.length > 0) {
    const lines = invalid.flatMap((file) => [
      `- **${escapeMarkdown(file.file)}**: not checked, ${file.issues.length === 1 ? 'an input problem' : `${file.issues.length} input problems`}`,
      ...file.issues.map((issue) => {
        const place = `${issue.file}${issue.span === null ? '' : `:${issue.span.line}:${issue.span.column}`}`;
        return `  - ${escapeMarkdownLine(`${place}: ${issue.message}${issue.hint === null ? '' : ` (hint: ${issue.hint})`}`)}`;
      }),
    ]);
    parts.push(lines.join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
