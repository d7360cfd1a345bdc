// Bundles the CLI into one ES module, so start-up loads a single file.
// dist/cli/main.js mirrors src/cli/main.ts, so paths relative to import.meta.url agree in both.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // Some dependencies are CommonJS and call require() on Node built-ins.
  banner: { js: "import { createRequire as __btcfiCreateRequire } from 'node:module'; const require = __btcfiCreateRequire(import.meta.url);" },
});
