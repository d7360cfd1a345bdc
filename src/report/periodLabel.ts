import type { Step } from '../engine/types.js';

/**
 * The label of a period as every output prints it: `2026`, `2026-Q1`, `2026-01`, or, for a
 * scenario without a start year, `+0`, `+1-Q3`, `+2-07`.
 */
export function periodLabel(start: number | null, step: Step, year: number, subperiod: number): string {
  const yearText = start === null ? `+${year}` : String(start + year);
  switch (step) {
    case 'year':
      return yearText;
    case 'quarter':
      return `${yearText}-Q${subperiod + 1}`;
    case 'month':
      return `${yearText}-${String(subperiod + 1).padStart(2, '0')}`;
  }
}
