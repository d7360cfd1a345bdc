import { visible } from '../core/visibleText.js';
import type { Align } from './layoutTable.js';

// GitHub-flavoured markdown, the pieces every markdown renderer shares: text from files is data,
// so it is escaped to show as itself (never a link, an image, HTML, maths or a table border).

/**
 * Text as markdown that shows it literally, inside a line (a table cell, after `## ` or `- `):
 * control and invisible characters as their visible escapes (`\x1b`), then a backslash before
 * every character markdown could act on: emphasis, code, links and images, HTML and entities,
 * table pipes, GitHub's `$` maths and `~` strikes, headings.
 */
export function escapeMarkdown(text: string): string {
  return visible(text).replace(/[\\`*_[\]{}<>|$&~#!]/g, '\\$&');
}

/** Text that starts a line (a paragraph, a list item's text) escaped as escapeMarkdown does, and a list, quote or heading marker it starts with too. */
export function escapeMarkdownLine(text: string): string {
  return escapeMarkdown(text)
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A table's delimiter cell for an alignment: figures right (`---:`), text left (`:---`). */
function delimiter(align: Align): string {
  return align === 'right' ? '---:' : ':---';
}

/** One row of a table: its cells escaped, between pipes. */
export function markdownRow(cells: readonly string[]): string {
  return `| ${cells.map(escapeMarkdown).join(' | ')} |`;
}

/** A table's header row and delimiter row. */
export function markdownHead(head: readonly string[], aligns: readonly Align[]): string {
  return `${markdownRow(head)}\n| ${aligns.map(delimiter).join(' | ')} |`;
}

/** A whole table: the header, the delimiter row, a row for each. */
export function markdownTable(head: readonly string[], aligns: readonly Align[], rows: Iterable<readonly string[]>): string {
  const lines = [markdownHead(head, aligns)];
  for (const row of rows) {
    lines.push(markdownRow(row));
  }
  return lines.join('\n');
}
