import { displayWidth } from './displayWidth.js';

export type Align = 'left' | 'right';

/**
 * A borderless table: columns two spaces apart, each as wide as its widest cell, a rule under
 * the header, no trailing spaces. Widths are display widths (colour codes take none, Chinese
 * characters two), so coloured and zh-CN tables line up.
 */
export function layoutTable(head: readonly string[], rows: readonly (readonly string[])[], aligns: readonly Align[]): string {
  const widths = head.map((header, j) => Math.max(displayWidth(header), ...rows.map((cells) => displayWidth(cells[j] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, j) => {
        const pad = ' '.repeat(widths[j]! - displayWidth(cell));
        return aligns[j] === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .replace(/ +$/, '');
  return [line(head), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
