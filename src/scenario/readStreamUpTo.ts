import type { TextUpTo } from './readTextUpTo.js';

/**
 * The UTF-8 text of a stream (standard input), or, once more than `maxBytes` have arrived, that
 * limit: reading stops there and the stream is closed, so that `yes | btcfi project -` is refused
 * after maxBytes instead of buffering an endless pipe. The stream is read once; its end or its
 * closing is final.
 */
export async function readStreamUpTo(stream: NodeJS.ReadableStream, maxBytes: number): Promise<TextUpTo> {
  const chunks: Buffer[] = [];
  let total = 0;
  // Leaving the loop early destroys the stream: the writer of a pipe then gets EPIPE and stops.
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    total += bytes.length;
    if (total > maxBytes) {
      return { moreThan: maxBytes };
    }
    chunks.push(bytes);
  }
  return { text: Buffer.concat(chunks, total).toString('utf8') };
}
