import { group } from './formatEnUs.js';
import type { Align } from './layoutTable.js';
import { escapeMarkdown, escapeMarkdownLine, markdownHead, markdownRow } from './markdownText.js';
import type { RenderOptions } from './options.js';
import type { CaseReport, ProjectReport, ScenarioReport } from '../report/types.js';
import { describeMarket, describeReferences, describeTarget, groupBySamePeriods, measureTable } from './renderTable.js';
import { solvedEndLines } from './solvedEndLines.js';
import { tableText } from './tableText.js';

/** Table rows handed on at once. */
const ROWS_PER_PIECE = 64;

/**
 * The tables of `btcfi project` as GitHub-flavoured markdown, for a pull request or a note: each
 * scenario's title a heading, its name, unit and source under it, then a table per group of cases
 * (periods left, figures right-aligned, the same cells as the terminal's table), and its price and
 * supply, targets and references as a list. Figures are rounded as in the table: 4 significant digits, or --digits.
 */
export function* renderMarkdown(report: ProjectReport, options: RenderOptions): Generator<string, void, undefined> {
  let separator = '';
  for (const scenario of report.scenarios) {
    yield separator;
    yield* renderScenario(scenario, options);
    separator = '\n\n';
  }
  yield '\n';
}

function* renderScenario(scenario: ScenarioReport, options: RenderOptions): Generator<string, void, undefined> {
  const text = tableText(options.locale);
  const details = [scenario.title === null ? null : scenario.name, scenario.unit, scenario.source].filter((part) => part !== null);
  const heading = [`## ${escapeMarkdown(scenario.title ?? scenario.name)}`, '', escapeMarkdownLine(details.join(' · '))];
  for (const line of solvedEndLines(scenario, { ...options, width: null })) {
    heading.push('', escapeMarkdownLine(line));
  }
  if (scenario.whatIf.length > 0) {
    heading.push('', `*${escapeMarkdown(`${text.whatIf}: ${scenario.whatIf.join(', ')}`)}*`);
  }
  const groups = groupBySamePeriods(scenario.cases);
  let before = `${heading.join('\n')}\n\n`;
  for (const cases of groups) {
    const caption = groups.length > 1 ? `**${escapeMarkdown(text.case)}** ${escapeMarkdown(cases.map((c) => c.name ?? '').join(', '))}\n\n` : '';
    yield before + caption;
    yield* renderCases(cases, scenario, options);
    before = '\n\n';
  }
}

function* renderCases(cases: readonly CaseReport[], scenario: ScenarioReport, options: RenderOptions): Generator<string, void, undefined> {
  const plain = { ...options, chartWidth: null };
  const { shape, header, cellsOf } = measureTable(cases, scenario, plain);
  const aligns: Align[] = header.map((_, j) => (j === 0 ? 'left' : 'right'));
  let piece = markdownHead(header, aligns);
  let count = 0;
  for (const line of shape.lines) {
    piece += `\n${markdownRow(cellsOf(line))}`;
    count += 1;
    if (count === ROWS_PER_PIECE) {
      yield piece;
      piece = '';
      count = 0;
    }
  }
  // describeTarget shows case names in their visible form; escaping leaves them so.
  const targets = [
    ...cases.flatMap((c, k) => describeMarket(c, shape.cases[k]!.ends, scenario, plain)),
    ...cases.flatMap((c) => (c.target === null ? [] : [describeTarget(c, shape.last, scenario, plain)])),
    ...describeReferences(cases, scenario, plain),
  ].map((line) => `- ${escapeMarkdownLine(line)}`);
  const sampled = cases.find((c) => c.simulation !== null)?.simulation ?? null;
  const note = sampled === null ? [] : [`*${escapeMarkdown(tableText(options.locale).sampled(group(String(sampled.samples)), sampled.seed))}*`];
  yield [piece, ...(targets.length > 0 ? ['', ...targets] : []), ...(note.length > 0 ? ['', ...note] : [])].join('\n');
}
