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
import { readScenarioText } from './parseScenario.js';
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
      reads[`${folder}${name}`] = { text, data: read.value.data };
    }
  }
}
writeFileSync(output, `${JSON.stringify(reads)}\n`);
