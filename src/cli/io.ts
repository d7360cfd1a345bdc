import type { TextUpTo } from '../scenario/readTextUpTo.js';

/** Everything the CLI touches of its process, so that tests can run it in-process. */
export interface Io {
  readonly stdout: (text: string) => void;
  /** The stream behind stdout, for output written a piece at a time with backpressure; null in tests. */
  readonly stdoutStream: NodeJS.WritableStream | null;
  readonly stderr: (text: string) => void;
  /** Standard input, read once: its text, or, when more than maxBytes arrive, that limit (and reading stops). */
  readonly readStdin: (maxBytes: number) => Promise<TextUpTo>;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** Width of the terminal on stdout, or null when stdout is not one. */
  readonly columns: number | null;
  readonly env: Readonly<Record<string, string | undefined>>;
}
