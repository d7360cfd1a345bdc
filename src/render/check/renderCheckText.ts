import type { CheckReport } from '../../report/checkTypes.js';
import type { RenderOptions } from '../options.js';
import { describeBasis, describeDifference, describeNearMiss, describeResultGot, describeSubject, describeTarget } from './describeExpectation.js';
import { visible } from '../../core/visibleText.js';
import { wrapText } from '../wrapText.js';

/**
 * One line per expectation: a mark, what was checked, expected, got and the difference in
 * percent; then `N passed, N failed` last. Input problems are printed on stderr by the CLI.
 */
export function renderCheckText(report: CheckReport, options: RenderOptions): string {
  const { chalk, locale } = options;
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.issues.length > 0) {
      lines.push(...wrapText(`${chalk.yellow('!')} ${visible(file.file)}: not checked, ${file.issues.length === 1 ? 'an input problem' : `${file.issues.length} input problems`} (see above)`, options.width, '    '));
      continue;
    }
    for (const result of file.results) {
      const mark = result.passed ? chalk.green('✓') : chalk.red('✗');
      const difference = describeDifference(result.difference, locale);
      const got = describeResultGot(result, file.unit!, locale);
      // Wraps at spaces to fit the width, later lines indented under the subject.
      lines.push(
        ...wrapText(
          `${mark} ${describeSubject(file.scenario!, result)}: expected ${describeTarget(result.expectation.target, file.unit!, locale)}, got ${got}${difference}${describeBasis(result)}${describeNearMiss(result)}`,
          options.width,
          '    ',
        ),
      );
    }
  }
  const nothing = report.passed + report.failed + report.invalid === 0 ? ': no expectation was evaluated' : '';
  const summary = `${report.passed} passed, ${report.failed} failed${report.invalid > 0 ? `, ${report.invalid} invalid ${report.invalid === 1 ? 'file' : 'files'}` : ''}${nothing}`;
  lines.push(report.failed > 0 || report.invalid > 0 || nothing !== '' ? chalk.red(summary) : chalk.green(summary));
  return `${lines.join('\n')}\n`;
}
