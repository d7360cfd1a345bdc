import type { ResolvedScenario } from '../scenario/resolveScenario.js';
import type { UnknownSelectionError } from '../scenario/loadScenarios.js';
import { suggest } from '../core/suggest.js';
import { UsageError } from './errors.js';
import { quoted } from '../core/visibleText.js';
import { countRows, MAX_PROJECT_ROWS } from '../report/countRows.js';

/** Keeps the scenarios and cases that --scenario and --case name; a name that matches nothing is a usage error. */
export function selectScenarios(scenarios: readonly ResolvedScenario[], names: readonly string[] = [], cases: readonly string[] = []): ResolvedScenario[] {
  // Sets, so that thousands of repeated flags cost no more than reading them.
  const allNames = scenarios.map((scenario) => scenario.name);
  const knownNames = new Set(allNames);
  for (const name of new Set(names)) {
    if (!knownNames.has(name)) {
      throw new UsageError(`no scenario named ${quoted(name)}`, didYouMean(name, allNames, 'scenarios'));
    }
  }
  const wanted = new Set(names);
  let selected = names.length === 0 ? [...scenarios] : scenarios.filter((scenario) => wanted.has(scenario.name));
  if (cases.length > 0) {
    const allCases = [...new Set(selected.flatMap((scenario) => scenario.cases.flatMap((c) => (c.name === null ? [] : [c.name]))))];
    const knownCases = new Set(allCases);
    for (const name of new Set(cases)) {
      if (!knownCases.has(name)) {
        throw new UsageError(`no case named ${quoted(name)} in the scenarios selected`, didYouMean(name, allCases, 'cases'));
      }
    }
    const wantedCases = new Set(cases);
    selected = selected
      .map((scenario) => ({ ...scenario, cases: scenario.cases.filter((c) => c.name !== null && wantedCases.has(c.name)) }))
      .filter((scenario) => scenario.cases.length > 0);
  }
  return selected;
}

/** A --scenario or --case that named nothing, as the usage error selectScenarios gives. */
export function selectionUsageError(error: UnknownSelectionError): UsageError {
  return error.what === 'scenario'
    ? new UsageError(`no scenario named ${quoted(error.selected)}`, didYouMean(error.selected, error.known, 'scenarios'))
    : new UsageError(`no case named ${quoted(error.selected)} in the scenarios selected`, didYouMean(error.selected, error.known, 'cases'));
}

/**
 * Refuses a run whose scenarios make more rows than MAX_PROJECT_ROWS: every command that projects
 * (project, check, validate, list) holds to the same cap, so no run computes for hours.
 */
export function checkRowCap(scenarios: readonly ResolvedScenario[]): void {
  const rows = countRows(scenarios);
  if (rows > MAX_PROJECT_ROWS) {
    throw new UsageError(
      `the scenarios make ${rows.toLocaleString('en-US')} rows (one for each period of each case); a run projects at most ${MAX_PROJECT_ROWS.toLocaleString('en-US')}`,
      'choose scenarios or cases with --scenario and --case, or project the files in several runs',
    );
  }
}

function didYouMean(name: string, known: readonly string[], what: string): string {
  const near = suggest(name, known);
  if (near !== null) {
    return `did you mean ${quoted(near)}?`;
  }
  return known.length === 0 ? `there are no ${what} to choose from` : `the ${what} are: ${known.join(', ')}`;
}

/**
 * The scenarios and cases that --scenario and --case name, as `project` selects them, each with
 * the cases left out named: an expectation naming one of them is not evaluated (one naming a
 * case the scenario does not have is still reported).
 */
export function selectForCheck(scenarios: readonly ResolvedScenario[], names: readonly string[] = [], cases: readonly string[] = []): ResolvedScenario[] {
  const selected = selectScenarios(scenarios, names, cases);
  if (cases.length === 0) {
    return selected;
  }
  const original = new Map(scenarios.map((scenario) => [scenario.name, scenario]));
  return selected.map((scenario) => {
    const kept = new Set(scenario.cases.map((c) => c.name));
    const casesLeftOut = original.get(scenario.name)!.cases.flatMap((c) => (c.name === null || kept.has(c.name) ? [] : [c.name]));
    return { ...scenario, casesLeftOut };
  });
}
