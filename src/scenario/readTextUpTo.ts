import { closeSync, openSync, readSync } from 'node:fs';

/**
 * The UTF-8 text of a file, or, when it holds more than `maxBytes`, how many bytes were read
 * before giving up. Reads a piece at a time, so that /dev/zero, /dev/urandom or an endless pipe
 * named as a file is refused after maxBytes instead of filling memory. Synchronous: a run reads
 * its few small files one after the other, and each asynchronous read is a trip to libuv's
 * thread pool (and node:fs/promises a module to load).
 */
export function readTextUpTo(path: string, maxBytes: number): { readonly text: string } | { readonly moreThan: number } {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(64 * 1024);
      const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
      if (bytesRead === 0) {
        return { text: Buffer.concat(chunks, total).toString('utf8') };
      }
      total += bytesRead;
      if (total > maxBytes) {
        return { moreThan: maxBytes };
      }
      chunks.push(buffer.subarray(0, bytesRead));
    }
  } finally {
    closeSync(fd);
  }
}
