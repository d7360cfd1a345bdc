// Runs btcfi in this process through run(argv, io), with an Io that collects what it writes:
// faster than spawning the built CLI, for tests that need neither a real process nor a cwd.
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import type { CliResult } from './runCli.js';

export async function runInProcess(args: readonly string[], options: { readonly input?: string } = {}): Promise<CliResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = {
    stdout: (text) => stdout.push(text),
    stdoutStream: null,
    stderr: (text) => stderr.push(text),
    readStdin: async () => ({ text: options.input ?? '' }),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    columns: null,
    env: { NO_COLOR: '1' },
  };
  const exitCode = await run(args, io);
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode };
}
