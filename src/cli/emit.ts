import { describeFsError } from '../scenario/loadScenarioTexts.js';
import { UsageError } from './errors.js';
import type { CliContext } from './program.js';
import { writeFileAtomic } from './writeFileAtomic.js';

/** Sends a finished result to stdout, or atomically to --output FILE (and says so on stderr). */
export async function emit(text: string, output: string | undefined, context: CliContext): Promise<void> {
  if (output === undefined || output === '-') {
    context.io.stdout(text);
    return;
  }
  try {
    await writeFileAtomic(output, text);
  } catch (error) {
    throw new UsageError(`cannot write ${output}: ${describeFsError(error)}`, 'the file was left as it was');
  }
  context.notice(`btcfi: wrote ${output}\n`);
}
