import type { ListReport } from '../../report/buildListReport.js';
import type { RenderOptions } from '../options.js';
import { JSON_VERSION } from '../renderJson.js';
import { renderSparkline } from '../chart/renderSparkline.js';
import { visible } from '../../core/visibleText.js';

export type ListFormat = 'table' | 'json';
export type ListRenderer = (report: ListReport, options: Pick<RenderOptions, 'chalk'>) => string;

/** Each scenario in a block: its name and title, its cases, expectations and unit with the shape of its first path, and its source. */
export function renderListTable(report: ListReport, { chalk }: Pick<RenderOptions, 'chalk'>): string {
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
    const lines = [`${chalk.bold(visible(entry.name).padEnd(width))}  ${visible(entry.title ?? '')}`, `${pad}${chalk.dim(counts)}${spark.length > 1 ? `  ${chalk.cyan(spark)}` : ''}`];
    if (entry.source !== null) {
      lines.push(`${pad}${chalk.dim(visible(entry.source))}`);
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
