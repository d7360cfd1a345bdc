import { describeFsError } from '../scenario/loadScenarioTexts.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';
import { writeFileAtomic } from './writeFileAtomic.js';

/** Sends a finished result to stdout, or atomically to --output FILE (and says so on stderr). */
export async function emit(text: string, output: string | undefined, io: Io, quiet = false): Promise<void> {
  if (output === undefined || output === '-') {
    io.stdout(text);
    return;
  }
  try {
    await writeFileAtomic(output, text);
  } catch (error) {
    throw new UsageError(`cannot write ${output}: ${describeFsError(error)}`, 'the file was left as it was');
  }
  if (!quiet) {
    io.stderr(`btcfi: wrote ${output}\n`);
  }
}
