/** The plotting area of a chart, in pixels from its top left corner. */
export interface Frame {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** A piece of a chart laid out top to bottom: its height, and its elements drawn from a given top. */
export interface Block {
  readonly height: number;
  readonly draw: (top: number) => string;
}

/** Blocks one under the other: the total height, and their elements. */
export function stackBlocks(blocks: readonly Block[], top = 0): { height: number; body: string } {
  let y = top;
  const parts: string[] = [];
  for (const block of blocks) {
    const drawn = block.draw(y);
    if (drawn !== '') {
      parts.push(drawn);
    }
    y += block.height;
  }
  return { height: y, body: parts.join('\n') };
}
