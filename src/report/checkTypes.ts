import type { D } from '../engine/decimal.js';
import type { Expectation, Statistic } from '../scenario/expectationSchema.js';
import type { InputIssue } from '../core/inputIssue.js';
import type { Unit } from '../core/unit.js';

export type { Expectation, ExpectField, ExpectTarget, Figure, Statistic } from '../scenario/expectationSchema.js';

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
  /** Which figure was evaluated; absent: the exact path of an exact case. */
  readonly basis?: EvaluationBasis;
}

/**
 * What an expectation was evaluated on: the exact path of an exact case; for a case with ranges,
 * the exact path at the medians of its ranges (an expectation of tvl, market_cap or utilization),
 * or a figure of its sampled paths (p50, p_target, ...), as `project` prints them.
 */
export type EvaluationBasis =
  | { readonly kind: 'exact' }
  | { readonly kind: 'median-path' }
  | { readonly kind: 'sampled'; readonly statistic: Statistic; readonly samples: number; readonly seed: number };

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
