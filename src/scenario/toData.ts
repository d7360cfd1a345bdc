import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node, type YAMLMap } from 'yaml';

/** How many nodes aliases may expand to in one file, so that an alias bomb is refused at once. */
export const MAX_ALIAS_NODES = 10_000;

export class AliasLimitError extends Error {
  constructor(readonly node: Node) {
    super('aliases expand to too many nodes');
  }
}

/** A limit of a mapping's keys, at the node that passes it. */
export class MappingLimitError extends Error {
  constructor(readonly node: Node, message: string) {
    super(message);
  }
}

/** How many keys one mapping may hold: a scenario's largest (its cases) holds at most 100. */
export const MAX_KEYS_PER_MAPPING = 1_000;

/** How long a key may be: btcfi's keys and case names are short words. */
export const MAX_KEY_LENGTH = 200;

/** The YAML tags a scenario may name: text, numbers, booleans, null, lists and mappings. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

/**
 * A key written twice in one mapping, directly or through an alias (`&k tvl: 1B` ... `*k : 999B`).
 * Checked here, once per key, instead of by yaml's composer, whose check compares every key with
 * every other (a megabyte of keys took 55 s) and does not see through aliases.
 */
export class DuplicateKeyError extends Error {
  constructor(readonly node: Node, readonly first: Node, key: string) {
    super(`the key '${shortText(key)}' is written twice in this mapping`);
  }
}

/** A tag btcfi does not read (`!!binary`, `!!timestamp`, a local `!thing`). */
export class TagError extends Error {
  constructor(readonly node: Node, tag: string) {
    super(`the tag ${tag.replace(/^tag:yaml\.org,2002:/, '!!')} is not supported here`);
  }
}

/** Text cut to 40 characters for a message. */
function shortText(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
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
  const tag = (node as { tag?: string } | null)?.tag;
  if (tag !== undefined && !PLAIN_TAGS.has(tag)) {
    throw new TagError(node as Node, tag);
  }
  if (isScalar(node)) {
    return scalarValue(node);
  }
  if (isMap(node) || isSeq(node)) {
    open.add(node);
    const data = isMap(node) ? mapData(node, doc, budget, alias, open) : node.items.map((item) => walk(item, doc, budget, alias, open));
    open.delete(node);
    return data;
  }
  return null;
}

/** A mapping's data, its keys checked: each key text once, at most MAX_KEYS_PER_MAPPING of them, each at most MAX_KEY_LENGTH long. */
function mapData(node: YAMLMap, doc: Document, budget: { left: number }, alias: Alias | null, open: Set<unknown>): object {
  if (node.items.length > MAX_KEYS_PER_MAPPING) {
    const past = node.items[MAX_KEYS_PER_MAPPING]!;
    throw new MappingLimitError((past.key as Node | null) ?? node, `this mapping holds ${node.items.length.toLocaleString('en-US')} keys; a mapping holds at most ${MAX_KEYS_PER_MAPPING.toLocaleString('en-US')}`);
  }
  const seen = new Map<string, Node>();
  const entries: [string, unknown][] = [];
  for (const pair of node.items) {
    const keyNode = (pair.key as Node | null) ?? node;
    const target = isAlias(pair.key) ? resolveAlias(pair.key, doc) : pair.key;
    if (target !== null && !isScalar(target)) {
      throw new MappingLimitError(keyNode, 'a key must be plain text, not a list or a mapping');
    }
    const key = keyText(pair.key, doc);
    if (key.length > MAX_KEY_LENGTH) {
      throw new MappingLimitError(keyNode, `a key of ${key.length.toLocaleString('en-US')} characters is too long; keys are at most ${MAX_KEY_LENGTH}`);
    }
    const first = seen.get(key);
    if (first !== undefined) {
      throw new DuplicateKeyError(keyNode, first, key);
    }
    seen.set(key, keyNode);
    entries.push([key, walk(pair.value, doc, budget, alias, open)]);
  }
  return Object.fromEntries(entries);
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
