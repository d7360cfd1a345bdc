import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';

/** How many nodes aliases may expand to in one file, so that an alias bomb is refused at once. */
export const MAX_ALIAS_NODES = 10_000;

export class AliasLimitError extends Error {
  constructor(readonly node: Node) {
    super('aliases expand to too many nodes');
  }
}

/**
 * The plain data of a YAML (or JSON) document, as zod will read it. Numbers come out as
 * their source text, so `12345678901234567891.25` keeps every digit; keys become own
 * properties (Object.fromEntries), so `__proto__` is only a key.
 */
export function toData(doc: Document): unknown {
  const budget = { left: MAX_ALIAS_NODES };
  return walk(doc.contents, doc, budget, false);
}

function walk(node: unknown, doc: Document, budget: { left: number }, inAlias: boolean): unknown {
  if (inAlias) {
    budget.left -= 1;
    if (budget.left < 0) {
      throw new AliasLimitError(node as Node);
    }
  }
  if (isAlias(node)) {
    return walk(node.resolve(doc), doc, budget, true);
  }
  if (isScalar(node)) {
    return scalarValue(node);
  }
  if (isMap(node)) {
    return Object.fromEntries(
      node.items.map((pair) => [keyText(pair.key, doc), walk(pair.value, doc, budget, inAlias)]),
    );
  }
  if (isSeq(node)) {
    return node.items.map((item) => walk(item, doc, budget, inAlias));
  }
  return null;
}

function scalarValue(node: { value: unknown; source?: string }): unknown {
  if (typeof node.value === 'number' || typeof node.value === 'bigint') {
    return node.source ?? String(node.value);
  }
  return node.value;
}

/** The text of a mapping key, as it is written. */
export function keyText(key: unknown, doc: Document): string {
  const target = isAlias(key) ? key.resolve(doc) : key;
  if (isScalar(target)) {
    const value = scalarValue(target);
    return typeof value === 'string' ? value : String(value);
  }
  return String(target);
}
