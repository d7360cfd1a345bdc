/**
 * How long a text readJsonData takes: a scenario is a few hundred bytes; a longer text takes the
 * YAML route, which counts its tokens (MAX_TOKENS) and so reports one too large the same way.
 */
export const MAX_FAST_LENGTH = 16 * 1024;

/** How deep readJsonData nests: well within the YAML route's MAX_NESTING (keys and values count too). */
export const MAX_FAST_DEPTH = 16;

/** A JSON number token, as JSON writes it: `01`, `1.` and `+1` are not. */
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$/;

/**
 * The plain data of a scenario file written in JSON, exactly as readScenarioText gives it by the
 * YAML route (toData.ts): every number as its source text (`1.50`, `1e400`), `true`, `false` and
 * `null` as themselves, every key an own property (`__proto__` too). Null when the text is
 * anything but a valid JSON object with unique keys, short and shallow and with no lone CR (as
 * YAML reads line ends): it then takes the YAML route, which finds and places every issue.
 *
 * Bare number tokens are quoted (their text needs no escaping), so JSON.parse keeps their digits;
 * a scan of the text does that, checks each number and the keys of each object, and JSON.parse
 * checks the rest.
 */
export function readJsonData(text: string): object | null {
  if (text.length > MAX_FAST_LENGTH) {
    return null;
  }
  // Key sets of the open collections, innermost last (null for an array).
  const open: (Set<string> | null)[] = [];
  let quoted = '';
  let copiedTo = 0;
  let first = true;
  let at = 0;
  const end = text.length;
  while (at < end) {
    const code = text.charCodeAt(at);
    if (code === 0x20 || code === 0x0a || code === 0x09) {
      at += 1;
      continue;
    }
    if (code === 0x0d) {
      if (text.charCodeAt(at + 1) !== 0x0a) {
        return null;
      }
      at += 2;
      continue;
    }
    if (first && code !== 0x7b) {
      return null; // a scenario is an object
    }
    first = false;
    if (code === 0x22) {
      const close = stringEnd(text, at);
      if (close < 0) {
        return null;
      }
      const keys = open.at(-1);
      if (keys !== null && keys !== undefined && followedByColon(text, close)) {
        const raw = text.slice(at + 1, close - 1);
        const key = raw.includes('\\') ? decodeString(text.slice(at, close)) : raw;
        if (key === null || keys.has(key)) {
          return null;
        }
        keys.add(key);
      }
      at = close;
      continue;
    }
    if (code === 0x2d || (code >= 0x30 && code <= 0x39)) {
      let stop = at + 1;
      while (stop < end && isNumberChar(text.charCodeAt(stop))) {
        stop += 1;
      }
      const token = text.slice(at, stop);
      if (!JSON_NUMBER.test(token)) {
        return null;
      }
      quoted += `${text.slice(copiedTo, at)}"${token}"`;
      copiedTo = stop;
      at = stop;
      continue;
    }
    if (code === 0x7b || code === 0x5b) {
      open.push(code === 0x7b ? new Set() : null);
      if (open.length > MAX_FAST_DEPTH) {
        return null;
      }
    } else if (code === 0x7d || code === 0x5d) {
      open.pop();
    }
    at += 1;
  }
  let data: unknown;
  try {
    data = JSON.parse(copiedTo === 0 ? text : quoted + text.slice(copiedTo));
  } catch {
    return null;
  }
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? data : null;
}

/** Where the string that opens at `at` ends (after its closing quote), or -1 when it does not. */
function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x5c) {
      i += 1;
    } else if (code === 0x22) {
      return i + 1;
    }
  }
  return -1;
}

function followedByColon(text: string, at: number): boolean {
  let i = at;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x0a && code !== 0x09 && code !== 0x0d) {
      return code === 0x3a;
    }
    i += 1;
  }
  return false;
}

function decodeString(token: string): string | null {
  try {
    return JSON.parse(token) as string;
  } catch {
    return null;
  }
}

function isNumberChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2d || code === 0x2b || code === 0x65 || code === 0x45;
}
