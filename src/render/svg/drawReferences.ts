import type { D } from '../../engine/decimal.js';
import type { ScenarioReport } from '../../report/types.js';
import type { Frame } from './frame.js';
import { REFERENCE_COLOUR } from './palette.js';
import type { SvgLine } from './svgOptions.js';
import { px } from './svgNumber.js';
import { fitText, svgText } from './svgText.js';

/**
 * The cases' targets as lines: one `Target` when every case with a target has the same, else
 * one per distinct target, naming its cases.
 */
export function targetLines(scenario: ScenarioReport): SvgLine[] {
  const byValue: { value: D; names: string[] }[] = [];
  for (const c of scenario.cases) {
    if (c.target === null) {
      continue;
    }
    const same = byValue.find((entry) => entry.value.eq(c.target!.value));
    if (same === undefined) {
      byValue.push({ value: c.target.value, names: [c.name ?? ''] });
    } else {
      same.names.push(c.name ?? '');
    }
  }
  return byValue.map(({ value, names }) => ({ label: byValue.length === 1 ? 'Target' : `Target (${names.join(', ')})`, value }));
}

const LABEL_FONT = 11;

/**
 * Each line dashed across the plot, its label and figure at the right end above it (below it
 * when that would run into the label of a line just above). Lines of the same figure share one,
 * and a line given twice is drawn once.
 */
export function drawReferences(lines: readonly SvgLine[], frame: Frame, y: (value: D) => number, amount: (value: D) => string): string {
  const merged: { value: D; labels: string[] }[] = [];
  for (const line of lines) {
    const same = merged.find((entry) => entry.value.eq(line.value));
    if (same === undefined) {
      merged.push({ value: line.value, labels: [line.label] });
    } else if (!same.labels.includes(line.label)) {
      same.labels.push(line.label);
    }
  }
  const placed = merged.map((entry) => ({ ...entry, at: y(entry.value) })).sort((a, b) => a.at - b.at);
  const right = frame.left + frame.width;
  const parts: string[] = [];
  let lastLabel = Number.NEGATIVE_INFINITY;
  for (const entry of placed) {
    parts.push(`<path class="reference" d="M${px(frame.left)} ${px(entry.at)}H${px(right)}" stroke="${REFERENCE_COLOUR}" stroke-width="1.5" stroke-dasharray="6 4" fill="none"/>`);
    const above = entry.at - 4;
    const labelY = above - lastLabel < LABEL_FONT + 2 || above - LABEL_FONT < frame.top ? entry.at + LABEL_FONT + 2 : above;
    lastLabel = labelY;
    const text = fitText(`${entry.labels.join(', ')} ${amount(entry.value)}`, frame.width - 8, LABEL_FONT);
    parts.push(svgText(right - 4, labelY, text, { size: LABEL_FONT, anchor: 'end', fill: REFERENCE_COLOUR, className: 'reference-label' }));
  }
  return parts.join('\n');
}
