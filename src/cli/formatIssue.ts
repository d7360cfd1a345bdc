import type { ChalkInstance } from 'chalk';
import type { ScenarioIssue } from '../scenario/issue.js';

/**
 * One issue in the form editors and CI can jump to, then the line with a caret under the
 * place, then a hint:
 *
 *   btcfi: error: scenarios/bull.yaml:4:16: utilization must be between 0% and 100% (got 140%)
 *     4 |   utilization: 140%
 *       |                ^^^^
 *   hint: ...
 */
export function formatIssue(issue: ScenarioIssue, chalk: ChalkInstance): string {
  const { span } = issue;
  const place = span === null ? issue.file : `${issue.file}:${span.line}:${span.column}`;
  const lines = [`${chalk.bold.red('btcfi: error:')} ${chalk.bold(`${place}:`)} ${issue.message}`];
  if (span !== null) {
    const gutter = String(span.line);
    const pad = ' '.repeat(gutter.length);
    const visible = span.lineText.replace(/\t/g, ' ');
    lines.push(`  ${chalk.dim(`${gutter} |`)} ${visible}`);
    lines.push(`  ${chalk.dim(`${pad} |`)} ${' '.repeat(span.column - 1)}${chalk.red('^'.repeat(span.length))}`);
  }
  if (issue.hint !== null) {
    lines.push(`${chalk.cyan('hint:')} ${issue.hint}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatUsageError(message: string, hint: string | null, chalk: ChalkInstance): string {
  return `${chalk.bold.red('btcfi: error:')} ${message}\n${hint === null ? '' : `${chalk.cyan('hint:')} ${hint}\n`}`;
}
