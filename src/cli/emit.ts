import { describeFsError } from '../scenario/loadScenarioTexts.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';
import { makeStdoutSink, openFileSink, type OutputSink } from './streamOutput.js';

/**
 * The one way out for a result: stdout, or --output FILE written atomically (a temporary file
 * renamed into place, the target left as it was on failure), then "wrote FILE" on stderr.
 * A whole text goes to stdout in one write; pieces go out as they are made, with backpressure,
 * and nothing is written before the first piece.
 */
export async function emit(result: string | Iterable<string>, output: string | undefined, context: { readonly io: Io; readonly notice: (text: string) => void }): Promise<void> {
  const file = output === undefined || output === '-' ? null : output;
  if (file === null && typeof result === 'string') {
    context.io.stdout(result);
    return;
  }
  const cannotWrite = (error: unknown): UsageError => new UsageError(`cannot write ${file}: ${describeFsError(error)}`, 'the file was left as it was');
  let sink: OutputSink;
  if (file === null) {
    sink = makeStdoutSink(context.io);
  } else {
    try {
      sink = await openFileSink(file);
    } catch (error) {
      throw cannotWrite(error);
    }
  }
  try {
    for (const piece of typeof result === 'string' ? [result] : result) {
      try {
        await sink.write(piece);
      } catch (error) {
        // A full disk or a lost device while writing: the temporary file goes, the target stays.
        throw file === null ? error : cannotWrite(error);
      }
    }
  } catch (error) {
    await sink.abort();
    throw error;
  }
  try {
    await sink.finish();
  } catch (error) {
    throw file === null ? error : cannotWrite(error);
  }
  if (file !== null) {
    context.notice(`btcfi: wrote ${file}\n`);
  }
}
