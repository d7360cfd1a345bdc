import type { CheckReport } from '../report/checkTypes.js';

/** 2 when any input is invalid, else 1 when any expectation failed, else 0. */
export function getExitCode(report: CheckReport): 0 | 1 | 2 {
  if (report.invalid > 0) {
    return 2;
  }
  return report.failed > 0 ? 1 : 0;
}
