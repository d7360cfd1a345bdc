import { open } from 'node:fs/promises';

/** Text read up to a limit: the whole text, or, when there was more than `maxBytes`, that limit. */
export type TextUpTo = { readonly text: string } | { readonly moreThan: number };

/**
 * The UTF-8 text of a file, or, when it holds more than `maxBytes`, how many bytes were read
 * before giving up. Reads a piece at a time, so that /dev/zero, /dev/urandom or an endless pipe
 * named as a file is refused after maxBytes instead of filling memory.
 */
export async function readTextUpTo(path: string, maxBytes: number): Promise<TextUpTo> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
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
    await handle.close();
  }
}
