import { isAlias, isMap, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import { aliasTarget, keyText } from './toData.js';
import type { SourceSpan } from '../core/inputIssue.js';

export type IssuePath = readonly PropertyKey[];

/** Finds where a field of the input was written: a place in a file, or a command-line flag. */
export type Locator = (path: IssuePath, atKey?: boolean) => { readonly file: string; readonly span: SourceSpan | null };

/** Where in the text a zod issue path points: at a value, or at its key (for an unknown key). */
export interface NodeAtPath {
  readonly node: Node | null;
  readonly key: Node | null;
  /** False when the path ran out of the document and node is the deepest existing parent. */
  readonly found: boolean;
}

/** Each mapping's pairs by key text (the first of a key, as find() would), made once per mapping. */
const pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairAt(map: YAMLMap, key: string, doc: Document): Pair | undefined {
  let index = pairsByKey.get(map);
  if (index === undefined) {
    index = new Map();
    for (const pair of map.items) {
      const text = keyText(pair.key, doc);
      if (!index.has(text)) {
        index.set(text, pair);
      }
    }
    pairsByKey.set(map, index);
  }
  return index.get(key);
}

export function nodeAtPath(doc: Document, path: IssuePath): NodeAtPath {
  let node = (doc.contents as Node | null) ?? null;
  let key: Node | null = null;
  for (const segment of path) {
    const current = isAlias(node) ? ((aliasTarget(node, doc) as Node | undefined) ?? null) : node;
    if (isMap(current)) {
      // A file of thousands of unknown keys has thousands of issues: each is found at once.
      const pair = pairAt(current, String(segment), doc);
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
