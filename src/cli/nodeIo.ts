// The process glue: the Io of the real process, with the speed devices of its writes (straight
// to the file descriptor where that is safe), interrupts, and the end of a run. With main.ts, the
// only place that touches `process`: everything else gets an Io.
import { fstatSync, writeSync } from 'node:fs';
import { describeFsError } from '../scenario/loadScenarioTexts.js';
import { readStreamUpTo } from '../scenario/readStreamUpTo.js';
import type { TextUpTo } from '../scenario/readTextUpTo.js';
import type { Io } from './io.js';
import { formatInternalError } from './run.js';
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
 * SIGINT, SIGTERM or SIGHUP while an --output file is being written: remove its hidden temporary file
 * (the old target stays as it was), then end as the signal would have ended the process (a
 * shell reads 130, 143 or 129). The listener is removed before the signal is raised again, so the
 * second time it takes its default course; a second interrupt during the cleanup does the same.
 */
function onInterrupt(signal: NodeJS.Signals): void {
  interrupted = true;
  listenForInterrupts(false);
  process.exitCode = 128 + process.getBuiltinModule('node:os').constants.signals[signal];
  void abortOpenSinks().finally(() => process.kill(process.pid, signal));
}

/**
 * Listening for a signal keeps it from ending the process until JavaScript is free to answer,
 * which a long computation (a large projection) is not: so btcfi listens only while an output
 * file is unfinished, which is also the only time an interrupt leaves something to clean up.
 */
function listenForInterrupts(on: boolean): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.off(signal, onInterrupt);
    if (on && !interrupted) {
      process.on(signal, onInterrupt);
    }
  }
}

// process.stdout and process.stderr are made when first used, and making one loads node:stream
// (and node:net for a pipe), a good part of a short run's start-up. So a result for a pipe or a
// file is written straight to its file descriptor; a terminal, a stream that cannot take it all
// at once (a non-blocking pipe), and output written piece by piece (grid) go through
// process.stdout. Once process.stdout is used, everything goes through it, in order.
let stdoutStreamUsed = false;

/** process.stdout, ready for a reader that stops early (`btcfi project | head -1`): end quietly. */
function stdoutStream(): NodeJS.WriteStream {
  if (!stdoutStreamUsed) {
    stdoutStreamUsed = true;
    process.stdout.on('error', failStdout);
  }
  return process.stdout;
}

/**
 * Standard output could not take the result: a reader that stopped early (EPIPE) ends the run
 * quietly with 0, as `| head` expects; anything else (a full disk, a closed descriptor, a lost
 * device) ends it with one line on stderr and exit 2, whatever the run had reached: what was
 * written is not the whole result, and saying 0 (or 1) would report it as one.
 */
function failStdout(error: NodeJS.ErrnoException): never {
  if (error.code === 'EPIPE') {
    process.exit(0);
  }
  if (!interrupted) {
    process.stderr.write(`btcfi: error: cannot write standard output: ${describeFsError(error)}\n`);
  }
  process.exit(2);
}

function writeStdout(text: string): void {
  if (stdoutIsTTY || stdoutStreamUsed) {
    stdoutStream().write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  try {
    while (offset < bytes.length) {
      offset += writeSync(1, bytes, offset);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') {
      failStdout(error as NodeJS.ErrnoException);
    }
    stdoutStream().write(bytes.subarray(offset));
  }
}

/** Whether a file descriptor is a terminal; node:tty (which loads node:net) only for a character device. */
function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) {
      return false;
    }
  } catch {
    return false;
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}

/**
 * Watches the process for what can end a run from outside it: an interrupt while an output file
 * is unfinished, and a promise rejected with no one to catch it (a bug: said once, exit 3; after
 * an interrupt, nothing is said).
 */
export function watchProcess(): void {
  watchOpenSinks(listenForInterrupts);
  process.on('unhandledRejection', (reason) => {
    if (interrupted) {
      return;
    }
    process.stderr.write(formatInternalError(reason, process.env['BTCFI_DEBUG'] !== undefined));
    process.exit(3);
  });
}

let stdoutIsTTY = false;
let stderrUsed = false;

/** The Io of this process: its arguments' streams, standard input, the terminal's width and the environment. */
export function makeNodeIo(): Io {
  stdoutIsTTY = isTerminal(1);
  return {
    // After an interrupt, the run may still fail on the files being removed under it: not worth saying.
    stdout: (text) => {
      if (!interrupted) {
        writeStdout(text);
      }
    },
    stderr: (text) => {
      if (!interrupted) {
        stderrUsed = true;
        process.stderr.write(text);
      }
    },
    get stdoutStream() {
      return stdoutStream();
    },
    readStdin,
    stdoutIsTTY,
    stderrIsTTY: isTerminal(2),
    columns: stdoutIsTTY && process.stdout.columns > 0 ? process.stdout.columns : null,
    env: process.env,
  };
}

/** Ends the process with the run's exit code. */
export function finishRun(code: number): void {
  if (interrupted) {
    // The signal ends the process once the temporary files are gone.
    return;
  }
  // Everything written has reached its file, pipe or terminal: end now, rather than wait for
  // V8's idle-time tasks (a last garbage collection) that would only delay the exit.
  const written = (used: boolean, stream: () => NodeJS.WriteStream): boolean => !used || stream().writableLength === 0;
  if (written(stdoutStreamUsed, () => process.stdout) && written(stderrUsed, () => process.stderr)) {
    process.exit(code);
  }
  process.exitCode = code;
}
