import type { ListReport } from '../../report/buildListReport.js';
import type { RenderOptions } from '../options.js';
import { JSON_VERSION } from '../renderJson.js';
import { renderSparkline } from '../chart/renderSparkline.js';
import { visible } from '../../core/visibleText.js';
import { wrapText } from '../wrapText.js';
import { displayWidth } from '../displayWidth.js';

export type ListFormat = 'table' | 'json';
export type ListRenderer = (report: ListReport, options: Pick<RenderOptions, 'chalk' | 'width'>) => string;

/**
 * Each scenario in a block: its name and title, its cases, expectations and unit with the shape of its first path, and its source.
 * Lines wrap at spaces to fit the width, continued under the title.
 */
export function renderListTable(report: ListReport, { chalk, width: columns }: Pick<RenderOptions, 'chalk' | 'width'>): string {
  const entries = report.scenarios;
  const width = Math.max(...entries.map((entry) => visible(entry.name).length));
  const pad = ' '.repeat(width + 2);
  const blocks = entries.map((entry) => {
    // The shape of the first case's TVL path, one block a period.
    const spark = renderSparkline(entry.firstPath(), 24);
    const counts = [
      entry.cases.length === 0 ? 'no cases' : `cases ${entry.cases.map(visible).join(', ')}`,
      `${entry.expectations} ${entry.expectations === 1 ? 'expectation' : 'expectations'}`,
      entry.unit,
    ].join(' · ');
    const room = columns == null ? null : Math.max(1, columns - pad.length);
    const fit = (text: string, colour: (line: string) => string): string[] => wrapText(text, room).map(colour);
    const [titleFirst, ...titleRest] = fit(visible(entry.title ?? ''), (line) => line);
    const countLines = fit(counts, (line) => chalk.dim(line));
    if (spark.length > 1) {
      const last = counts.length === 0 ? 0 : displayWidth(countLines.at(-1)!);
      if (room === null || last + 2 + spark.length <= room) {
        countLines[countLines.length - 1] += `  ${chalk.cyan(spark)}`;
      } else {
        countLines.push(chalk.cyan(spark));
      }
    }
    const lines = [`${chalk.bold(visible(entry.name).padEnd(width))}  ${titleFirst}`, ...[...titleRest, ...countLines].map((line) => pad + line)];
    if (entry.source !== null) {
      lines.push(...fit(visible(entry.source), (line) => pad + chalk.dim(line)));
    }
    return lines.join('\n');
  });
  return `${blocks.join('\n')}\n`;
}

/** The scenarios as one JSON document. */
export function renderListJson(report: ListReport): string {
  const scenarios = report.scenarios.map(({ name, title, source, file, unit, cases, expectations }) => ({ name, title, source, file, unit, cases, expectations }));
  return `${JSON.stringify({ btcfi: JSON_VERSION, scenarios }, null, 2)}\n`;
}

export const listRenderers = { table: renderListTable, json: renderListJson } as const satisfies Record<ListFormat, ListRenderer>;

export const LIST_FORMATS = Object.keys(listRenderers) as ListFormat[];
