import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { ScenarioIssue } from './issue.js';

/** The text of one scenario file, named as the user named it (or `<stdin>`). */
export interface ScenarioText {
  readonly file: string;
  readonly text: string;
}

export const SCENARIO_EXTENSIONS = ['.yaml', '.yml', '.json'];
export const MAX_FILE_BYTES = 1024 * 1024;
export const STDIN_NAME = '<stdin>';

/**
 * Reads the scenario files behind the paths (and names those it cannot read): a file, a directory (its .yaml, .yml and .json
 * files, by name), or `-` for standard input. The only place that reads scenario files.
 */
export async function loadScenarioTexts(
  paths: readonly string[],
  readStdin: () => Promise<string>,
): Promise<{ readonly texts: ScenarioText[]; readonly issues: ScenarioIssue[] }> {
  const texts: ScenarioText[] = [];
  const issues: ScenarioIssue[] = [];
  const problem = (file: string, message: string, hint: string | null = null): void => {
    issues.push({ file, span: null, message, hint });
  };

  for (const path of paths) {
    if (path === '-') {
      texts.push({ file: STDIN_NAME, text: await readStdin() });
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch (error) {
      problem(path, describeFsError(error), (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'check the path; with no path, btcfi uses its bundled scenarios' : null);
      continue;
    }
    const files = isDirectory ? await scenarioFilesIn(path) : [path];
    if (files.length === 0) {
      problem(path, 'the directory holds no scenario files', `scenario files end in ${SCENARIO_EXTENSIONS.join(', ')}`);
    }
    for (const file of files) {
      try {
        const { size } = await stat(file);
        if (size > MAX_FILE_BYTES) {
          problem(file, `the file is ${size} bytes; scenario files are at most ${MAX_FILE_BYTES} bytes (1 MiB)`);
          continue;
        }
        texts.push({ file, text: await readFile(file, 'utf8') });
      } catch (error) {
        problem(file, describeFsError(error));
      }
    }
  }
  return { texts, issues };
}

async function scenarioFilesIn(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && SCENARIO_EXTENSIONS.includes(extname(entry.name).toLowerCase()))
    .map((entry) => entry.name)
    .sort()
    .map((name) => join(directory, name));
}

export function describeFsError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return (error as Error).message;
  }
}
