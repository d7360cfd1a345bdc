import type { CheckReport, ExpectationResult, Figure } from '../../report/checkTypes.js';
import { plainFigure } from '../formatNumber.js';
import type { RenderOptions } from '../options.js';
import { JSON_VERSION } from '../renderJson.js';

/** Every expectation with its fields and outcome, and every input problem, as one JSON document. */
export function renderCheckJson(report: CheckReport, options: RenderOptions): string {
  const figure = (f: Figure | null): string | null => (f === null ? null : plainFigure(f.value, options.digits));
  const document = {
    btcfi: JSON_VERSION,
    check: { passed: report.passed, failed: report.failed, invalid: report.invalid },
    files: report.files.map((file) => ({
      file: file.file,
      scenario: file.scenario,
      valid: file.issues.length === 0,
      issues: file.issues.map((issue) => ({
        line: issue.span?.line ?? null,
        column: issue.span?.column ?? null,
        message: issue.message,
        hint: issue.hint,
      })),
      expectations: file.results.map((result) => {
        const { target } = result.expectation;
        return {
          index: result.index,
          line: result.line,
          case: result.case,
          period: result.expectation.period,
          field: result.expectation.field,
          expected: {
            value: target.kind === 'value' ? figure(target.figure) : null,
            within: target.kind !== 'bounds' && target.tolerance.kind === 'relative' ? figure(target.tolerance.rate) : null,
            abs: target.kind !== 'bounds' && target.tolerance.kind === 'absolute' ? figure(target.tolerance.amount) : null,
            at_least: target.kind === 'bounds' ? figure(target.atLeast) : null,
            at_most: target.kind === 'bounds' ? figure(target.atMost) : null,
            ...(target.kind === 'reference' ? { reference: target.reference, relation: target.relation, level: target.level === null ? null : plainFigure(target.level, options.digits) } : {}),
          },
          ...basisFields(result),
          got: plainFigure(result.got, options.digits),
          difference: result.difference === null ? null : plainFigure(result.difference, options.digits),
          passed: result.passed,
        };
      }),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** For a case with ranges, which figure was evaluated: `evaluated: "median path"`, or `"sampled"` with the statistic, samples and seed. */
function basisFields(result: ExpectationResult): Record<string, string | number> {
  const basis = result.basis;
  if (basis === undefined || basis.kind === 'exact') {
    return {};
  }
  return basis.kind === 'median-path' ? { evaluated: 'median path' } : { evaluated: 'sampled', statistic: basis.statistic, samples: basis.samples, seed: basis.seed };
}
