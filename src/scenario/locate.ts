import { isAlias, isMap, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { keyText } from './toData.js';
import type { SourceSpan } from './issue.js';

export type IssuePath = readonly PropertyKey[];

/** Where in the text a zod issue path points: at a value, or at its key (for an unknown key). */
export interface NodeAtPath {
  readonly node: Node | null;
  readonly key: Node | null;
  /** False when the path ran out of the document and node is the deepest existing parent. */
  readonly found: boolean;
}

export function nodeAtPath(doc: Document, path: IssuePath): NodeAtPath {
  let node = (doc.contents as Node | null) ?? null;
  let key: Node | null = null;
  for (const segment of path) {
    const current = isAlias(node) ? (node.resolve(doc) as Node | undefined) ?? null : node;
    if (isMap(current)) {
      const pair = current.items.find((item) => keyText(item.key, doc) === String(segment));
      if (pair === undefined) {
        return { node: current, key, found: false };
      }
      key = (pair.key as Node | null) ?? null;
      node = (pair.value as Node | null) ?? key;
    } else if (isSeq(current) && typeof segment === 'number' && current.items[segment] !== undefined) {
      key = null;
      node = current.items[segment] as Node;
    } else {
      return { node: current, key, found: false };
    }
  }
  return { node, key, found: true };
}

/** The line, column and underline of a character range of the text. */
export function spanAt(text: string, lineCounter: LineCounter, start: number, end: number): SourceSpan {
  const { line } = lineCounter.linePos(Math.max(0, Math.min(start, text.length)));
  const lineStart = lineCounter.lineStarts[line - 1] ?? 0;
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd === -1) {
    lineEnd = text.length;
  }
  const lineText = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  // An offset past the end of its line (yaml names the end of input for some errors) is its end.
  const at = Math.max(lineStart, Math.min(start, lineStart + lineText.length));
  const length = Math.max(1, Math.min(end, lineStart + lineText.length) - at);
  return { line, column: at - lineStart + 1, length, lineText };
}

/** The span of a node (its value's range), or of the first character of the document. */
export function spanOfNode(text: string, lineCounter: LineCounter, node: Node | null): SourceSpan {
  const range = node?.range;
  if (range === undefined || range === null) {
    return spanAt(text, lineCounter, 0, 1);
  }
  return spanAt(text, lineCounter, range[0], range[1]);
}
