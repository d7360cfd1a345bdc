import type { D } from '../engine/decimal.js';
import { buildProjectReport, type SimulationRequest } from './buildProjectReport.js';
import type { CaseReport, ReportRow, ScenarioReport } from './types.js';
import { err, ok, type Result } from '../core/result.js';
import type { Expectation, ExpectField } from '../scenario/expectationSchema.js';
import type { InputIssue } from '../core/inputIssue.js';
import type { ResolvedScenario } from '../scenario/resolveScenario.js';
import { suggest } from '../core/suggest.js';
import { evaluateExpectation } from './evaluateExpectation.js';
import type { CheckReport, EvaluationBasis, ExpectationResult, FileCheck } from './checkTypes.js';
import { quoted, shown } from '../core/visibleText.js';

const ROW_FIELD = { tvl: 'tvl', market_cap: 'marketCap', utilization: 'utilization' } as const satisfies Record<ExpectField, keyof ReportRow>;

/**
 * Projects every valid scenario and evaluates its expectations. A file with input issues
 * (including an expectation that names a case, period or field that does not exist) is
 * reported with its issues and nothing of it is evaluated.
 */
export function buildCheckReport(scenarios: readonly ResolvedScenario[], issues: readonly InputIssue[], simulation: SimulationRequest = CHECK_SIMULATION): CheckReport {
  const files: FileCheck[] = [];
  const issuesByFile = new Map<string, InputIssue[]>();
  for (const issue of issues) {
    issuesByFile.set(issue.file, [...(issuesByFile.get(issue.file) ?? []), issue]);
  }
  for (const [file, fileIssues] of issuesByFile) {
    files.push({ file, scenario: null, unit: null, issues: fileIssues, results: [] });
  }
  for (const scenario of scenarios) {
    files.push(checkScenario(scenario, simulation));
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const results = files.flatMap((file) => file.results);
  return {
    files,
    passed: results.filter((result) => result.passed).length,
    failed: results.filter((result) => !result.passed).length,
    invalid: files.filter((file) => file.issues.length > 0).length,
  };
}

/** How `check` samples the cases whose expectations name p50, p_target, ...: as `project` does by default, so the figures agree. */
export const CHECK_SIMULATION: SimulationRequest = { samples: 10_000, seed: 1 };

type FigureProblem = { readonly key: string; readonly message: string; readonly hint: string | null };

/** The figure an expectation names at a row of a case, and what it was evaluated on; or why the case has no such figure. */
function readFigure(
  expectation: Expectation,
  c: CaseReport,
  row: ReportRow,
  sampledCase: CaseReport | null,
  scenario: ResolvedScenario,
): Result<{ got: D; basis: EvaluationBasis }, FigureProblem> {
  const who = c.name === null ? 'the scenario' : `case ${c.name}`;
  const { statistic } = expectation;
  if (statistic == null || sampledCase === null) {
    const got = row[ROW_FIELD[expectation.field]] as D | null;
    if (got === null) {
      return err({ key: expectation.field, message: `${who} compounds a TVL directly, so it has no ${expectation.field}`, hint: 'check tvl instead, or model the scenario with market_cap and utilization' });
    }
    const ranged = scenario.cases.find((resolved) => resolved.name === c.name)?.uncertain != null;
    return ok({ got, basis: ranged ? { kind: 'median-path' } : { kind: 'exact' } });
  }
  const { simulation } = sampledCase;
  const quantiles = sampledCase.rows.find((r) => r.period === row.period)?.quantiles ?? null;
  if (simulation === null || quantiles === null) {
    return err({ key: statistic, message: `${statistic} is a figure of sampled paths, and ${who} has no ranges`, hint: `expect tvl: of the exact path instead; a case is sampled when a field is a range (5% to 10%)` });
  }
  const got = statistic === 'p_target' ? quantiles.targetProbability : quantiles.tvl[statistic];
  if (got === null) {
    return err({ key: statistic, message: `p_target is the share of paths that reach the target, and ${who} has none`, hint: 'add target: 238B to the scenario or the case' });
  }
  return ok({ got, basis: { kind: 'sampled', statistic, samples: simulation.samples, seed: simulation.seed } });
}

function checkScenario(scenario: ResolvedScenario, simulation: SimulationRequest): FileCheck {
  const report = buildProjectReport([scenario]).scenarios[0]!;
  // Sampled only when an expectation names a figure of the sampled paths, as project samples it.
  let sampled: ScenarioReport | null = null;
  const issues: InputIssue[] = [];
  const results: ExpectationResult[] = [];
  const caseNames = report.cases.flatMap((c) => (c.name === null ? [] : [c.name]));

  scenario.expectations.forEach((written, index) => {
    const at = (key: string, message: string, hint: string | null = null): void => {
      issues.push({ ...scenario.locate(['expect', index, key]), message: `expect[${index}].${key}: ${message}`, hint });
    };
    const expectation = withReferenceLevel(written, scenario, at);
    if (expectation === null) {
      return;
    }
    let cases: readonly CaseReport[] = report.cases;
    if (expectation.case !== null && scenario.casesLeftOut?.includes(expectation.case) === true) {
      return;
    }
    if (expectation.case !== null) {
      const named = report.cases.find((c) => c.name === expectation.case);
      if (named === undefined) {
        const near = suggest(expectation.case, caseNames);
        at('case', `no case named ${quoted(expectation.case)}`, caseNames.length === 0 ? 'this scenario has no cases: leave case out' : near !== null ? `did you mean ${quoted(near)}?` : `the cases are: ${caseNames.join(', ')}`);
        return;
      }
      cases = [named];
    }
    const { target } = expectation;
    const figures = target.kind === 'value' ? [target.figure] : target.kind === 'bounds' ? [target.atLeast, target.atMost] : [];
    for (const figure of figures) {
      if (figure?.marker != null && figure.marker !== scenario.unit) {
        at(expectation.field, `${quoted(figure.text)} is in ${figure.marker}, but the scenario's unit is ${scenario.unit}`);
        return;
      }
    }
    const line = scenario.locate(['expect', index]).span?.line ?? null;
    for (const c of cases) {
      const row = expectation.period === null ? extremeRow(c.rows, expectation) : c.rows.find((r) => r.period === expectation.period);
      if (row === undefined) {
        const periods = c.rows.map((r) => r.period);
        at('period', `no period ${shown(expectation.period ?? '')}${c.name === null ? '' : ` in case ${c.name}`}`, `periods run from ${periods[0]} to ${periods.at(-1)}`);
        return;
      }
      const sampledCase = expectation.statistic == null ? null : (sampled ??= buildProjectReport([scenario], simulation).scenarios[0]!).cases.find((s) => s.name === c.name)!;
      const read = readFigure(expectation, c, row, sampledCase, scenario);
      if (!read.ok) {
        at(read.error.key, read.error.message, read.error.hint);
        return;
      }
      const { got, basis } = read.value;
      results.push({ expectation, index, line, case: c.name, got, ...evaluateExpectation(target, got), basis });
    }
  });

  return issues.length > 0
    ? { file: scenario.file, scenario: scenario.name, unit: scenario.unit, issues, results: [] }
    : { file: scenario.file, scenario: scenario.name, unit: scenario.unit, issues: [], results };
}

/**
 * An expectation that names a reference, with the reference's level filled in; null (its issue
 * added, with the nearest name) when the scenario has no reference of that name. Others as they are.
 */
function withReferenceLevel(expectation: Expectation, scenario: ResolvedScenario, at: (key: string, message: string, hint?: string | null) => void): Expectation | null {
  const { target } = expectation;
  if (target.kind !== 'reference') {
    return expectation;
  }
  const found = scenario.references.find((reference) => reference.name === target.reference);
  if (found === undefined) {
    const names = scenario.references.map((reference) => reference.name);
    const near = suggest(target.reference, names);
    at(
      target.relation,
      `no reference named ${quoted(target.reference)}`,
      names.length === 0 ? 'this scenario has no references: add references: {NAME: AMOUNT}, or include a file of them' : near !== null ? `did you mean ${quoted(near)}?` : `the references are: ${names.join(', ')}`,
    );
    return null;
  }
  return { ...expectation, target: { ...target, level: found.value } };
}

/** For above or below at every period: the row nearest to failing it (the lowest TVL for above, the highest for below). */
function extremeRow(rows: readonly ReportRow[], expectation: Expectation): ReportRow | undefined {
  const above = expectation.target.kind === 'reference' && expectation.target.relation === 'above';
  return rows.reduce<ReportRow | undefined>((best, row) => (best === undefined || (above ? row.tvl.lt(best.tvl) : row.tvl.gt(best.tvl)) ? row : best), undefined);
}
