// The process glue, and the only file that touches `process`: everything else gets an Io.
import { isatty } from 'node:tty';
import { readStreamUpTo } from '../scenario/readStreamUpTo.js';
import type { TextUpTo } from '../scenario/readTextUpTo.js';
import type { Io } from './io.js';
import { formatInternalError, run } from './run.js';

function readStdin(maxBytes: number): Promise<TextUpTo> {
  if (process.stdin.isTTY) {
    process.stderr.write('btcfi: reading standard input; end it with Ctrl-D (or pass a file instead of -)\n');
  }
  return readStreamUpTo(process.stdin, maxBytes);
}

// A reader that stops early (`btcfi project | head -1`) closes the pipe: end quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    process.exit(0);
  }
  throw error;
});
process.on('unhandledRejection', (reason) => {
  process.stderr.write(formatInternalError(reason, process.env['BTCFI_DEBUG'] !== undefined));
  process.exit(3);
});

const io: Io = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  stdoutStream: process.stdout,
  readStdin,
  // isatty, not process.stdin.isTTY: that getter opens a stream on standard input, which a run
  // that does not read it has no use for.
  stdinIsTTY: isatty(0),
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  columns: process.stdout.isTTY === true && process.stdout.columns > 0 ? process.stdout.columns : null,
  env: process.env,
};

void run(process.argv.slice(2), io).then((code) => {
  // Everything written has reached its file, pipe or terminal: end now, rather than wait for
  // V8's idle-time tasks (a last garbage collection) that would only delay the exit.
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) {
    process.exit(code);
  }
  process.exitCode = code;
});
