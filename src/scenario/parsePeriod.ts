import type { Step } from '../engine/types.js';
import type { TextProblem } from './parseAmount.js';
import { err, ok, type Result } from '../core/result.js';
import { quoted } from '../core/visibleText.js';

/** A period as whole years since the first period and the period within that year. */
export interface PeriodPosition {
  readonly year: number;
  readonly subperiod: number;
}

const PERIOD_PATTERN = /^(?:\+(?<offset>[0-9]{1,3})|(?<calendar>[0-9]{1,4}))(?:-(?:Q(?<quarter>[1-4])|(?<month>0[1-9]|1[0-2])))?$/i;

/**
 * Reads a period the way outputs label it: `2031`, `2026-Q3`, `2026-07` for a scenario with a
 * start year, or `+5`, `+1-Q3`, `+2-07` counted from the first period (which any scenario accepts).
 * Whether the period lies within the horizon is for the caller to check.
 */
export function parsePeriod(text: string, start: number | null, step: Step): Result<PeriodPosition, TextProblem> {
  const trimmed = text.trim();
  const groups = PERIOD_PATTERN.exec(trimmed)?.groups;
  // A period of this scenario's form, in the year the text names when it names one.
  const yearText = groups?.['offset'] !== undefined ? `+${groups['offset']}` : start === null ? '+5' : groups?.['calendar'] ?? String(start + 5);
  const form = `${yearText}${step === 'quarter' ? '-Q1' : step === 'month' ? '-01' : ''}`;
  if (groups === undefined) {
    return err({ message: `${quoted(trimmed)} is not a period`, hint: `write a period as the output labels it, like ${form}` });
  }
  let year: number;
  if (groups['offset'] !== undefined) {
    year = Number(groups['offset']);
  } else if (start === null) {
    return err({ message: `${quoted(trimmed)} is a calendar year, but the scenario has no start year`, hint: `its periods count from the first: write ${form}` });
  } else {
    year = Number(groups['calendar']) - start;
    if (year < 0) {
      return err({ message: `${trimmed} is before the first period (${start})`, hint: null });
    }
  }
  const { quarter, month } = groups;
  switch (step) {
    case 'year':
      if (quarter !== undefined || month !== undefined) {
        return err({ message: `${quoted(trimmed)} names part of a year, but the scenario's periods are years`, hint: `write ${form}` });
      }
      return ok({ year, subperiod: 0 });
    case 'quarter':
      if (quarter === undefined) {
        return err({ message: `${quoted(trimmed)} names no quarter, and the scenario's periods are quarters`, hint: `write ${form}` });
      }
      return ok({ year, subperiod: Number(quarter) - 1 });
    case 'month':
      if (month === undefined) {
        return err({ message: `${quoted(trimmed)} names no month, and the scenario's periods are months`, hint: `write ${form}` });
      }
      return ok({ year, subperiod: Number(month) - 1 });
  }
}
