import type { D } from '../engine/decimal.js';
import { buildProjectReport } from './buildProjectReport.js';
import type { CaseReport, ReportRow } from './types.js';
import type { ExpectField } from '../scenario/expectationSchema.js';
import type { InputIssue } from '../core/inputIssue.js';
import type { ResolvedScenario } from '../scenario/resolveScenario.js';
import { suggest } from '../core/suggest.js';
import { evaluateExpectation } from './evaluateExpectation.js';
import type { CheckReport, ExpectationResult, FileCheck } from './checkTypes.js';
import { quoted, shown } from '../core/visibleText.js';

const ROW_FIELD = { tvl: 'tvl', market_cap: 'marketCap', utilization: 'utilization' } as const satisfies Record<ExpectField, keyof ReportRow>;

/**
 * Projects every valid scenario and evaluates its expectations. A file with input issues
 * (including an expectation that names a case, period or field that does not exist) is
 * reported with its issues and nothing of it is evaluated.
 */
export function buildCheckReport(scenarios: readonly ResolvedScenario[], issues: readonly InputIssue[]): CheckReport {
  const files: FileCheck[] = [];
  const issuesByFile = new Map<string, InputIssue[]>();
  for (const issue of issues) {
    issuesByFile.set(issue.file, [...(issuesByFile.get(issue.file) ?? []), issue]);
  }
  for (const [file, fileIssues] of issuesByFile) {
    files.push({ file, scenario: null, unit: null, issues: fileIssues, results: [] });
  }
  for (const scenario of scenarios) {
    files.push(checkScenario(scenario));
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

function checkScenario(scenario: ResolvedScenario): FileCheck {
  const report = buildProjectReport([scenario]).scenarios[0]!;
  const issues: InputIssue[] = [];
  const results: ExpectationResult[] = [];
  const caseNames = report.cases.flatMap((c) => (c.name === null ? [] : [c.name]));

  scenario.expectations.forEach((expectation, index) => {
    const at = (key: string, message: string, hint: string | null = null): void => {
      issues.push({ ...scenario.locate(['expect', index, key]), message: `expect[${index}].${key}: ${message}`, hint });
    };
    let cases: readonly CaseReport[] = report.cases;
    if (expectation.case !== null) {
      const named = report.cases.find((c) => c.name === expectation.case);
      if (named === undefined) {
        const near = suggest(expectation.case, caseNames);
        at('case', `no case named ${quoted(expectation.case)}`, caseNames.length === 0 ? 'this scenario has no cases: leave case out' : near !== null ? `did you mean ${quoted(near)}?` : `the cases are: ${caseNames.join(', ')}`);
        return;
      }
      cases = [named];
    }
    const figures = expectation.target.kind === 'value' ? [expectation.target.figure] : [expectation.target.atLeast, expectation.target.atMost];
    for (const figure of figures) {
      if (figure?.marker != null && figure.marker !== scenario.unit) {
        at(expectation.field, `${quoted(figure.text)} is in ${figure.marker}, but the scenario's unit is ${scenario.unit}`);
        return;
      }
    }
    const line = scenario.locate(['expect', index]).span?.line ?? null;
    for (const c of cases) {
      const row = c.rows.find((r) => r.period === expectation.period);
      if (row === undefined) {
        const periods = c.rows.map((r) => r.period);
        at('period', `no period ${shown(expectation.period)}${c.name === null ? '' : ` in case ${c.name}`}`, `periods run from ${periods[0]} to ${periods.at(-1)}`);
        return;
      }
      const got = row[ROW_FIELD[expectation.field]] as D | null;
      if (got === null) {
        at(expectation.field, `${c.name === null ? 'the scenario' : `case ${c.name}`} compounds a TVL directly, so it has no ${expectation.field}`, 'check tvl instead, or model the scenario with market_cap and utilization');
        return;
      }
      results.push({ expectation, index, line, case: c.name, got, ...evaluateExpectation(expectation.target, got) });
    }
  });

  return issues.length > 0
    ? { file: scenario.file, scenario: scenario.name, unit: scenario.unit, issues, results: [] }
    : { file: scenario.file, scenario: scenario.name, unit: scenario.unit, issues: [], results };
}
