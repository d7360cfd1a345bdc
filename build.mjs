// Builds the CLI: dist/cli/app.cjs, the whole program in one CommonJS file; dist/cli/main.js, a
// small launcher that bin/btcfi.js imports; and dist/cli/app.cache, the V8 code cache of a warm
// run of `btcfi project`, which the launcher hands to V8 so later runs start faster.
// dist/cli/ mirrors src/cli/, so paths relative to the module (../../scenarios) agree in both.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const common = { bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' };

await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli/app.cjs',
  format: 'cjs',
  // Smaller to parse; names are kept so that BTCFI_DEBUG stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  define: { 'import.meta.url': '__btcfiModuleUrl' },
  banner: { js: "var __btcfiModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

await build({
  ...common,
  entryPoints: ['src/launcher/main.ts'],
  outfile: 'dist/cli/main.js',
  format: 'esm',
  define: { BTCFI_VERSION: JSON.stringify(version) },
});

rmSync('dist/cli/app.cache', { force: true });
const warm = spawnSync(process.execPath, ['bin/btcfi.js', 'project'], {
  env: { ...process.env, BTCFI_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (warm.status !== 0) {
  throw new Error(`the warm-up run for the code cache failed (exit ${warm.status})`);
}
