import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node } from 'yaml';

/** How many nodes aliases may expand to in one file, so that an alias bomb is refused at once. */
export const MAX_ALIAS_NODES = 10_000;

export class AliasLimitError extends Error {
  constructor(readonly node: Node) {
    super('aliases expand to too many nodes');
  }
}

/** An alias (`*base`) with no anchor (`&base`) before it. */
export class UnresolvedAliasError extends Error {
  constructor(readonly node: Alias) {
    super(`the alias *${node.source} names no anchor before it`);
  }
}

/** An alias inside the collection its anchor marks: `x: &a [*a]`. */
export class CyclicAliasError extends Error {
  constructor(readonly node: Alias) {
    super(`the alias *${node.source} is inside the value it repeats, so it never ends`);
  }
}

/**
 * The node each alias of a document stands for: the last node anchored with its name before it,
 * in document order, as yaml's Alias.resolve finds it. Alias.resolve walks the whole document
 * for every alias, so a file of many aliases took time that grew with their square; this map is
 * made in one walk.
 */
const aliasTargets = new WeakMap<Document, Map<Alias, unknown>>();

function targetsOf(doc: Document): Map<Alias, unknown> {
  let targets = aliasTargets.get(doc);
  if (targets === undefined) {
    const found = new Map<Alias, unknown>();
    const latest = new Map<string, unknown>();
    visit(doc, {
      Node: (_key, node) => {
        if (isAlias(node)) {
          found.set(node, latest.get(node.source));
        } else if (node.anchor !== undefined && node.anchor !== '') {
          latest.set(node.anchor, node);
        }
      },
    });
    targets = found;
    aliasTargets.set(doc, targets);
  }
  return targets;
}

/** What an alias stands for (the node of the last anchor of its name before it), or undefined. */
export function aliasTarget(alias: Alias, doc: Document): unknown {
  return targetsOf(doc).get(alias);
}

function resolveAlias(alias: Alias, doc: Document): unknown {
  const target = aliasTarget(alias, doc);
  if (target === undefined) {
    throw new UnresolvedAliasError(alias);
  }
  return target;
}

/**
 * The plain data of a YAML (or JSON) document, as zod will read it. Numbers come out as
 * their source text, so `12345678901234567891.25` keeps every digit; keys become own
 * properties (Object.fromEntries), so `__proto__` is only a key.
 */
export function toData(doc: Document): unknown {
  const budget = { left: MAX_ALIAS_NODES };
  return walk(doc.contents, doc, budget, null, new Set());
}

/**
 * `alias` is the alias (written in the file, outside any other) whose expansion this node is
 * part of, or null: an alias bomb is reported there. `open` holds the collections being walked,
 * from the root down: an alias to one of them is an alias inside its own anchor (`x: &a [*a]`),
 * which would expand for ever.
 */
function walk(node: unknown, doc: Document, budget: { left: number }, alias: Alias | null, open: Set<unknown>): unknown {
  if (alias !== null) {
    budget.left -= 1;
    if (budget.left < 0) {
      throw new AliasLimitError(alias);
    }
  }
  if (isAlias(node)) {
    const target = resolveAlias(node, doc);
    if (open.has(target)) {
      throw new CyclicAliasError(node);
    }
    return walk(target, doc, budget, alias ?? node, open);
  }
  if (isScalar(node)) {
    return scalarValue(node);
  }
  if (isMap(node) || isSeq(node)) {
    open.add(node);
    const data = isMap(node)
      ? Object.fromEntries(node.items.map((pair) => [keyText(pair.key, doc), walk(pair.value, doc, budget, alias, open)]))
      : node.items.map((item) => walk(item, doc, budget, alias, open));
    open.delete(node);
    return data;
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
  const target = isAlias(key) ? resolveAlias(key, doc) : key;
  if (isScalar(target)) {
    const value = scalarValue(target);
    return typeof value === 'string' ? value : String(value);
  }
  return String(target);
}
