// Builds the CLI: dist/cli/app.cjs, the whole program in one CommonJS file; dist/cli/main.cjs, a
// small launcher that bin/btcfi.js requires; dist/cli/scenarios.read.json, the bundled scenarios
// read; and dist/THIRD-PARTY-LICENSES, the licence of every package in the bundle. Then it warms
// the V8 code cache of this Node (src/launcher/codeCache.ts; kept in the user's cache folder, not
// in dist/) with a run of `btcfi project scenarios`.
// dist/cli/ mirrors src/cli/, so paths relative to the module (../../scenarios) agree in both.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
// esbuild and the bundled packages are devDependencies: `npm install -g .` in a clone runs this
// script (prepare) without installing them, so say what to do first.
const { build } = await import('esbuild').catch(() => {
  process.stderr.write('btcfi build: esbuild is not installed here; run `npm ci` in this folder first, then `npm install -g .`\n');
  process.exit(1);
});
/**
 * Leaves out what every run would load and btcfi never uses; each measured by start-up time.
 * Fails the build when a dependency changes under it, rather than silently loading it again.
 */
const startupTrims = {
  name: 'startup-trims',
  setup(build) {
    // chalk's own colour detection loads node:os and node:tty; btcfi decides colour itself
    // (src/cli/color.ts) and gives every Chalk it makes a level. The browser variant detects nothing.
    build.onResolve({ filter: /^#supports-color$/ }, (args) => {
      const path = join(dirname(args.importer), 'vendor', 'supports-color', 'browser.js');
      if (!existsSync(path)) {
        throw new Error(`startup-trims: ${path} is gone; check chalk's #supports-color`);
      }
      return { path };
    });
    // yaml's build for Node is CommonJS, which the bundle can only initialise whole and copy
    // export by export into every module that imports it; its ES module build (the one for
    // browsers, the same code without Node's process.env lookups per token) is hoisted like
    // btcfi's own modules.
    build.onResolve({ filter: /^yaml$/ }, () => {
      const path = join(process.cwd(), 'node_modules', 'yaml', 'browser', 'dist', 'index.js');
      if (!existsSync(path)) {
        throw new Error(`startup-trims: ${path} is gone; check yaml's exports`);
      }
      return { path };
    });
    // commander loads node:child_process for subcommands that are separate programs; btcfi has
    // none, so it is required only if one is ever spawned.
    build.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const eager = "const childProcess = require('node:child_process');";
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(eager)) {
        throw new Error(`startup-trims: ${args.path} no longer requires node:child_process as expected`);
      }
      const lazy = "const childProcess = { get spawn() { return require('node:child_process').spawn; } };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

const common = { bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' };

const bundle = await build({
  ...common,
  metafile: true,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli/app.cjs',
  format: 'cjs',
  plugins: [startupTrims],
  // Smaller to parse; names are kept so that BTCFI_DEBUG stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  define: { 'import.meta.url': '__btcfiModuleUrl' },
  banner: { js: "var __btcfiModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// esbuild writes every other character as an escape, but not in a tagged template (String.raw
// would see the escape): one such character makes V8 hold the whole bundle as a two-byte string,
// twice the memory and measurably slower to start. Write `${'–'}` in such a template instead.
const nonAscii = /[^\x00-\x7f]/.exec(readFileSync('dist/cli/app.cjs', 'latin1'));
if (nonAscii !== null) {
  const before = readFileSync('dist/cli/app.cjs', 'latin1').slice(Math.max(0, nonAscii.index - 60), nonAscii.index);
  throw new Error(`dist/cli/app.cjs is not ASCII: a character beyond ASCII after ${JSON.stringify(before)}`);
}

await build({
  ...common,
  entryPoints: ['src/launcher/main.ts'],
  outfile: 'dist/cli/main.cjs',
  format: 'cjs',
  define: {
    BTCFI_VERSION: JSON.stringify(version),
    // Names the bundle in the code cache's key: a cache is used only with the text it was made from.
    BTCFI_BUILD_ID: JSON.stringify(createHash('sha256').update(readFileSync('dist/cli/app.cjs')).digest('hex').slice(0, 16)),
  },
});

writeFileSync('dist/THIRD-PARTY-LICENSES', thirdPartyLicenses(bundle.metafile));

/**
 * The licence texts of the packages whose code is in the bundle, as esbuild's metafile lists its
 * inputs. A package without a licence file fails the build: nothing ships without its licence.
 */
function thirdPartyLicenses(metafile) {
  const roots = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replace(/\\/g, '/'));
    if (match !== null) {
      roots.add(match[1]);
    }
  }
  const sections = [...roots].map((root) => {
    const { name, version: packageVersion, license } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const licenceFile = readdirSync(root).find((file) => /^licen[cs]e(\.(md|txt))?$/i.test(file));
    if (licenceFile === undefined) {
      throw new Error(`third-party licences: ${name} (${root}) has no LICENSE file`);
    }
    const text = readFileSync(join(root, licenceFile), 'utf8').replace(/\r\n/g, '\n').trim();
    return { name, heading: `${name} ${packageVersion} (${license})`, text };
  });
  sections.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rule = '-'.repeat(72);
  return [
    `btcfi ${version} bundles the code of the packages below into dist/cli/app.cjs.`,
    'Each is distributed under the licence that follows its name.',
    ...sections.map(({ heading, text }) => `${rule}\n${heading}\n${rule}\n\n${text}`),
  ].join('\n\n') + '\n';
}

// The bundled scenarios, read now rather than at every run (see src/scenario/readBundledScenarios.ts).
await build({
  ...common,
  entryPoints: ['src/scenario/readBundledScenarios.ts'],
  outfile: 'dist/build/readBundledScenarios.cjs',
  format: 'cjs',
  plugins: [startupTrims], // the same yaml as the bundle's
});
const read = spawnSync(process.execPath, ['dist/build/readBundledScenarios.cjs', 'scenarios', 'dist/cli/scenarios.read.json'], { stdio: 'inherit' });
if (read.status !== 0) {
  throw new Error(`reading the bundled scenarios failed (exit ${read.status})`);
}

rmSync('dist/cli/app.cache', { force: true }); // the code cache of earlier builds, now the user's
rmSync('dist/cli/main.js', { force: true }); // the launcher of earlier builds
// Warmed up on the scenarios named as a path, so that the YAML parsing that files other than the
// bundled ones need is compiled too. Where the user's cache folder cannot be written, the run
// still works and the first runs of btcfi compile as usual.
const warm = spawnSync(process.execPath, ['bin/btcfi.js', 'project', 'scenarios'], {
  env: { ...process.env, BTCFI_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (warm.status !== 0) {
  throw new Error(`the warm-up run for the code cache failed (exit ${warm.status})`);
}
