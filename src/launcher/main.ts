// dist/cli/main.cjs: what bin/btcfi.js starts. It answers --version by itself, and otherwise runs
// the bundled CLI (dist/cli/app.cjs) through V8 with a code cache, so that a run skips compiling
// what an earlier run compiled. The cache is the user's, one per runtime (see codeCache.ts): a
// run that finds none for its own runtime compiles as usual and, when it ends well, writes one.
// Built as CommonJS, like the bin that requires it: importing a built-in module from an ES module
// builds a facade of all its exports, which for node:fs loads its streams.
import { readFileSync, writeSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { getCacheDir, getCacheFile, getCacheKey, readCodeCache, writeCodeCache, type CacheFile } from './codeCache.js';

declare const BTCFI_VERSION: string;
declare const BTCFI_BUILD_ID: string;

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Straight to the descriptor: process.stdout would load node:stream for one line. A reader
  // gone (EPIPE) is a quiet 0; any other failure (a full disk, a lost device) is one line and
  // exit 2, as for every result.
  try {
    writeSync(1, `${BTCFI_VERSION}\n`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPIPE') {
      const why = code === 'ENOSPC' ? 'no space left on the device' : code === 'EBADF' ? 'the descriptor is closed' : code === 'EIO' ? 'an input/output error' : String(code ?? error);
      writeSync(2, `btcfi: error: cannot write standard output: ${why}\n`);
      process.exitCode = 2;
    }
  }
} else {
  const here = __dirname;
  const app = join(here, 'app.cjs');
  const dir = getCacheDir(process.env, process.platform);
  const key = dir === undefined ? undefined : getCacheKey(BTCFI_BUILD_ID, app);
  const file: CacheFile | undefined = dir === undefined || key === undefined ? undefined : getCacheFile(dir, key);
  const cachedData = file === undefined ? undefined : readCodeCache(file);
  const script = new Script(Module.wrap(readFileSync(app, 'utf8')), { filename: app, cachedData });
  // The build's warm-up run rewrites the cache whatever there is; a run writes one only where it
  // found none it could use, and only after doing its work (0, or 1 for a failed expectation), so
  // that the cache holds the code of a whole run.
  const rewrite = process.env['BTCFI_WRITE_CODE_CACHE'] === '1';
  if (file !== undefined && (rewrite || cachedData === undefined || script.cachedDataRejected === true)) {
    process.on('exit', (code) => {
      if (rewrite || code === 0 || code === 1) {
        writeCodeCache(file, script.createCachedData());
      }
    });
  }
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(app), module, app, here);
}
