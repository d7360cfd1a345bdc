import type { CheckReport } from '../../report/checkTypes.js';
import type { RenderOptions } from '../options.js';
import { visible } from '../../core/visibleText.js';

/** `btcfi validate`'s result: a line for each valid file, with its scenario and how many checks it holds. */
export function renderValidText(report: CheckReport, { chalk }: Pick<RenderOptions, 'chalk'>): string {
  const lines = report.files
    .filter((file) => file.issues.length === 0)
    .map((file) => `${chalk.green('✓')} ${visible(file.file)} (${visible(file.scenario ?? '')}, ${plural(file.results.length, 'check')})`);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
