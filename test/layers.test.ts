import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The import rule of README "How the code is laid out": imports point inward. Each layer names
// the layers it may import from; cli/ may import from every layer.

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

const LAYERS = ['core', 'engine', 'scenario', 'report', 'render', 'cli', 'launcher'] as const;
type Layer = (typeof LAYERS)[number];

const MAY_IMPORT: Readonly<Record<Layer, readonly Layer[]>> = {
  core: [],
  engine: ['core'],
  scenario: ['core'],
  report: ['core', 'scenario', 'engine'],
  render: ['core', 'report'],
  cli: ['core', 'engine', 'scenario', 'report', 'render'],
  launcher: [],
};

/** Beyond MAY_IMPORT, the layers whose types (import type) a layer may name: a scenario is read into the engine's input. */
const MAY_IMPORT_TYPES: Readonly<Partial<Record<Layer, readonly Layer[]>>> = {
  scenario: ['engine'],
};

/** The Decimal clone every layer shares: core, wherever the file sits. */
const SHARED_DECIMAL = ['engine/decimal.ts', 'core/decimal.ts'];

/**
 * Crossings known today, each with why; a new crossing fails the test. Entries are
 * `importer -> imported file's name`, the importer relative to src/ (the imported file may move
 * between folders of the engine).
 */
const KNOWN_CROSSINGS: ReadonlySet<string> = new Set([
  // The scenario checks that sampled paths stay within float64 while it can still point at the
  // field to blame; the check is the sampler's, and moves with it into the engine.
  'scenario/resolveScenario.ts -> maxSampledLog10.ts',
  // A case that states its end (end: 770.6B) has its growth solved as the file is read, with
  // solve growth's own solver: the bounds checks that follow need the growth, and a start of 0
  // or a horizon of 0 years is reported at the field.
  'scenario/resolveScenario.ts -> solveGrowth.ts',
  // Periods per year of each step, to cap the length of a path when the scenario is read.
  'scenario/resolveScenario.ts -> types.ts',
  // A range is read to its median (the exact path's input) and its bounds as it is parsed; the
  // Distribution and its median are the engine's, where sampling uses them.
  'scenario/fields.ts -> distribution.ts',
  // A price's range times the supply is the market cap's range (and a price's growth with the
  // issuance the market cap's): the engine's map of a Distribution, applied as the case is read.
  'scenario/resolveScenario.ts -> scaleDistribution.ts',
  'scenario/resolveMarket.ts -> scaleDistribution.ts',
]);

/** Import loops known today; a new one fails the test. */
const KNOWN_LOOPS: ReadonlySet<string> = new Set<string>([]);

/** Folders under src/ that are not layers yet (none today; a new one fails the test). */
const KNOWN_OUTSIDE: ReadonlySet<string> = new Set<string>([]);

interface Import {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^;'"]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => {
    const specifier = (match[2] ?? match[3])!;
    const target = resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
    return { from: relative(SRC, file), to: relative(SRC, target), typeOnly: match[1] !== undefined };
  });
}

function layerOf(path: string): string {
  const folder = path.split('/')[0]!;
  return SHARED_DECIMAL.includes(path) ? 'core' : KNOWN_OUTSIDE.has(folder) ? 'engine' : folder;
}

const allImports = sourceFiles(SRC).flatMap(importsOf);

const crossingKey = (from: string, to: string): string => `${from} -> ${to.split('/').at(-1)}`;

describe('layers', () => {
  it('finds the imports it checks', () => {
    expect(allImports.length).toBeGreaterThan(300);
    expect(allImports).toContainEqual({ from: 'cli/commands/check.ts', to: 'report/buildCheckReport.ts', typeOnly: false });
  });

  it('puts every folder of src/ in a layer', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const outside = folders.filter((folder) => !(LAYERS as readonly string[]).includes(folder) && !KNOWN_OUTSIDE.has(folder));
    expect(outside).toEqual([]);
  });

  it('imports only inward: each layer from the layers beneath it', () => {
    const crossings = allImports
      .filter(({ from, to, typeOnly }) => {
        const [importer, imported] = [layerOf(from), layerOf(to)] as [Layer, Layer];
        // Folders not yet in a layer are checked once they move into one.
        if (importer === imported || (imported as string) === '..' || KNOWN_OUTSIDE.has(from.split('/')[0]!)) {
          return false;
        }
        const allowed = [...MAY_IMPORT[importer], ...(typeOnly ? (MAY_IMPORT_TYPES[importer] ?? []) : [])];
        return !allowed.includes(imported);
      })
      .filter(({ from, to }) => !KNOWN_CROSSINGS.has(crossingKey(from, to)))
      .map(({ from, to }) => `${from} -> ${to}`);
    expect([...new Set(crossings)]).toEqual([]);
  });

  it('keeps core free of everything of ours', () => {
    const outOfCore = allImports.filter(({ from, to }) => layerOf(from) === 'core' && layerOf(to) !== 'core');
    expect(outOfCore).toEqual([]);
  });

  it('has no import loop between the files of a layer', () => {
    const graph = new Map<string, string[]>();
    for (const { from, to } of allImports) {
      graph.set(from, [...(graph.get(from) ?? []), to]);
    }
    const loops: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'open') {
        loops.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
        return;
      }
      if (state.get(file) === 'done') {
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) {
        visit(next, [...trail, file]);
      }
      state.set(file, 'done');
    };
    for (const file of [...graph.keys()].sort()) {
      visit(file, []);
    }
    expect(loops.filter((loop) => !KNOWN_LOOPS.has(loop))).toEqual([]);
  });

  it('lists no known crossing that is gone', () => {
    const present = new Set(allImports.filter(({ from, to }) => layerOf(from) !== layerOf(to)).map(({ from, to }) => crossingKey(from, to)));
    expect([...KNOWN_CROSSINGS].filter((crossing) => !present.has(crossing))).toEqual([]);
  });
});
