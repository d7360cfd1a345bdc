import { closeSync, openSync, readSync } from 'node:fs';

/** Text read up to a limit: the whole text, or, when there was more than `maxBytes`, that limit. */
export type TextUpTo = { readonly text: string } | { readonly moreThan: number };

/** How big an input too large to read is, for messages: its size when known, else more than the limit. */
export function sizeBeyond(bytes: number | null, maxBytes: number): string {
  return bytes === null ? `more than ${maxBytes.toLocaleString('en-US')} bytes` : `${bytes.toLocaleString('en-US')} bytes`;
}

/**
 * The UTF-8 text of a file, or, when it holds more than `maxBytes`, how many bytes were read
 * before giving up. Reads a piece at a time, so that /dev/zero, /dev/urandom or an endless pipe
 * named as a file is refused after maxBytes instead of filling memory. Synchronous: a run reads
 * its few small files one after the other, and each asynchronous read is a trip to libuv's
 * thread pool (and node:fs/promises a module to load). `sizeHint`: the size the file had when
 * looked at, if known; the file is read to its end whatever it holds by then. `regularFile`: the
 * path was seen to be a regular file, whose read comes back short only at its end, so a short
 * read ends it without one more read to be told so (a pipe or a device is read until it says 0).
 */
export function readTextUpTo(path: string, maxBytes: number, sizeHint = 64 * 1024, regularFile = false): TextUpTo {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Pieces of 64 KiB, or one just larger than a small file: room to see its end in one read.
      const buffer = Buffer.allocUnsafe(total === 0 ? Math.min(64 * 1024, sizeHint + 1) : 64 * 1024);
      const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
      if (bytesRead === 0) {
        // A small file is one piece: read as it is, not copied into a new buffer first.
        return { text: chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, total).toString('utf8') };
      }
      total += bytesRead;
      if (total > maxBytes) {
        return { moreThan: maxBytes };
      }
      chunks.push(buffer.subarray(0, bytesRead));
      if (regularFile && bytesRead < buffer.length) {
        return { text: chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, total).toString('utf8') };
      }
    }
  } finally {
    closeSync(fd);
  }
}
