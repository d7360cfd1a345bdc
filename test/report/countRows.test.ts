import { describe, expect, it } from 'vitest';
import { countRows } from '../../src/report/countRows.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { resolveScenario, type ResolvedScenario } from '../../src/scenario/resolveScenario.js';

function resolve(text: string): ResolvedScenario {
  const parsed = parseScenario(text, 'rows.yaml');
  const resolved = parsed.ok ? resolveScenario(parsed.value) : null;
  if (resolved === null || !resolved.ok) throw new Error('the fixture must resolve');
  return resolved.value;
}

describe('countRows', () => {
  it('counts one row for each period of each case, the first period included', () => {
    expect(countRows([])).toBe(0);
    expect(countRows([resolve('name: a\ntvl: 1\n')])).toBe(1);
    expect(countRows([resolve('name: a\ntvl: 1\nyears: 5\n')])).toBe(6);
    expect(countRows([resolve('name: a\ntvl: 1\nyears: 5\ncases:\n  q: {step: quarter}\n  m: {step: month, years: 2}\n  y: {}\n')])).toBe(21 + 25 + 6);
    expect(countRows([resolve('name: a\ntvl: 1\nyears: 1\n'), resolve('name: b\ntvl: 1\nyears: 2\nstep: month\n')])).toBe(2 + 25);
  });
});
