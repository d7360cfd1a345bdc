import { readdirSync, statSync, type Stats } from 'node:fs';
import { extname, join } from 'node:path';
import type { InputIssue } from '../core/inputIssue.js';
import { readTextUpTo, sizeBeyond, type TextUpTo } from './readTextUpTo.js';

/** The text of one scenario file, named as the user named it (or `<stdin>`). */
export interface ScenarioText {
  readonly file: string;
  readonly text: string;
}

export const SCENARIO_EXTENSIONS = ['.yaml', '.yml', '.json'];
export const MAX_FILE_BYTES = 1024 * 1024;
export const STDIN_NAME = '<stdin>';

/**
 * The files read as input during this run, by device and inode (so a link or another spelling
 * of a path is the same file): `--output` refuses to replace one of them. Reset at the start of
 * every run.
 */
const inputFiles = new Set<string>();

/** Notes a file as an input of this run (scenario files and history CSVs). */
export function noteInputFile(stats: Pick<Stats, 'dev' | 'ino'>): void {
  inputFiles.add(`${stats.dev}:${stats.ino}`);
}

/** Whether the file with these stats was read as an input of this run. */
export function isInputFile(stats: Pick<Stats, 'dev' | 'ino'>): boolean {
  return inputFiles.has(`${stats.dev}:${stats.ino}`);
}

/** Forgets the inputs of an earlier run (runs in one process, as tests make them). */
export function forgetInputFiles(): void {
  inputFiles.clear();
}

/**
 * Reads the scenario files behind the paths (and names those it cannot read): a file, a directory (its .yaml, .yml and .json
 * files, by name), or `-` for standard input. The only place that reads scenario files.
 */
export async function loadScenarioTexts(
  paths: readonly string[],
  readStdin: (maxBytes: number) => Promise<TextUpTo>,
): Promise<{ readonly texts: ScenarioText[]; readonly issues: InputIssue[] }> {
  const texts: ScenarioText[] = [];
  const issues: InputIssue[] = [];
  const problem = (file: string, message: string, hint: string | null = null): void => {
    issues.push({ file, span: null, message, hint });
  };

  // Standard input can be read once: a second `-` gets the same text (and so a duplicate name).
  // Reading stops at the limit: an endless pipe is refused, not buffered.
  let stdin: Promise<TextUpTo> | null = null;
  for (const path of paths) {
    if (path === '-') {
      const read = await (stdin ??= readStdin(MAX_FILE_BYTES));
      if ('moreThan' in read) {
        problem(STDIN_NAME, tooLargeMessage(null), 'pass a smaller scenario; one scenario takes a few hundred bytes');
        continue;
      }
      texts.push({ file: STDIN_NAME, text: read.text });
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
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
        const stats = statSync(file);
        if (stats.isDirectory()) {
          problem(file, 'is a symbolic link to a directory', 'btcfi reads the scenario files of a directory, not of the directories within it: name that directory itself');
          continue;
        }
        const { size } = stats;
        // A device or a pipe has no size to check first: it is read up to the limit.
        const read = size > MAX_FILE_BYTES ? null : readTextUpTo(file, MAX_FILE_BYTES, size, stats.isFile());
        if (read === null || 'moreThan' in read) {
          problem(file, tooLargeMessage(read === null ? size : null), 'a scenario file takes a few hundred bytes: is this the right file?');
          continue;
        }
        noteInputFile(stats);
        texts.push({ file, text: read.text });
      } catch (error) {
        problem(file, describeFsError(error));
      }
    }
  }
  return { texts, issues };
}

/**
 * The scenario files of a directory, by name: its files and its symbolic links named like
 * scenario files (a link is read as the file it points to; a link to a directory, a dangling
 * link or a link loop is then reported with its path).
 */
async function scenarioFilesIn(directory: string): Promise<string[]> {
  const entries = readdirSync(directory, { withFileTypes: true });
  return entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && SCENARIO_EXTENSIONS.includes(extname(entry.name).toLowerCase()))
    .map((entry) => entry.name)
    .sort()
    .map((name) => join(directory, name));
}

/** `bytes` null: reading stopped at the limit, and there is more. */
function tooLargeMessage(bytes: number | null): string {
  return `the input is ${sizeBeyond(bytes, MAX_FILE_BYTES)}; a scenario file is at most ${MAX_FILE_BYTES.toLocaleString('en-US')} bytes (1 MiB)`;
}

/** A file system error in a few words, for `cannot write FILE: ...` and `FILE: ...` messages. */
export function describeFsError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | null)?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links (a link that leads back to itself?)';
    case 'EBUSY':
      return 'the file is in use by the system (a mount point or the root folder?)';
    case 'EBADF':
      return 'the descriptor is closed';
    case 'EXDEV':
      return 'the file is on another file system than its folder';
    case 'ETXTBSY':
      return 'the file is a program being run';
    case 'EEXIST':
      return 'the file exists';
    case 'EFBIG':
      return 'the file is too large for the file system';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EIO':
      return 'an input/output error';
    case 'EPIPE':
      return 'the reader of the pipe has gone';
    default: {
      // Node's wording is "CODE: what happened, syscall 'path'": keep what happened.
      const message = error instanceof Error ? error.message : String(error);
      const words = /^[A-Z][A-Z0-9_]+: ([^,]+)/.exec(message);
      return words === null ? message : words[1]!;
    }
  }
}
