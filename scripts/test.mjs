#!/usr/bin/env node
// npm test: type-checks (tsc --noEmit) while it builds dist/ (node build.mjs) and then runs the
// tests (vitest run), and fails when any of them fails. The type check overlaps the tests because
// they leave a core idle at times (waiting on the processes some tests start, the last test files
// of a run), which it fills; one after the other took about 15 s longer on 2 cores.
// Arguments go to vitest: `npm test -- test/cli` type-checks everything and runs test/cli.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Runs a Node script; `ended` is its exit code (1 when it was killed). */
function start(script, args, options) {
  const child = spawn(process.execPath, [script, ...args], options);
  const ended = new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  return { child, ended };
}

/** The script of the command `name` of package `pkg`. */
function bin(pkg, name) {
  const manifest = require.resolve(`${pkg}/package.json`);
  return join(dirname(manifest), require(manifest).bin[name]);
}

// tsc prints only problems; they are held until the end, so that they don't break into the test
// report, and printed after it.
const tsc = start(bin('typescript', 'tsc'), ['--noEmit'], { stdio: ['ignore', 'pipe', 'pipe'] });
let typeErrors = '';
tsc.child.stdout.on('data', (chunk) => (typeErrors += chunk));
tsc.child.stderr.on('data', (chunk) => (typeErrors += chunk));

const buildCode = await start('build.mjs', [], { stdio: 'inherit' }).ended;
const vitestCode = buildCode === 0 ? await start(bin('vitest', 'vitest'), ['run', ...process.argv.slice(2)], { stdio: 'inherit' }).ended : null;
const tscCode = await tsc.ended;
if (tscCode !== 0) {
  process.stderr.write(`\ntsc --noEmit failed (exit ${tscCode}):\n${typeErrors}`);
} else {
  process.stderr.write('tsc --noEmit: no type errors\n');
}
if (buildCode !== 0) {
  process.stderr.write(`node build.mjs failed (exit ${buildCode}); the tests did not run\n`);
}
process.exitCode = [buildCode, tscCode, vitestCode ?? 0].find((code) => code !== 0) ?? 0;
