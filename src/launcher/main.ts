// dist/cli/main.cjs: what bin/btcfi.js starts. It answers --version by itself, and otherwise runs
// the bundled CLI (dist/cli/app.cjs) through V8 with the code cache that the build wrote beside
// it (dist/cli/app.cache), so a run skips compiling what the last warm run compiled. A cache
// made by another Node version is rejected by V8 and the run is just slower. Nothing else of
// btcfi's is loaded here, and nothing is written here unless the build asks.
// Built as CommonJS, like the bin that requires it: importing a built-in module from an ES module
// builds a facade of all its exports, which for node:fs loads its streams.
import { readFileSync, writeFileSync, writeSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

declare const BTCFI_VERSION: string;

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Straight to the descriptor: process.stdout would load node:stream for one line.
  try {
    writeSync(1, `${BTCFI_VERSION}\n`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') {
      process.stdout.write(`${BTCFI_VERSION}\n`);
    }
  }
} else {
  const here = __dirname;
  const app = join(here, 'app.cjs');
  const cache = join(here, 'app.cache');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cache);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(app, 'utf8')), { filename: app, cachedData });
  if (process.env['BTCFI_WRITE_CODE_CACHE'] === '1') {
    // The build's warm-up run: keep the code compiled by the time the run ends.
    process.on('exit', () => writeFileSync(cache, script.createCachedData()));
  }
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(app), module, app, here);
}
