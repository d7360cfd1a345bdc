import type { CheckReport } from '../report/checkTypes.js';

/**
 * 2 when any input is invalid, else 1 when any expectation failed or none was evaluated at all
 * (like a test runner that ran no test: a CI job that checks nothing should not pass), else 0.
 */
export function getExitCode(report: CheckReport): 0 | 1 | 2 {
  if (report.invalid > 0) {
    return 2;
  }
  return report.failed > 0 || report.passed === 0 ? 1 : 0;
}
