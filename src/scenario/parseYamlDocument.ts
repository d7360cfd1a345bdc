import { Composer, Lexer, Parser, YAMLParseError, type Document, type LineCounter } from 'yaml';

/**
 * How deep a scenario file may nest: collections, keys and values each count a level. A scenario
 * needs about ten (a distribution in a phase of a case); deeper is hostile input.
 */
export const MAX_NESTING = 64;

/**
 * How many lexical tokens (keys, values, punctuation, comments, line ends) a scenario file may
 * hold. A scenario has a few hundred; past this, parsing a megabyte of `- - - -` or of keys
 * would take seconds, and its data would be the size of a database.
 */
export const MAX_TOKENS = 100_000;

export class NestingLimitError extends Error {
  constructor(readonly offset: number) {
    super(`the file nests more than ${MAX_NESTING} levels deep`);
  }
}

export class TokenLimitError extends Error {
  constructor(readonly offset: number) {
    super(`the file holds more than ${MAX_TOKENS.toLocaleString('en-US')} YAML tokens`);
  }
}

/**
 * yaml's parseDocument, driven a lexical token at a time (the way yaml documents for a custom
 * lexer) so that a file is refused as soon as it nests deeper than MAX_NESTING or holds more
 * than MAX_TOKENS tokens. yaml's parser slows down with depth and its composer recurses: a
 * megabyte of `[[[[` took seconds and ended in a stack overflow. Throws NestingLimitError or
 * TokenLimitError; every other problem is in the document's errors.
 */
export function parseYamlDocument(source: string, lineCounter: LineCounter): Document.Parsed {
  // Line starts come from the text itself: yaml's parser reports no newline inside some tokens
  // (a key that runs over lines after a no-break space), which put later issues on wrong lines.
  lineCounter.addNewLine(0);
  for (let at = source.indexOf('\n'); at !== -1; at = source.indexOf('\n', at + 1)) {
    lineCounter.addNewLine(at + 1);
  }
  const parser = new Parser();
  function* tokens() {
    let count = 0;
    for (const lexeme of new Lexer().lex(source)) {
      count += 1;
      if (count > MAX_TOKENS) {
        throw new TokenLimitError(parser.offset);
      }
      yield* parser.next(lexeme);
      if (parser.stack.length > MAX_NESTING) {
        throw new NestingLimitError(parser.offset);
      }
    }
    yield* parser.end();
  }
  // Keys are checked once each in toData (see DuplicateKeyError): yaml's own check compares every
  // key of a mapping with every other.
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false });
  let doc: Document.Parsed | null = null;
  for (const next of composer.compose(tokens(), true, source.length)) {
    if (doc === null) {
      doc = next;
    } else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'a second document starts here; a scenario file holds one'));
      break;
    }
  }
  // compose(tokens, forceDoc) always ends with a document.
  return doc!;
}
