import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capIssues, dedupeIssues, InputError, sortIssues, type InputIssue } from '../core/inputIssue.js';
import { loadScenarioTexts, STDIN_NAME } from './loadScenarioTexts.js';
import { loadReferenceIncludes, type IncludeCache, type ScenarioPlace } from './loadReferenceIncludes.js';
import type { Unit } from '../core/unit.js';
import { parseScenario, parseScenarioData, zodIssues, type Locator, type ParsedScenario } from './parseScenario.js';
import { BUNDLED_READS_FILE, parseScenarioWith, type ScenarioReads } from './scenarioReads.js';
import { resolveScenario, type Overrides, type ResolvedScenario } from './resolveScenario.js';
import { caseSchema, NAME_PATTERN } from './schema.js';
import { suggest } from '../core/suggest.js';
import { BASE_FIELDS, fieldsFromFlags, type FieldFlags } from './fieldTable.js';
import type { TextUpTo } from './readTextUpTo.js';
import { quoted } from '../core/visibleText.js';

/** The bundled scenarios, beside the installed program (dist/cli/main.cjs and src/cli/ are both two levels down). */
export const BUNDLED_SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export type { FieldFlags };

export const INLINE_NAME = 'inline';

/** Where `-` reads from: standard input, read once, up to a limit. */
export interface StdinSource {
  readonly readStdin: (maxBytes: number) => Promise<TextUpTo>;
}

/** The scenarios that loaded, and every issue of those that did not (each naming its file). */
export interface ScenarioSet {
  readonly scenarios: readonly ResolvedScenario[];
  readonly issues: readonly InputIssue[];
}

/**
 * Every scenario the paths name, each resolved into its cases, with the inline flags applied:
 * with no path, flags that set --tvl or --market-cap make one scenario named `inline`; other
 * flags apply to the bundled scenarios. Throws InputError with every issue of every file.
 */
export async function loadScenarios(paths: readonly string[], flags: FieldFlags, io: StdinSource): Promise<readonly ResolvedScenario[]> {
  const { scenarios, issues } = await loadScenarioSet(paths, flags, io);
  if (issues.length > 0) {
    throw new InputError(issues);
  }
  return scenarios;
}

/** Like loadScenarios, but a file with issues does not stop the others: for commands that report per file. */
export async function loadScenarioSet(paths: readonly string[], flags: FieldFlags, io: StdinSource): Promise<ScenarioSet> {
  const fields = fieldsFromFlags(flags);
  const hasFlags = Object.keys(fields).length > 0;
  // With no path, flags that set a TVL or market cap make a scenario of their own; flags that
  // only vary fields (--growth 10%) are a what-if on the bundled scenarios.
  if (paths.length === 0 && BASE_FIELDS.some((field) => fields[field] !== undefined)) {
    const parsed = parseScenarioData({ name: INLINE_NAME, ...fields }, 'flags', flagLocator, () => '');
    const resolved = parsed.ok ? resolveScenario(parsed.value) : parsed;
    return resolved.ok ? { scenarios: [resolved.value], issues: [] } : { scenarios: [], issues: resolved.error };
  }

  const overrides = hasFlags ? parseOverrides(fields) : null;
  const located = paths.map(locateScenarioPath);
  const unknownNames = located.flatMap((path) => ('unknown' in path ? [path.unknown] : []));
  const bundledPaths = new Set(located.flatMap((path) => ('bundled' in path ? [path.bundled] : [])));
  const given = located.flatMap((path) => ('path' in path ? [path.path] : 'bundled' in path ? [path.bundled] : []));
  const loaded = await loadScenarioTexts(paths.length === 0 ? [BUNDLED_SCENARIOS] : given, io.readStdin);
  const issues: InputIssue[] = [...loaded.issues, ...unknownNames];
  const parsed: ParsedScenario[] = [];
  const places = new Map<ParsedScenario, ScenarioPlace>();
  for (const { file: path, text } of loaded.texts) {
    // Bundled files are named as they stand in the package, wherever it is installed.
    const bundled = paths.length === 0 || bundledPaths.has(path);
    const file = bundled ? `scenarios/${basename(path)}` : path;
    const result = bundled ? parseScenarioWith(bundledReads(), basename(path), text, file) : parseScenario(text, file);
    if (result.ok) {
      parsed.push(result.value);
      places.set(result.value, { path: path === STDIN_NAME ? null : path, shown: file });
    } else {
      issues.push(...result.error);
    }
  }
  issues.push(...duplicateNames(parsed));
  const resolved: ResolvedScenario[] = [];
  const includes: IncludeCache = new Map();
  for (const scenario of parsed) {
    const included = loadReferenceIncludes(scenario, places.get(scenario)!, includes);
    if (!included.ok) {
      issues.push(...included.error);
      continue;
    }
    const result = resolveScenario(scenario, overrides, included.value);
    if (result.ok) {
      resolved.push(result.value);
    } else {
      issues.push(...result.error);
    }
  }
  return { scenarios: resolved, issues: capIssues(sortIssues(dedupeIssues(issues))) };
}

/** The bundled scenarios' names, from their files: defi-2031 for scenarios/defi-2031.yaml. */
export function bundledScenarioNames(): string[] {
  try {
    return readdirSync(BUNDLED_SCENARIOS)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => name.slice(0, -'.yaml'.length))
      .sort();
  } catch {
    return [];
  }
}

type LocatedPath = { readonly path: string } | { readonly bundled: string } | { readonly unknown: InputIssue };

/**
 * A path as given, or, when no file or directory of that name exists and it is a scenario name
 * (defi-2031), the bundled scenario of that name: a path wins where both exist. A name that is
 * neither is an issue that names the bundled scenarios (or the nearest of them).
 */
function locateScenarioPath(arg: string): LocatedPath {
  if (arg === '-' || existsSync(arg) || !NAME_PATTERN.test(arg)) {
    return { path: arg };
  }
  const names = bundledScenarioNames();
  if (names.includes(arg)) {
    return { bundled: join(BUNDLED_SCENARIOS, `${arg}.yaml`) };
  }
  const near = suggest(arg, names);
  return {
    unknown: {
      file: arg,
      span: null,
      message: 'no such file, directory or bundled scenario',
      hint: near !== null ? `did you mean ${near}?` : `the bundled scenarios are ${names.join(', ')}; or give a file path`,
    },
  };
}

/**
 * The bundled scenarios as the build read them (dist/cli/scenarios.read.json), or null where
 * there is no such file (running from src/) or it cannot be read: every file is then parsed.
 */
function bundledReads(): ScenarioReads | null {
  if (bundledReadsCache === undefined) {
    try {
      bundledReadsCache = JSON.parse(readFileSync(new URL(BUNDLED_READS_FILE, import.meta.url), 'utf8')) as ScenarioReads;
    } catch {
      bundledReadsCache = null;
    }
  }
  return bundledReadsCache;
}
let bundledReadsCache: ScenarioReads | null | undefined;

const flagLocator: Locator = (path) => ({
  file: path.length === 0 ? 'flags' : `--${String(path[0]).replace(/_/g, '-')}`,
  span: null,
});

function parseOverrides(fields: Record<string, string>): Overrides {
  const { unit, ...model } = fields;
  const parsed = caseSchema.safeParse(model, { reportInput: true });
  if (!parsed.success) {
    throw new InputError(zodIssues(parsed.error.issues, flagLocator, () => ''));
  }
  return { fields: parsed.data, unit: (unit as Unit | undefined) ?? null, locate: flagLocator };
}

function duplicateNames(scenarios: readonly ParsedScenario[]): InputIssue[] {
  const firstByName = new Map<string, ParsedScenario>();
  const issues: InputIssue[] = [];
  for (const scenario of scenarios) {
    const first = firstByName.get(scenario.data.name);
    if (first === undefined) {
      firstByName.set(scenario.data.name, scenario);
      continue;
    }
    const { file, span } = first.locate(['name']);
    issues.push({
      ...scenario.locate(['name']),
      message: `the scenario name ${quoted(scenario.data.name)} is already used by ${file}${span === null ? '' : `:${span.line}:${span.column}`}`,
      hint: 'names must be unique among the files loaded: rename one of them',
    });
  }
  return issues;
}
