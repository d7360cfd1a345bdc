import { err, ok, type Result } from '../core/result.js';
import { quoted } from '../core/visibleText.js';

/** A date cell of a history file: a plain year, or an ISO date (with an optional time of day). */
export type HistoryDate =
  | { readonly kind: 'years'; readonly year: number }
  | {
      readonly kind: 'dates';
      /** Milliseconds since 1970-01-01T00:00Z: a count of time, not an amount, so a JS number holds it exactly. */
      readonly epochMs: number;
    };

const YEAR = /^[0-9]{4}$/;
const ISO_DATE =
  /^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})(?:[T ](?<hour>[0-9]{2}):(?<minute>[0-9]{2})(?::(?<second>[0-9]{2})(?:\.(?<fraction>[0-9]{1,3}))?)?(?<zone>Z|[+-][0-9]{2}:?[0-9]{2})?)?$/;

export const DATE_HINT = 'write a year like 2024 or an ISO date like 2024-12-31 (a time may follow: 2024-12-31T00:00Z)';

/** Reads `2024`, `2024-12-31`, `2024-12-31T18:00`, `2024-12-31 18:00:00Z` or `2024-12-31T18:00+01:00` (UTC when no zone is given). */
export function parseHistoryDate(text: string): Result<HistoryDate, string> {
  const trimmed = text.trim();
  if (YEAR.test(trimmed)) {
    return ok({ kind: 'years', year: Number(trimmed) });
  }
  const groups = ISO_DATE.exec(trimmed)?.groups;
  if (groups === undefined) {
    return err(trimmed === '' ? 'the date is empty' : `${quoted(trimmed)} is not a year or an ISO date`);
  }
  const [year, month, day] = [groups['year'], groups['month'], groups['day']].map(Number) as [number, number, number];
  const hour = Number(groups['hour'] ?? '0');
  const minute = Number(groups['minute'] ?? '0');
  const second = Number(groups['second'] ?? '0');
  const millisecond = Number((groups['fraction'] ?? '').padEnd(3, '0'));
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  if (!valid) {
    return err(`${quoted(trimmed)} is not a date of the calendar`);
  }
  return ok({ kind: 'dates', epochMs: date.getTime() - zoneOffsetMs(groups['zone']) });
}

/** +01:00 is an hour ahead of UTC, so its times are an hour earlier in UTC. */
function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') {
    return 0;
  }
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
}
