import type { D } from '../engine/decimal.js';
import type { Unit } from '../scenario/parseAmount.js';

export interface ReportRow {
  readonly period: string;
  readonly index: number;
  readonly marketCap: D | null;
  readonly utilization: D | null;
  readonly tvl: D;
  readonly change: D | null;
}

export interface CaseReport {
  /** null for a scenario without cases. */
  readonly name: string | null;
  readonly rows: readonly ReportRow[];
}

export interface ScenarioReport {
  readonly name: string;
  readonly title: string | null;
  readonly source: string | null;
  readonly unit: Unit;
  readonly cases: readonly CaseReport[];
  /** Fields overridden from the command line, as `growth 10%`. */
  readonly whatIf: readonly string[];
}

/** What `btcfi project` computed: exact decimals, not yet rounded for anyone. */
export interface ProjectReport {
  readonly scenarios: readonly ScenarioReport[];
}
