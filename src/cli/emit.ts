import { describeFsError } from '../scenario/loadScenarioTexts.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';
import { descriptorNamed, makeStdoutSink, openFileSink, WHOLE_OUTPUT_CHARS, type OutputSink } from './streamOutput.js';
import { visible } from '../core/visibleText.js';

/**
 * The one way out for a result: stdout, or --output FILE written atomically (a temporary file
 * renamed into place, the target left as it was on failure), then "wrote FILE" on stderr.
 * A whole text goes to stdout in one write, and so do pieces that add up to at most
 * WHOLE_OUTPUT_CHARS (straight to the descriptor: no stream module to load, which is start-up);
 * larger results go out as they are made, with backpressure, memory flat in their size. Nothing
 * is written before the first piece.
 */
export async function emit(result: string | Iterable<string>, output: string | undefined, context: { readonly io: Io; readonly notice: (text: string) => void }): Promise<void> {
  if (output === '') {
    throw new UsageError('--output needs a file name', 'name the file to write, or - for standard output');
  }
  // A path that names standard output (/dev/stdout, /dev/fd/1) is standard output itself.
  const file = output === undefined || output === '-' || descriptorNamed(output) === 1 ? null : output;
  if (file === null && typeof result === 'string') {
    context.io.stdout(result);
    return;
  }
  let pieces: Iterable<string> = typeof result === 'string' ? [result] : result;
  if (file === null) {
    const small = gatherSmall(pieces);
    if (small.whole !== null) {
      context.io.stdout(small.whole);
      return;
    }
    pieces = small.rest;
  }
  const cannotWrite = (error: unknown): UsageError =>
    error instanceof UsageError ? error : new UsageError(`cannot write ${file}: ${describeFsError(error)}`, 'the file was left as it was');
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
    for (const piece of pieces) {
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
  if (file !== null && descriptorNamed(file) === null) {
    context.notice(`btcfi: wrote ${visible(file)}\n`);
  }
}

/** The pieces joined, when they add up to at most WHOLE_OUTPUT_CHARS; otherwise all of them again, the gathered ones first. */
function gatherSmall(pieces: Iterable<string>): { readonly whole: string | null; readonly rest: Iterable<string> } {
  const iterator = pieces[Symbol.iterator]();
  const gathered: string[] = [];
  let size = 0;
  let next = iterator.next();
  while (next.done !== true && size <= WHOLE_OUTPUT_CHARS) {
    gathered.push(next.value);
    size += next.value.length;
    next = iterator.next();
  }
  if (next.done === true && size <= WHOLE_OUTPUT_CHARS) {
    return { whole: gathered.join(''), rest: [] };
  }
  const pending = next;
  return {
    whole: null,
    rest: (function* rest(): Generator<string> {
      yield* gathered;
      for (let item = pending; item.done !== true; item = iterator.next()) {
        yield item.value;
      }
    })(),
  };
}
