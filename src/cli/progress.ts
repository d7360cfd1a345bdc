import type { CliContext } from './context.js';

/** How long a run may go quietly before it shows progress. */
const QUIET_MS = 1000;
const EVERY_MS = 100;

export interface Progress {
  readonly update: (done: number, total: number) => void;
  readonly end: () => void;
}

/**
 * A percentage on stderr for a long sampling run, redrawn in place, only on a terminal and
 * never in CI, and only once the run has taken a second; erased when the work is done.
 */
export function makeProgress(context: CliContext): Progress {
  const { io } = context;
  const enabled = io.stderrIsTTY && io.env['CI'] === undefined && !context.settings.quiet;
  const started = Date.now();
  let lastDrawn = 0;
  let shown = false;
  return {
    update: (done, total) => {
      const now = Date.now();
      if (!enabled || total === 0 || now - started < QUIET_MS || now - lastDrawn < EVERY_MS) {
        return;
      }
      lastDrawn = now;
      shown = true;
      io.stderr(`\rbtcfi: sampling ${Math.floor((100 * done) / total)}%`);
    },
    end: () => {
      if (shown) {
        io.stderr('\r\u001b[2K');
      }
    },
  };
}
