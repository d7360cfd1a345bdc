import type { ChalkInstance } from 'chalk';
import type { InputIssue } from '../core/inputIssue.js';
import { visible } from '../core/visibleText.js';
import { excerptLine } from './excerptLine.js';

/**
 * One issue in the form editors and CI can jump to, then the line with a caret under the
 * place (a window of it, when the line is too long for a terminal), then a hint:
 *
 *   btcfi: error: scenarios/bull.yaml:4:16: utilization must be between 0% and 100% (got 140%)
 *     4 |   utilization: 140%
 *       |                ^^^^
 *   hint: ...
 *
 * The file name, the message and the hint are shown in their visible form: a value a file wrote
 * (ESC, CR, a bidi override) is quoted as escapes, never sent to the terminal.
 */
export function formatIssue(issue: InputIssue, chalk: ChalkInstance): string {
  const { span } = issue;
  const file = visible(issue.file);
  const place = span === null ? file : `${file}:${span.line}:${span.column}`;
  const lines = [`${chalk.bold.red('btcfi: error:')} ${chalk.bold(`${place}:`)} ${visible(issue.message)}`];
  if (span !== null) {
    const gutter = String(span.line);
    const pad = ' '.repeat(gutter.length);
    const excerpt = excerptLine(span.lineText, span.column - 1, span.column - 1 + span.length);
    lines.push(`  ${chalk.dim(`${gutter} |`)} ${excerpt.text}`);
    lines.push(`  ${chalk.dim(`${pad} |`)} ${' '.repeat(excerpt.pad)}${chalk.red('^'.repeat(excerpt.carets))}`);
  }
  if (issue.hint !== null) {
    lines.push(`${chalk.cyan('hint:')} ${visible(issue.hint)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatUsageError(message: string, hint: string | null, chalk: ChalkInstance): string {
  return `${chalk.bold.red('btcfi: error:')} ${visible(message)}\n${hint === null ? '' : `${chalk.cyan('hint:')} ${visible(hint)}\n`}`;
}
