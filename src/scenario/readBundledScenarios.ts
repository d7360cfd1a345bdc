// A build step (build.mjs runs it): reads every bundled scenario as a run reads a file, and
// writes what it read beside the bundle (see scenarioReads.ts). A run on the bundled scenarios
// then takes each file's data from there as long as the file's text is the one read, and skips
// parsing YAML, most of the work of reading a small file. A file that does not read (a syntax
// error), or whose data JSON cannot carry, is left out: a run parses it, and reports its issues as for any file.
// Usage: node readBundledScenarios.cjs SCENARIO_DIR OUTPUT_JSON
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { SCENARIO_EXTENSIONS } from './loadScenarioTexts.js';
import { parseReadScenario, readScenarioText } from './parseScenario.js';
import { checkReferences } from './parseReferencesFile.js';
import { decodeChecked, encodeChecked } from './checkedData.js';
import { ok, type Result } from '../core/result.js';
import type { ScenarioReads } from './scenarioReads.js';

const [directory, output] = process.argv.slice(2);
if (directory === undefined || output === undefined) {
  throw new Error('usage: readBundledScenarios SCENARIO_DIR OUTPUT_JSON');
}
const reads: Record<string, ScenarioReads[string]> = {};
// The scenarios, and the files of references they include (references/), by their path in the folder.
for (const folder of ['', 'references/']) {
  let names: string[];
  try {
    names = readdirSync(join(directory, folder)).sort();
  } catch {
    continue;
  }
  for (const name of names) {
    if (!SCENARIO_EXTENSIONS.includes(extname(name).toLowerCase())) {
      continue;
    }
    const text = readFileSync(join(directory, folder, name), 'utf8');
    const read = readScenarioText(text, name);
    // Kept only when JSON carries the data exactly (a !!binary value, say, would not survive).
    if (read.ok && isDeepStrictEqual(JSON.parse(JSON.stringify(read.value.data)), read.value.data)) {
      const { data } = read.value;
      reads[`${folder}${name}`] = { text, data, ...checkedOf(folder === '' ? checkScenario(text, data, name) : checkReferences(data)) };
    }
  }
}
writeFileSync(output, `${JSON.stringify(reads)}\n`);

/** A scenario's data through the schema, as a run would check it. */
function checkScenario(text: string, data: object, name: string): Result<unknown, unknown> {
  const parsed = parseReadScenario(text, name, data);
  return parsed.ok ? ok(parsed.value.data) : parsed;
}

/**
 * What the schema made of a file's data, for a run to take instead of checking it again; none
 * for a file that does not pass (a run then reports its issues). The build fails if the written
 * form does not read back as the very same data.
 */
function checkedOf(checked: Result<unknown, unknown>): { checked?: unknown } {
  if (!checked.ok) {
    return {};
  }
  const written = JSON.parse(JSON.stringify(encodeChecked(checked.value))) as unknown;
  if (!isDeepStrictEqual(decodeChecked(written), checked.value)) {
    throw new Error('the checked data of a bundled file does not read back as it was');
  }
  return { checked: written };
}
