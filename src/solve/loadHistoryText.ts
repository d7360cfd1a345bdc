import { readFile, stat } from 'node:fs/promises';
import type { ScenarioIssue } from '../scenario/issue.js';
import { describeFsError, STDIN_NAME } from '../scenario/loadScenarioTexts.js';
import { err, ok, type Result } from '../scenario/result.js';

/** History files are at most this big: a daily series over a century is about 1 MB. */
export const MAX_HISTORY_BYTES = 16 * 1024 * 1024;

/** The text of a history CSV, or `-` for standard input; the only place that reads one. */
export async function loadHistoryText(path: string, readStdin: () => Promise<string>): Promise<Result<{ readonly file: string; readonly text: string }, ScenarioIssue>> {
  const problem = (message: string, hint: string | null = null) => err({ file: path === '-' ? STDIN_NAME : path, span: null, message, hint });
  if (path === '-') {
    const text = await readStdin();
    const bytes = Buffer.byteLength(text, 'utf8');
    return bytes > MAX_HISTORY_BYTES ? problem(tooLargeMessage(bytes)) : ok({ file: STDIN_NAME, text });
  }
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      return problem('is a directory', 'name a CSV file, or - for standard input');
    }
    if (info.size > MAX_HISTORY_BYTES) {
      return problem(tooLargeMessage(info.size));
    }
    return ok({ file: path, text: await readFile(path, 'utf8') });
  } catch (error) {
    return problem(describeFsError(error), (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'check the path; - reads standard input' : null);
  }
}

function tooLargeMessage(bytes: number): string {
  return `the history is ${bytes.toLocaleString('en-US')} bytes; a history is at most ${MAX_HISTORY_BYTES.toLocaleString('en-US')} bytes (16 MiB)`;
}
