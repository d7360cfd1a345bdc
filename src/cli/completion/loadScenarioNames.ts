import { readdirSync } from 'node:fs';
import { BUNDLED_SCENARIOS } from '../../scenario/loadScenarios.js';

/**
 * The bundled scenarios' names, as `btcfi grid NAME` accepts them: the .yaml files of the
 * scenarios folder, in name order. None when the folder cannot be read.
 */
export async function loadScenarioNames(directory: string = BUNDLED_SCENARIOS): Promise<string[]> {
  try {
    const files = readdirSync(directory);
    return files
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => file.slice(0, -'.yaml'.length))
      .sort();
  } catch {
    return [];
  }
}
