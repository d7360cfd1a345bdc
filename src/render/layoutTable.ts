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

/** Columns between two cells. */
const GAP = 2;

/**
 * The columns of a table too wide for `width`, in blocks stacked one under another, each
 * repeating the first column (the period, the label) and fitting the width: column indexes
 * (from 1) in their order, never a cell cut. `units` are runs of columns kept in one block
 * where they fit together (a case's TVL and change); a column wider than the width alone has
 * a block of its own. With a null width, or when everything fits, one block.
 */
export function fitColumns(widths: readonly number[], width: number | null | undefined, units: readonly (readonly number[])[] = widths.slice(1).map((_, j) => [j + 1])): number[][] {
  const cost = (columns: readonly number[]): number => columns.reduce((sum, j) => sum + GAP + widths[j]!, 0);
  const blocks: number[][] = [];
  let block: number[] = [];
  let used = widths[0]!;
  const close = (): void => {
    if (block.length > 0) {
      blocks.push(block);
    }
    block = [];
    used = widths[0]!;
  };
  for (const unit of units) {
    if (width != null && used + cost(unit) > width) {
      close();
    }
    if (width == null || used + cost(unit) <= width) {
      block.push(...unit);
      used += cost(unit);
      continue;
    }
    // A unit wider than a block: its columns one by one.
    for (const j of unit) {
      if (block.length > 0 && used + cost([j]) > width) {
        close();
      }
      block.push(j);
      used += cost([j]);
    }
  }
  close();
  return blocks.length === 0 ? [[]] : blocks;
}
