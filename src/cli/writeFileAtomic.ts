import { openFileSink, type FileSinkOptions } from './streamOutput.js';

/**
 * Writes a whole file or nothing: the text goes to a temporary file beside the target, is
 * flushed to disk, and is then renamed over it. A failed run leaves the old file as it was.
 */
export async function writeFileAtomic(path: string, text: string, options: FileSinkOptions = {}): Promise<void> {
  const sink = await openFileSink(path, options);
  try {
    await sink.write(text);
  } catch (error) {
    await sink.abort();
    throw error;
  }
  await sink.finish();
}
