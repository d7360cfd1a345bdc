import { displayWidth } from './displayWidth.js';

export type Align = 'left' | 'right';

/**
 * A borderless table: columns two spaces apart, each as wide as its widest cell, a rule under
 * the header, no trailing spaces. Widths are display widths (colour codes take none, Chinese
 * characters two), so coloured and zh-CN tables line up.
 */
export function layoutTable(head: readonly string[], rows: readonly (readonly string[])[], aligns: readonly Align[]): string {
  const widths = head.map((header, j) => Math.max(displayWidth(header), ...rows.map((cells) => displayWidth(cells[j] ?? ''))));
  return [layoutLine(head, widths, aligns), layoutRule(widths), ...rows.map((cells) => layoutLine(cells, widths, aligns))].join('\n');
}

/** One line of a table whose column widths are known: each cell padded to its width, two spaces apart, no trailing spaces. */
export function layoutLine(cells: readonly string[], widths: readonly number[], aligns: readonly Align[]): string {
  return cells
    .map((cell, j) => {
      const pad = ' '.repeat(widths[j]! - displayWidth(cell));
      return aligns[j] === 'right' ? pad + cell : cell + pad;
    })
    .join('  ')
    .replace(/ +$/, '');
}

/** The rule under a table's header. */
export function layoutRule(widths: readonly number[]): string {
  return widths.map((width) => '─'.repeat(width)).join('  ');
}
