import { compound } from '../engine/compound.js';
import { fitLogLinear } from '../engine/fitLogLinear.js';
import { solveGrowth } from '../engine/solveGrowth.js';
import { solveStart } from '../engine/solveStart.js';
import { solveUtilization } from '../engine/solveUtilization.js';
import { solveYears } from '../engine/solveYears.js';
import { D } from '../engine/decimal.js';
import type { Unit } from '../core/unit.js';
import type { EndReport, Given, GrowthReport, History, HistoryGrowthReport, StartReport, UtilizationReport, YearsReport } from './solveTypes.js';

// Runs the engine on the parsed flags (or history) and keeps the inputs beside the answer,
// for the renderers. Pure: decimals in, a report out.

export function buildGrowthReport(unit: Unit, from: Given, to: Given, years: Given): GrowthReport {
  return { solve: 'growth', unit, from, to, years, ...solveGrowth({ from: from.value, to: to.value, years: years.value }) };
}

export function buildHistoryGrowthReport(history: History): HistoryGrowthReport {
  const first = history.points[0]!;
  const last = history.points.at(-1)!;
  const endpoint = solveGrowth({ from: first.value, to: last.value, years: history.spanYears });
  if (endpoint.value === null) {
    // parseHistory returns positive values at distinct times, so this cannot happen.
    throw new Error(`a parsed history has no endpoint CAGR (${endpoint.reason})`);
  }
  return { solve: 'growth-history', unit: history.unit, history, value: endpoint.value, reason: null, logLinear: fitLogLinear(history.points).growth };
}

export function buildYearsReport(unit: Unit, from: Given, to: Given, growth: Given, start: number | null): YearsReport {
  return { solve: 'years', unit, from, to, growth, start, ...solveYears({ from: from.value, to: to.value, growth: growth.value }) };
}

export function buildEndReport(unit: Unit, from: Given, growth: Given, years: Given): EndReport {
  return { solve: 'end', unit, from, growth, years, value: compound(from.value, growth.value, years.value), reason: null };
}

export function buildStartReport(unit: Unit, to: Given, growth: Given, years: Given): StartReport {
  return { solve: 'start', unit, to, growth, years, ...solveStart({ to: to.value, growth: growth.value, years: years.value }) };
}

export function buildUtilizationReport(unit: Unit, marketCap: Given, tvl: Given, growth: Given | null, years: Given | null): UtilizationReport {
  const result = solveUtilization({ marketCap: marketCap.value, tvl: tvl.value, growth: growth?.value ?? new D(0), years: years?.value ?? new D(0) });
  return { solve: 'utilization', unit, marketCap, tvl, growth, years, ...result };
}
