import type { ScenarioReport } from '../report/types.js';
import { visible } from '../core/visibleText.js';
import { formatAmount, plainFigure } from './formatNumber.js';
import type { RenderOptions } from './options.js';
import { tableText } from './tableText.js';

/**
 * A line under a table's title for each case that states its end instead of a growth: the growth
 * solved to reach it, in full (40 significant digits, as `btcfi solve growth` prints it), so it can
 * be pasted back as a growth.
 */
export function solvedEndLines(scenario: ScenarioReport, options: RenderOptions): string[] {
  const text = tableText(options.locale);
  return scenario.cases.flatMap((c) => {
    const solved = c.solvedEnd;
    if (solved === undefined || solved === null) {
      return [];
    }
    const rate = `${plainFigure(solved.growth.times(100))}%`;
    const end = formatAmount(solved.end, scenario.unit, options.locale);
    return [options.chalk.dim(text.solvedGrowth(c.name === null ? null : visible(c.name), rate, end, solved.period))];
  });
}
