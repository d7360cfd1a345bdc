// Output written a piece at a time, for results too large to build as one string (`btcfi grid`,
// `btcfi project`).
// Pieces are gathered into batches; a batch goes out only once the stream has room for it
// ('drain'), so memory stays flat however slowly the reader reads.
// node:fs's promises, not node:fs/promises: loaded when a file is first written, not by every run.
import { constants, promises as fs, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isInputFile } from '../scenario/loadScenarioTexts.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

export interface OutputSink {
  /** Queues text; resolves when more may be written (at once, or once the stream has drained). */
  readonly write: (text: string) => Promise<void>;
  /** Writes what is queued and completes the output: for a file, flushes it and renames it into place. */
  readonly finish: () => Promise<void>;
  /** Gives up after a failure: for a file, removes the temporary file and leaves the target as it was. */
  readonly abort: () => Promise<void>;
}

/** Output up to this size is written whole, at the end, rather than streamed. */
export const WHOLE_OUTPUT_CHARS = 1024 * 1024;

/** Characters gathered before a write: big enough that per-write costs vanish, small enough to stay flat. */
export const BATCH_CHARS = 64 * 1024;

/** A sink over a batch writer; `send` returns once the batch has been accepted. */
function batching(send: (batch: string) => Promise<void>, complete: () => Promise<void>, abort: () => Promise<void>): OutputSink {
  let parts: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (parts.length === 0) {
      return;
    }
    const batch = parts.join('');
    parts = [];
    size = 0;
    await send(batch);
  };
  return {
    write: async (text) => {
      parts.push(text);
      size += text.length;
      if (size >= BATCH_CHARS) {
        await flush();
      }
    },
    finish: async () => {
      await flush();
      await complete();
    },
    abort: async () => {
      parts = [];
      size = 0;
      await abort();
    },
  };
}

/** Resolves when the stream has room again, or is gone (its error is handled by whoever owns it). */
function roomIn(stream: NodeJS.WritableStream & { readonly writableNeedDrain?: boolean }): Promise<void> {
  if (stream.writableNeedDrain === false) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}

/** Writes to a stream, waiting for 'drain' whenever write() says its buffer is full. */
export function makeStreamSink(stream: NodeJS.WritableStream): OutputSink {
  return batching(
    async (batch) => {
      if (!stream.write(batch)) {
        await roomIn(stream);
      }
    },
    async () => {},
    async () => {},
  );
}

/** Standard output, with backpressure when Io has the stream behind it (the real CLI does). */
export function makeStdoutSink(io: Io): OutputSink {
  if (io.stdoutStream !== null) {
    return makeStreamSink(io.stdoutStream);
  }
  return batching(
    async (batch) => {
      io.stdout(batch);
    },
    async () => {},
    async () => {},
  );
}

export interface FileSinkOptions {
  /** Refuse to replace an existing file (finish() then fails with EEXIST and the file is left as it was). */
  readonly exclusive?: boolean;
}

/** How to give up each file sink not yet finished: removing its temporary file. */
const unfinished = new Set<() => Promise<void>>();

/** Told when the first file sink opens (true) and when the last is finished or given up (false). */
let watcher: ((open: boolean) => void) | null = null;

/**
 * Has `listener` told whenever there comes to be an unfinished file sink, and when there is none
 * any more: for the process glue, which listens for SIGINT and SIGTERM only while there is a
 * temporary file to remove (a listener would otherwise keep an interrupt from ending a long
 * computation at once). One listener; a second replaces the first.
 */
export function watchOpenSinks(listener: (open: boolean) => void): void {
  watcher = listener;
}

function track(discard: () => Promise<void>): void {
  unfinished.add(discard);
  if (unfinished.size === 1) {
    watcher?.(true);
  }
}

function untrack(discard: () => Promise<void>): void {
  if (unfinished.delete(discard) && unfinished.size === 0) {
    watcher?.(false);
  }
}

/**
 * Gives up every file sink not yet finished, removing their temporary files: for the process
 * glue to call when the run is interrupted (SIGINT, SIGTERM), before the process ends. Targets
 * stay as they were. (SIGKILL cannot be caught; its temporary file stays behind, hidden.)
 */
export async function abortOpenSinks(): Promise<void> {
  await Promise.all([...unfinished].map((discard) => discard().catch(() => {})));
}

/** The hidden temporary file beside `path` that a sink writes before it becomes `path`. */
function temporaryPathFor(path: string): string {
  // node:crypto is loaded only by a run that writes a file: loading it costs every run's start-up.
  const { randomBytes } = process.getBuiltinModule('node:crypto');
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * The descriptor that a path names (`/dev/stdout`, `/dev/stderr`, `/dev/stdin`, `/dev/fd/N`,
 * `/proc/self/fd/N`, `/proc/PID/fd/N` of this process), or null. Such a path is written to the
 * descriptor itself, as a shell's `>` through it writes: never resolved to the file behind the
 * descriptor and renamed over, which would replace what the shell redirected to (`>> log.txt`
 * would lose the log).
 */
export function descriptorNamed(path: string): number | null {
  if (process.platform === 'win32') {
    return null;
  }
  const absolute = resolve(path);
  const standard = /^\/dev\/(stdin|stdout|stderr)$/.exec(absolute);
  if (standard !== null) {
    return ['stdin', 'stdout', 'stderr'].indexOf(standard[1]!);
  }
  const numbered = /^\/(?:dev\/fd|proc\/self\/fd|proc\/thread-self\/fd|proc\/(\d+)\/fd)\/(\d+)$/.exec(absolute);
  if (numbered !== null && (numbered[1] === undefined || Number(numbered[1]) === process.pid)) {
    return Number(numbered[2]);
  }
  return null;
}

/** An error with a file system code, for the refusals that the system itself would not make. */
function fsError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/** Links followed at most, as the system does before it says ELOOP. */
const MAX_LINKS = 40;

/**
 * Where a write to `path` lands, following symbolic links one at a time as `>` does: the file
 * at the end of the links (which may not exist yet: a dangling link is written through, and stays
 * a link), or a descriptor that one of them names.
 */
async function followLinks(path: string): Promise<{ readonly descriptor: number } | { readonly target: string; readonly existing: Stats | null }> {
  let current = path;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    const descriptor = descriptorNamed(current);
    if (descriptor !== null) {
      return { descriptor };
    }
    let stats: Stats;
    try {
      stats = await fs.lstat(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { target: current, existing: null };
      }
      throw error;
    }
    if (!stats.isSymbolicLink()) {
      return { target: current, existing: stats };
    }
    current = resolve(dirname(current), await fs.readlink(current));
  }
  throw fsError('ELOOP');
}

/**
 * Whether a plain `>` would refuse to write the file: the user may not write it, or, for root
 * (whom the system lets write anything), its owner may not. A write-protected file is one that
 * someone protected, so btcfi does not replace it even as root.
 */
async function isWriteProtected(target: string, existing: Stats): Promise<boolean> {
  if ((existing.mode & 0o200) === 0) {
    return true;
  }
  try {
    await fs.access(target, constants.W_OK);
    return false;
  } catch (error) {
    // A read-only file system, say, is said as such.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') {
      return true;
    }
    throw error;
  }
}

/**
 * A file written whole or not at all, like writeFileAtomic, but a piece at a time: the pieces go
 * to a temporary file beside the target, which finish() flushes to disk and renames over it.
 * Opening fails (and throws) before anything is written when the folder is missing or read-only,
 * the target is a directory, a write-protected file, or a file read as an input of this run.
 * A file that is replaced keeps its permissions, and a symbolic link stays a link: the file it
 * points to is replaced (or made, for a dangling link). A run killed outright (SIGKILL, a power
 * cut) can leave the hidden temporary file behind, never a part-written target.
 *
 * A target that is not a file (/dev/null, a named pipe) is written directly: it cannot be
 * half-written, and renaming over it would put a file in its place. A path that names a
 * descriptor (/dev/stdout, /dev/fd/3) is written to that descriptor.
 */
export async function openFileSink(path: string, options: FileSinkOptions = {}): Promise<OutputSink> {
  const end = await followLinks(path);
  if ('descriptor' in end) {
    return openDescriptorSink(end.descriptor);
  }
  const { target, existing } = end;
  if (existing?.isDirectory() === true) {
    throw fsError('EISDIR');
  }
  if (existing !== null && !existing.isFile() && options.exclusive !== true) {
    return openDirectSink(target);
  }
  if (existing !== null && isInputFile(existing)) {
    throw new UsageError(`cannot write ${path}: it is an input of this run`, 'btcfi does not replace a file it reads; write the result to another file');
  }
  if (existing !== null && options.exclusive !== true && (await isWriteProtected(target, existing))) {
    throw new UsageError(`cannot write ${path}: the file is write-protected`, 'btcfi does not replace a file without write permission (not even as root); make it writable or remove it first');
  }
  const temporary = temporaryPathFor(target);
  const handle: fs.FileHandle = await fs.open(temporary, 'wx');
  let closed = false;
  const close = async (): Promise<void> => {
    if (!closed) {
      closed = true;
      await handle.close();
    }
  };
  const discard = async (): Promise<void> => {
    untrack(discard);
    await close().catch(() => {});
    await fs.rm(temporary, { force: true });
  };
  // From the moment the temporary file exists, an interrupt can remove it.
  track(discard);
  if (existing?.isFile() === true) {
    await handle.chmod(existing.mode & 0o7777).catch(() => {
      // Not ours to change: the new file gets the usual permissions.
    });
  }
  let sinceTurn = 0;
  return batching(
    async (batch) => {
      try {
        writeWhole(handle.fd, batch);
      } catch (error) {
        // A full disk, say: the temporary file goes at once, whether this batch came from a write or from finish().
        await discard();
        throw error;
      }
      // The writes do not wait for the event loop, so it is given a turn now and then: an interrupt is answered within a few batches.
      sinceTurn += batch.length;
      if (sinceTurn >= TURN_CHARS) {
        sinceTurn = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    },
    async () => {
      try {
        await handle.sync();
        await close();
        await (options.exclusive === true ? moveExclusive(temporary, target) : fs.rename(temporary, target));
        untrack(discard);
      } catch (error) {
        await discard();
        throw error;
      }
    },
    discard,
  );
}

/** Characters written to a file between turns of the event loop. */
const TURN_CHARS = 1024 * 1024;

/**
 * A batch written to a file whole, before the next is computed: a write to a file lands in the
 * system's cache at once, so waiting for it in the background only adds a round trip per batch.
 * The text is encoded by the write itself; a short write (a full disk fails outright) is finished from its bytes.
 */
function writeWhole(descriptor: number, batch: string): void {
  const written = writeSync(descriptor, batch);
  const size = Buffer.byteLength(batch, 'utf8');
  if (written < size) {
    const bytes = Buffer.from(batch, 'utf8');
    for (let offset = written; offset < size; ) {
      offset += writeSync(descriptor, bytes, offset);
    }
  }
}

/** An open descriptor (one the path /dev/fd/N names), written in place a batch at a time; it stays open. */
function openDescriptorSink(descriptor: number): OutputSink {
  return batching(
    async (batch) => {
      const bytes = Buffer.from(batch, 'utf8');
      for (let offset = 0; offset < bytes.length; ) {
        try {
          offset += writeSync(descriptor, bytes, offset);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') {
            throw error;
          }
          // A non-blocking pipe that is full: wait for its reader.
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      }
    },
    async () => {},
    async () => {},
  );
}

/** A device or a pipe, written in place a batch at a time; there is nothing to rename. */
async function openDirectSink(path: string): Promise<OutputSink> {
  const handle = await fs.open(path, 'w');
  let closed = false;
  const close = async (): Promise<void> => {
    if (!closed) {
      closed = true;
      await handle.close();
    }
  };
  return batching(
    async (batch) => {
      const bytes = Buffer.from(batch, 'utf8');
      for (let offset = 0; offset < bytes.length; ) {
        offset += (await handle.write(bytes, offset)).bytesWritten;
      }
    },
    close,
    async () => close().catch(() => {}),
  );
}

/**
 * Moves a finished temporary file to a path that must not exist yet, atomically where the file
 * system has hard links (link fails with EEXIST when the path exists); elsewhere by an exclusive copy.
 */
async function moveExclusive(temporary: string, path: string): Promise<void> {
  try {
    await fs.link(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') {
      throw error;
    }
    await fs.copyFile(temporary, path, constants.COPYFILE_EXCL);
  }
  await fs.rm(temporary, { force: true });
}
