import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capIssues, dedupeIssues, InputError, sortIssues, type InputIssue } from '../core/inputIssue.js';
import { loadScenarioTexts, STDIN_NAME } from './loadScenarioTexts.js';
import { loadReferenceIncludes, type IncludeCache, type ScenarioPlace } from './loadReferenceIncludes.js';
import type { Unit } from '../core/unit.js';
import { parseScenario, parseScenarioData, zodIssues, type Locator, type ParsedScenario } from './parseScenario.js';
import { BUNDLED_READS_FILE, parseScenarioWith, type ScenarioReads } from './scenarioReads.js';
import { resolveScenario, type Overrides, type ResolvedScenario } from './resolveScenario.js';
import { caseSchema, NAME_PATTERN, type CaseFields } from './schema.js';
import { err, ok, type Result } from '../core/result.js';
import { fileCaseNames } from './caseStacks.js';
import { appliedNowhere, markedUnit, readFieldFlags, type FlagReading } from './whatIfFlags.js';
import { suggest } from '../core/suggest.js';
import { BASE_FIELDS, fieldsFromFlags, type FieldFlags, type FieldKey } from './fieldTable.js';
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

/** The scenarios and cases a run keeps (--scenario, --case), chosen before any what-if applies. */
export interface Selection {
  readonly scenarios?: readonly string[];
  readonly cases?: readonly string[];
}

/** A --scenario or --case that names nothing loaded: the CLI says so, with the names it knows. */
export class UnknownSelectionError extends Error {
  constructor(
    readonly what: 'scenario' | 'case',
    readonly selected: string,
    readonly known: readonly string[],
  ) {
    super(`no ${what} named ${selected}`);
    this.name = 'UnknownSelectionError';
  }
}

/**
 * Every scenario the paths name, each resolved into its cases, with the inline flags applied:
 * with no path, flags that set --tvl or --market-cap make one scenario named `inline`; other
 * flags apply to the bundled scenarios. Throws InputError with every issue of every file.
 */
export async function loadScenarios(paths: readonly string[], flags: FieldFlags, io: StdinSource, selection: Selection = {}): Promise<readonly ResolvedScenario[]> {
  const { scenarios, issues } = await loadScenarioSet(paths, flags, io, selection);
  if (issues.length > 0) {
    throw new InputError(issues);
  }
  return scenarios;
}

/** Like loadScenarios, but a file with issues does not stop the others: for commands that report per file. */
export async function loadScenarioSet(paths: readonly string[], flags: FieldFlags, io: StdinSource, selection: Selection = {}): Promise<ScenarioSet> {
  const fields = fieldsFromFlags(flags);
  const hasFlags = Object.keys(fields).length > 0;
  const reading = readFieldFlags(fields);
  if (!reading.ok) {
    return { scenarios: [], issues: reading.error };
  }
  // With no path, flags that set a TVL or market cap make a scenario of their own; flags that
  // only vary fields (--growth 10%) are a what-if on the bundled scenarios.
  if (paths.length === 0 && BASE_FIELDS.some((field) => fields[field] !== undefined)) {
    return loadInline(reading.value, selection);
  }

  const overrides = hasFlags ? parseOverrides(reading.value) : null;
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
  return resolveSelected(parsed, issues, overrides, selection, places);
}

/** Where the scenario of the flags alone stands: it includes no file. */
const FLAGS_PLACE: ScenarioPlace = { path: null, shown: 'flags' };

/**
 * Resolves the scenarios and cases selected, with the what-ifs on top: filters apply first, so a
 * what-if is checked only against what the run projects. The others are resolved as they are,
 * so that a broken file is still reported.
 */
function resolveSelected(
  parsed: readonly ParsedScenario[],
  issues: InputIssue[],
  overrides: Overrides | null,
  selection: Selection,
  places: ReadonlyMap<ParsedScenario, ScenarioPlace> = new Map(),
): ScenarioSet {
  const chosen = selectParsed(parsed, selection);
  if (!chosen.ok) {
    if (issues.length > 0) {
      return { scenarios: [], issues: capIssues(sortIssues(dedupeIssues(issues))) };
    }
    throw chosen.error;
  }
  const { scenarios, caseFilter } = chosen.value;
  const resolved: ResolvedScenario[] = [];
  const includes: IncludeCache = new Map();
  for (const scenario of parsed) {
    const included = loadReferenceIncludes(scenario, places.get(scenario) ?? FLAGS_PLACE, includes, bundledRead);
    if (!included.ok) {
      issues.push(...included.error);
      continue;
    }
    const result = scenarios.has(scenario) ? resolveScenario(scenario, overrides, included.value, caseFilter) : resolveScenario(scenario, null, included.value);
    if (!result.ok) {
      issues.push(...result.error);
    } else if (scenarios.has(scenario) && result.value.cases.length > 0) {
      resolved.push(result.value);
    }
  }
  if (issues.length === 0 && overrides !== null) {
    issues.push(...appliedNowhere(resolved, [...Object.keys(overrides.fields), ...(overrides.sweep == null ? [] : [overrides.sweep.field])]));
  }
  return { scenarios: resolved, issues: capIssues(sortIssues(dedupeIssues(issues))) };
}

/** The scenarios --scenario names (all without it), and the cases --case names; a name that matches nothing is an error. */
function selectParsed(parsed: readonly ParsedScenario[], selection: Selection): Result<{ scenarios: ReadonlySet<ParsedScenario>; caseFilter: ReadonlySet<string> | null }, UnknownSelectionError> {
  const names = selection.scenarios ?? [];
  const allNames = parsed.map((scenario) => scenario.data.name);
  const unknown = names.find((name) => !allNames.includes(name));
  if (unknown !== undefined) {
    return err(new UnknownSelectionError('scenario', unknown, allNames));
  }
  const wanted = new Set(names);
  const scenarios = new Set(names.length === 0 ? parsed : parsed.filter((scenario) => wanted.has(scenario.data.name)));
  const cases = selection.cases ?? [];
  if (cases.length === 0) {
    return ok({ scenarios, caseFilter: null });
  }
  const allCases = [...new Set([...scenarios].flatMap((scenario) => fileCaseNames(scenario.data)))];
  const unknownCase = cases.find((name) => !allCases.includes(name));
  if (unknownCase !== undefined) {
    return err(new UnknownSelectionError('case', unknownCase, allCases));
  }
  return ok({ scenarios, caseFilter: new Set(cases) });
}

/**
 * The scenario of the flags alone. A sweep of its TVL or market cap is first checked as one
 * value beside the other flags, so that `--tvl 1B,2B --utilization 5%` is refused as
 * `--tvl 1B --utilization 5%` is, rather than each case replacing the utilization.
 */
function loadInline(reading: FlagReading, selection: Selection): ScenarioSet {
  const sweep = reading.sweep;
  if (sweep !== null && BASE_FIELDS.includes(sweep.field as FieldKey)) {
    const single = parseScenarioData(inlineData({ fixed: { ...reading.fixed, [sweep.field]: sweep.values[0]! }, sweep: null }), 'flags', flagLocator, () => '');
    const resolved = single.ok ? resolveScenario(single.value) : single;
    if (!resolved.ok) {
      return { scenarios: [], issues: resolved.error };
    }
  }
  const parsed = parseScenarioData(inlineData(reading), 'flags', flagLocator, () => '');
  return parsed.ok ? resolveSelected([parsed.value], [], null, selection) : { scenarios: [], issues: parsed.error };
}

/** The inline scenario of the flags: a sweep is its cases, and an amount that names a unit (91,332 BTC) sets the unit. */
function inlineData(reading: FlagReading): Record<string, unknown> {
  const unit = reading.fixed['unit'] ?? markedUnit(reading);
  return {
    name: INLINE_NAME,
    ...reading.fixed,
    ...(unit === null ? {} : { unit }),
    ...(reading.sweep === null ? {} : { sweep: { [reading.sweep.field]: reading.sweep.values } }),
  };
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

/** A bundled file (a file of references the bundled scenarios include) as the build read it, by absolute path. */
function bundledRead(path: string): ScenarioReads[string] | undefined {
  const name = relative(BUNDLED_SCENARIOS, path).split(sep).join('/');
  const reads = name.startsWith('..') || isAbsolute(name) ? null : bundledReads();
  return reads !== null && Object.hasOwn(reads, name) ? reads[name] : undefined;
}

/** A flag's issues name the flag; a swept value's, the flag it came from (`sweep.utilization[1]` is --utilization). */
const flagLocator: Locator = (path) => {
  const field = path[0] === 'sweep' ? path[1] : path[0];
  return { file: field === undefined ? 'flags' : `--${String(field).replace(/_/g, '-')}`, span: null };
};

function parseOverrides(reading: FlagReading): Overrides {
  const { unit, ...model } = reading.fixed;
  const parsed = caseSchema().safeParse(model, { reportInput: true });
  const issues = parsed.success ? [] : zodIssues(parsed.error.issues, flagLocator, () => '');
  const sweep = reading.sweep;
  const values: { name: string; fields: CaseFields }[] = [];
  for (const text of sweep?.values ?? []) {
    const value = caseSchema().safeParse({ [sweep!.field]: text }, { reportInput: true });
    if (value.success) {
      values.push({ name: text, fields: value.data });
    } else {
      issues.push(...zodIssues(value.error.issues, flagLocator, () => ''));
    }
  }
  if (!parsed.success || issues.length > 0) {
    throw new InputError(dedupeIssues(issues));
  }
  return {
    fields: parsed.data,
    unit: (unit as Unit | undefined) ?? null,
    locate: flagLocator,
    sweep: sweep === null ? null : { field: sweep.field as keyof CaseFields, values },
  };
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
