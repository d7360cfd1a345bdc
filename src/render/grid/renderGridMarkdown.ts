import type { D } from '../../engine/decimal.js';
import type { GridReport } from '../../report/gridTypes.js';
import { formatAmount, TABLE_DIGITS } from '../formatNumber.js';
import { escapeMarkdown, escapeMarkdownLine, markdownHead, markdownRow } from '../markdownText.js';
import type { GridRenderOptions } from './options.js';
import { axisLabel } from './renderGridTable.js';

/**
 * A grid as a GitHub-flavoured markdown table: which TVL as a heading, the scenario, case and
 * unit under it, then y down and x across, every cell right-aligned and rounded as in the table
 * (4 significant digits, or --digits). Written a row at a time, as the table is.
 */
export function* renderGridMarkdown(grid: GridReport, options: GridRenderOptions): Generator<string, void, undefined> {
  const { locale } = options;
  const digits = options.digits ?? TABLE_DIGITS;
  const cell = (value: D): string => formatAmount(value, grid.unit, locale, digits);
  const at = grid.at === null ? "each cell's last period" : grid.at;
  const details = [grid.scenario, grid.case === null ? null : `case ${grid.case}`, grid.unit].filter((part) => part !== null);
  const head = [`${grid.y.field} \\ ${grid.x.field}`, ...grid.x.values.map((value) => axisLabel(grid.x, value, grid.unit, locale))];
  yield `## ${escapeMarkdown(`TVL at ${at}`)}\n\n${escapeMarkdownLine(details.join(' · '))}\n\n${markdownHead(head, head.map((_, j) => (j === 0 ? 'left' : 'right')))}\n`;
  let j = 0;
  for (const row of grid.rows()) {
    yield `${markdownRow([axisLabel(grid.y, grid.y.values[j]!, grid.unit, locale), ...row.map(cell)])}\n`;
    j += 1;
  }
}
