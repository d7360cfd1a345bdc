import { LineCounter, type Document } from 'yaml';
import type * as z from 'zod/mini';
import { describeZodIssue, fieldLabel, type DescribedIssue } from './describeZodIssue.js';
import type { InputIssue, SourceSpan } from '../core/inputIssue.js';
import { nodeAtPath, spanAt, spanOfNode, type IssuePath, type Locator } from './locate.js';
import { err, ok, type Result } from '../core/result.js';
import { CASE_NAME_MESSAGE, MODEL_KEYS, scenarioKeys, scenarioSchema, type ParsedScenario } from './schema.js';
import { AliasLimitError, CyclicAliasError, DuplicateKeyError, MappingLimitError, TagError, toData, UnresolvedAliasError } from './toData.js';
import { NestingLimitError, parseYamlDocument, TokenLimitError } from './parseYamlDocument.js';
import { resolveScenario } from './resolveScenario.js';
import { salvage } from './salvage.js';
import { expectationKeys } from './expectationSchema.js';
import { DISTRIBUTION_KEYS } from './fields.js';
import { innerKeysOf } from './fieldTable.js';
import { readJsonData } from './readJsonData.js';
import { REFERENCE_KEYS } from './referenceSchema.js';
import { SWEEP_KEYS } from './sweepSchema.js';

export type { Locator, ParsedScenario };

/** Which keys are allowed in the mapping at a path, for "did you mean" hints. */
export function knownKeysAt(path: IssuePath): readonly string[] {
  if (path.length === 0) {
    return scenarioKeys();
  }
  if (path[0] === 'cases' && path.length === 2) {
    return MODEL_KEYS;
  }
  if (path[0] === 'references' && path.length === 2) {
    return REFERENCE_KEYS;
  }
  if (path[0] === 'sweep' && path.length === 1) {
    return SWEEP_KEYS;
  }
  if (path[0] === 'expect') {
    return path.length === 2 ? expectationKeys() : ['at_least', 'at_most'];
  }
  const field = path.at(-1);
  if (field === 'rate') {
    return DISTRIBUTION_KEYS; // a phase's rate
  }
  if (innerKeysOf(field).length > 0) {
    return innerKeysOf(field);
  }
  if (path.at(-2) === 'growth') {
    return ['years', 'rate'];
  }
  return [];
}

/** A scenario file's text to its validated fields, or every issue found in it. Pure: the text is given. */
export function parseScenario(text: string, file: string): Result<ParsedScenario, InputIssue[]> {
  // A .json file is read by JSON.parse when it can be (readJsonData.ts); where is parsed only for an issue.
  const json = file.toLowerCase().endsWith('.json') ? readJsonData(text.replace(/^\uFEFF/, '')) : null;
  return json !== null ? parseReadScenario(text, file, json) : parseScenarioText(text, file);
}

/** parseScenario by the YAML route, for every file: the one that places issues. */
export function parseScenarioText(text: string, file: string): Result<ParsedScenario, InputIssue[]> {
  const read = readScenarioText(text, file);
  return read.ok ? checkScenarioData(read.value.data, file, read.value.locate) : read;
}

/**
 * The plain data of a scenario file's text (see toData.ts) and where each field was written, or
 * the issues that stop it being read at all (syntax, limits, not a mapping). Pure.
 */
export function readScenarioText(text: string, file: string): Result<{ readonly data: object; readonly locate: Locator }, InputIssue[]> {
  const lineCounter = new LineCounter();
  const source = text.replace(/^\uFEFF/, '');
  const issue = (span: SourceSpan | null, message: string, hint: string | null = null): InputIssue => ({ file, span, message, hint });
  // yaml reads a CR alone as a line break in some places and not in others; say so rather than
  // report the file as one long line.
  const loneCr = /\r(?!\n)/.exec(source);
  if (loneCr !== null) {
    const lineCount = new LineCounter();
    return err([issue(spanAt(source, parseLines(source, lineCount), loneCr.index, loneCr.index + 1), 'a line ends in a carriage return alone (CR)', 'save the file with LF or CRLF line ends')]);
  }
  let doc: Document.Parsed;
  try {
    doc = parseYamlDocument(source, lineCounter);
  } catch (error) {
    if (error instanceof NestingLimitError) {
      const at = Math.min(error.offset, Math.max(0, source.length - 1));
      return err([issue(spanAt(source, lineCounter, at, at + 1), error.message, 'a scenario needs only a few levels: name, cases, a case, its fields')]);
    }
    if (error instanceof TokenLimitError) {
      const at = Math.min(error.offset, Math.max(0, source.length - 1));
      return err([issue(spanAt(source, lineCounter, at, at + 1), `${error.message} (keys, values and punctuation)`, 'a scenario holds a few hundred: is this the right file?')]);
    }
    throw error;
  }

  if (file.toLowerCase().endsWith('.json')) {
    const jsonError = jsonSyntaxError(source);
    if (jsonError !== null) {
      return err([issue(spanAt(source, lineCounter, jsonError.offset, jsonError.offset + 1), jsonError.message)]);
    }
  }
  if (doc.errors.length > 0) {
    return err(
      doc.errors.map((error) =>
        issue(spanAt(source, lineCounter, error.pos[0], error.pos[1]), syntaxMessage(error.message), error.code === 'MULTIPLE_DOCS' ? 'write one scenario a file; remove the --- line and what follows, or move it to a file of its own' : null),
      ),
    );
  }
  if (doc.contents === null) {
    return err([issue(spanAt(source, lineCounter, 0, 1), 'the file is empty', 'a scenario needs at least a name, and tvl or market_cap with utilization')]);
  }

  let data: unknown;
  try {
    data = toData(doc);
  } catch (error) {
    if (error instanceof AliasLimitError) {
      return err([issue(spanOfNode(source, lineCounter, error.node), 'aliases expand to too many values', 'write the values out, or use fewer nested aliases')]);
    }
    if (error instanceof DuplicateKeyError) {
      const first = spanOfNode(source, lineCounter, error.first);
      return err([issue(spanOfNode(source, lineCounter, error.node), `${error.message} (first on line ${first.line})`, 'each key appears once in a mapping; an alias (*name) as a key counts as the key it repeats')]);
    }
    if (error instanceof MappingLimitError || error instanceof TagError) {
      return err([issue(spanOfNode(source, lineCounter, error.node), error.message, error instanceof TagError ? 'a scenario holds text, numbers, lists and mappings; remove the tag' : null)]);
    }
    if (error instanceof UnresolvedAliasError || error instanceof CyclicAliasError) {
      return err([issue(spanOfNode(source, lineCounter, error.node), error.message, 'an alias *name repeats a value marked &name earlier in the file')]);
    }
    throw error;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return err([issue(spanOfNode(source, lineCounter, doc.contents), 'a scenario file holds one mapping of keys, like name: and tvl:', null)]);
  }

  return ok({ data, locate: makeLocator(file, source, lineCounter, doc) });
}

/**
 * A scenario file's text whose data was read before, by readScenarioText (the bundled scenarios
 * are read when btcfi is built): validated as parseScenario would, without parsing the text
 * again unless an issue needs to say where its field was written.
 */
export function parseReadScenario(text: string, file: string, data: object): Result<ParsedScenario, InputIssue[]> {
  return checkScenarioData(data, file, lazyLocator(text, file));
}

/** Where a path of a file whose data was read before was written: found by parsing its text at the first question. */
export function lazyLocator(text: string, file: string): Locator {
  let located: Locator | null = null;
  return (path, atKey) => {
    if (located === null) {
      const read = readScenarioText(text, file);
      if (!read.ok) {
        throw new Error(`${file} no longer reads as it did when its data was read`);
      }
      located = read.value.locate;
    }
    return located(path, atKey);
  };
}

function checkScenarioData(data: object, file: string, locate: Locator): Result<ParsedScenario, InputIssue[]> {
  // zod's record skips a `__proto__` key without checking it; case names must not lose one silently.
  const cases = (data as Record<string, unknown>)['cases'];
  if (cases !== null && typeof cases === 'object' && Object.hasOwn(cases, '__proto__')) {
    return err([{ ...locate(['cases', '__proto__'], true), message: `cases.__proto__: ${CASE_NAME_MESSAGE}`, hint: null }]);
  }
  return parseScenarioData(data, file, locate);
}

/** Validates scenario data, already read from a file or assembled from flags, against the schema. */
export function parseScenarioData(data: unknown, file: string, locate: Locator, label = fieldLabel): Result<ParsedScenario, InputIssue[]> {
  const parsed = scenarioSchema().safeParse(data, { reportInput: true });
  if (parsed.success) {
    return ok({ file, data: parsed.data, locate });
  }
  const described = describeAll(parsed.error.issues, label);
  const issues = described.map((d) => toIssue(d, locate));
  // Every problem in one pass: with stand-ins for the fields that failed, the checks of the
  // whole scenario (units, phases, tvl beside market_cap) can still run.
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const salvaged = scenarioSchema().safeParse(salvage(data as Record<string, unknown>, described));
    if (salvaged.success) {
      const resolved = resolveScenario({ file, data: salvaged.data, locate });
      if (!resolved.ok) {
        issues.push(...resolved.error);
      }
    }
  }
  return err(issues);
}

/** zod's issues as btcfi's, each pointed at where its field was written. */
export function zodIssues(issues: readonly z.core.$ZodIssue[], locate: Locator, label = fieldLabel): InputIssue[] {
  return describeAll(issues, label).map((d) => toIssue(d, locate));
}

function describeAll(issues: readonly z.core.$ZodIssue[], label: (path: IssuePath) => string): DescribedIssue[] {
  return issues.flatMap((zodIssue) => describeZodIssue(zodIssue, knownKeysAt, label));
}

function toIssue(described: DescribedIssue, locate: Locator): InputIssue {
  return { ...locate(described.path, described.atKey), message: described.message, hint: described.hint };
}

function makeLocator(file: string, text: string, lineCounter: LineCounter, doc: Document): Locator {
  return (path, atKey = false) => {
    const { node, key, found } = nodeAtPath(doc, path);
    const span = spanOfNode(text, lineCounter, found && atKey ? key : node);
    // A missing key is pointed at where its mapping starts, with a single caret.
    return { file, span: found ? span : { ...span, length: 1 } };
  };
}

/**
 * YAML accepts what JSON does not (trailing commas, comments, single quotes), so a .json file
 * must also pass JSON.parse; its message names an offset we turn into a line and column.
 */
function jsonSyntaxError(text: string): { offset: number; message: string } | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const message = (error as Error).message;
    // Node's messages name the offset as "in JSON at position N" or "after JSON at position N".
    const position = / at position (\d+)/.exec(message);
    const offset = position !== null ? Number(position[1]) : /end of JSON input/.test(message) ? Math.max(0, text.length - 1) : 0;
    if (/non-whitespace character after JSON/.test(message)) {
      return { offset, message: 'invalid JSON: more text after the end of the JSON value' };
    }
    const clean = message.replace(/ (?:in|after) JSON at position \d+.*$/, '').replace(/, .*is not valid JSON$/s, '');
    return { offset, message: `invalid JSON: ${clean.charAt(0).toLowerCase()}${clean.slice(1)}` };
  }
}

/** A LineCounter with every line start of the text (LF only), as parseYamlDocument makes it. */
function parseLines(text: string, lineCounter: LineCounter): LineCounter {
  lineCounter.addNewLine(0);
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    lineCounter.addNewLine(at + 1);
  }
  return lineCounter;
}

function syntaxMessage(message: string): string {
  // yaml's message repeats the position and an excerpt after the first line; we print our own.
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}
