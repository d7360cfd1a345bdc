import type { D } from '../engine/decimal.js';
import type { Expectation } from '../scenario/expectationSchema.js';
import type { InputIssue } from '../core/inputIssue.js';
import type { Unit } from '../core/unit.js';

export type { Expectation, ExpectField, ExpectTarget, Figure } from '../scenario/expectationSchema.js';

/** One expectation applied to one case: expectations without a case apply to every case. */
export interface ExpectationResult {
  readonly expectation: Expectation;
  /** Position in the file's expect list, and the line it was written on. */
  readonly index: number;
  readonly line: number | null;
  /** The case it was checked against (null for a scenario without cases). */
  readonly case: string | null;
  readonly got: D;
  /** (got - expected) / |expected| for a value, or against the bound that was crossed; null when not defined. */
  readonly difference: D | null;
  readonly passed: boolean;
}

export interface FileCheck {
  readonly file: string;
  /** null when the file could not be read or parsed far enough to have a name. */
  readonly scenario: string | null;
  readonly unit: Unit | null;
  /** Input problems: when there are any, nothing in the file was evaluated. */
  readonly issues: readonly InputIssue[];
  readonly results: readonly ExpectationResult[];
}

export interface CheckReport {
  readonly files: readonly FileCheck[];
  readonly passed: number;
  readonly failed: number;
  /** Files with input problems. */
  readonly invalid: number;
}
