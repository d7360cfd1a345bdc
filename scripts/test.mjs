#!/usr/bin/env node
// npm test: builds dist/ (node build.mjs), then type-checks (tsc --noEmit) while the tests run
// (vitest run), and fails when either fails. The two overlap because the tests leave a core idle
// at times (waiting on the processes some tests start, the last test files of a run), which the
// type check fills; it runs at a lower priority so that it takes only what the tests leave.
// Arguments go to vitest: `npm test -- test/cli` type-checks everything and runs test/cli.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

const build = spawnSync(process.execPath, ['build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) {
  process.exit(build.status ?? 1);
}

/** Runs the command `name` of package `pkg` with this Node; `ended` is its exit code (1 when killed). */
function start(pkg, name, args, options) {
  const manifest = require.resolve(`${pkg}/package.json`);
  const child = spawn(process.execPath, [join(dirname(manifest), require(manifest).bin[name]), ...args], options);
  const ended = new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  return { child, ended };
}

// tsc prints only problems; they are held until it ends, so that they don't break into the
// test report, and printed after it.
const tsc = start('typescript', 'tsc', ['--noEmit'], { stdio: ['ignore', 'pipe', 'pipe'] });
try {
  setPriority(tsc.child.pid, 10);
} catch {
  // not allowed here: it runs at the same priority, which is only slower
}
let typeErrors = '';
tsc.child.stdout.on('data', (chunk) => (typeErrors += chunk));
tsc.child.stderr.on('data', (chunk) => (typeErrors += chunk));

const vitest = start('vitest', 'vitest', ['run', ...process.argv.slice(2)], { stdio: 'inherit' });

const [tscCode, vitestCode] = await Promise.all([tsc.ended, vitest.ended]);
if (tscCode !== 0) {
  process.stderr.write(`\ntsc --noEmit failed (exit ${tscCode}):\n${typeErrors}`);
} else {
  process.stderr.write('tsc --noEmit: no type errors\n');
}
process.exitCode = tscCode !== 0 ? tscCode : vitestCode;
