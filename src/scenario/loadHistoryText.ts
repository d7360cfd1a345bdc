import { statSync } from 'node:fs';
import type { InputIssue } from '../core/inputIssue.js';
import { describeFsError, noteInputFile, STDIN_NAME } from './loadScenarioTexts.js';
import { readTextUpTo, sizeBeyond, type TextUpTo } from './readTextUpTo.js';
import { err, ok, type Result } from '../core/result.js';

/** History files are at most this big: a daily series over a century is about 1 MB. */
export const MAX_HISTORY_BYTES = 16 * 1024 * 1024;

/** The text of a history CSV, or `-` for standard input; the only place that reads one. */
export async function loadHistoryText(path: string, readStdin: (maxBytes: number) => Promise<TextUpTo>): Promise<Result<{ readonly file: string; readonly text: string }, InputIssue>> {
  const problem = (message: string, hint: string | null = null) => err({ file: path === '-' ? STDIN_NAME : path, span: null, message, hint });
  if (path === '-') {
    // Reading stops at the limit: an endless pipe is refused, not buffered.
    const read = await readStdin(MAX_HISTORY_BYTES);
    return 'moreThan' in read ? problem(tooLargeMessage(null)) : ok({ file: STDIN_NAME, text: read.text });
  }
  try {
    const info = statSync(path);
    if (info.isDirectory()) {
      return problem('is a directory', 'name a CSV file, or - for standard input');
    }
    if (info.size > MAX_HISTORY_BYTES) {
      return problem(tooLargeMessage(info.size));
    }
    // A device or a pipe has no size to check first: it is read up to the limit.
    const read = readTextUpTo(path, MAX_HISTORY_BYTES, info.size);
    noteInputFile(info);
    return 'moreThan' in read ? problem(tooLargeMessage(null)) : ok({ file: path, text: read.text });
  } catch (error) {
    return problem(describeFsError(error), (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'check the path; - reads standard input' : null);
  }
}

/** `bytes` null: reading stopped at the limit, and there is more. */
function tooLargeMessage(bytes: number | null): string {
  return `the history is ${sizeBeyond(bytes, MAX_HISTORY_BYTES)}; a history is at most ${MAX_HISTORY_BYTES.toLocaleString('en-US')} bytes (16 MiB)`;
}
