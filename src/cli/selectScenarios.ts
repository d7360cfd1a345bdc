import type { ResolvedScenario } from '../scenario/resolveScenario.js';
import { suggest } from '../core/suggest.js';
import { UsageError } from './errors.js';
import { quoted } from '../core/visibleText.js';

/** Keeps the scenarios and cases that --scenario and --case name; a name that matches nothing is a usage error. */
export function selectScenarios(scenarios: readonly ResolvedScenario[], names: readonly string[] = [], cases: readonly string[] = []): ResolvedScenario[] {
  const allNames = scenarios.map((scenario) => scenario.name);
  for (const name of names) {
    if (!allNames.includes(name)) {
      throw new UsageError(`no scenario named ${quoted(name)}`, didYouMean(name, allNames, 'scenarios'));
    }
  }
  let selected = names.length === 0 ? [...scenarios] : scenarios.filter((scenario) => names.includes(scenario.name));
  if (cases.length > 0) {
    const allCases = [...new Set(selected.flatMap((scenario) => scenario.cases.flatMap((c) => (c.name === null ? [] : [c.name]))))];
    for (const name of cases) {
      if (!allCases.includes(name)) {
        throw new UsageError(`no case named ${quoted(name)} in the scenarios selected`, didYouMean(name, allCases, 'cases'));
      }
    }
    selected = selected
      .map((scenario) => ({ ...scenario, cases: scenario.cases.filter((c) => c.name !== null && cases.includes(c.name)) }))
      .filter((scenario) => scenario.cases.length > 0);
  }
  return selected;
}

function didYouMean(name: string, known: readonly string[], what: string): string {
  const near = suggest(name, known);
  if (near !== null) {
    return `did you mean ${quoted(near)}?`;
  }
  return known.length === 0 ? `there are no ${what} to choose from` : `the ${what} are: ${known.join(', ')}`;
}
