// The process glue, and the only file that touches `process`: everything else gets an Io.
import { constants } from 'node:os';
import { isatty } from 'node:tty';
import { readStreamUpTo } from '../scenario/readStreamUpTo.js';
import type { TextUpTo } from '../scenario/readTextUpTo.js';
import type { Io } from './io.js';
import { formatInternalError, run } from './run.js';
import { abortOpenSinks, watchOpenSinks } from './streamOutput.js';

function readStdin(maxBytes: number): Promise<TextUpTo> {
  if (process.stdin.isTTY) {
    process.stderr.write('btcfi: reading standard input; end it with Ctrl-D (or pass a file instead of -)\n');
  }
  return readStreamUpTo(process.stdin, maxBytes);
}

/** Set once SIGINT or SIGTERM has come: from then on the run says nothing more and the signal ends it. */
let interrupted = false;

/**
 * SIGINT or SIGTERM while an --output file is being written: remove its hidden temporary file
 * (the old target stays as it was), then end as the signal would have ended the process (a
 * shell reads 130 or 143). The listener is removed before the signal is raised again, so the
 * second time it takes its default course; a second interrupt during the cleanup does the same.
 */
function onInterrupt(signal: NodeJS.Signals): void {
  interrupted = true;
  listenForInterrupts(false);
  process.exitCode = 128 + constants.signals[signal as keyof typeof constants.signals];
  void abortOpenSinks().finally(() => process.kill(process.pid, signal));
}

/**
 * Listening for a signal keeps it from ending the process until JavaScript is free to answer,
 * which a long computation (a large projection) is not: so btcfi listens only while an output
 * file is unfinished, which is also the only time an interrupt leaves something to clean up.
 */
function listenForInterrupts(on: boolean): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.off(signal, onInterrupt);
    if (on && !interrupted) {
      process.on(signal, onInterrupt);
    }
  }
}
watchOpenSinks(listenForInterrupts);

// A reader that stops early (`btcfi project | head -1`) closes the pipe: end quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    process.exit(0);
  }
  throw error;
});
process.on('unhandledRejection', (reason) => {
  if (interrupted) {
    return;
  }
  process.stderr.write(formatInternalError(reason, process.env['BTCFI_DEBUG'] !== undefined));
  process.exit(3);
});

const io: Io = {
  // After an interrupt, the run may still fail on the files being removed under it: not worth saying.
  stdout: (text) => {
    if (!interrupted) {
      process.stdout.write(text);
    }
  },
  stderr: (text) => {
    if (!interrupted) {
      process.stderr.write(text);
    }
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
  if (interrupted) {
    // The signal ends the process once the temporary files are gone.
    return;
  }
  // Everything written has reached its file, pipe or terminal: end now, rather than wait for
  // V8's idle-time tasks (a last garbage collection) that would only delay the exit.
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) {
    process.exit(code);
  }
  process.exitCode = code;
});
