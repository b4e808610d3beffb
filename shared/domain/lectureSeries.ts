/**
 * Dates of a repeating series of sessions (issue 4 §1), e.g. "every 2nd and 4th Saturday for
 * three months". Pure calendar arithmetic on 'YYYY-MM-DD' keys, no time zone involved.
 */
import { daysInMonth, formatDateKey, parseDateKey } from '../lib/calendar';
import { addDays } from '../lib/time';

export interface SeriesRule {
  /** first day that may hold a session */
  startDate: string;
  /** last day that may hold a session (inclusive) */
  endDate: string;
  /** 0 = Sunday … 6 = Saturday */
  weekdays: readonly number[];
  /** which occurrences of the weekday in its month (1–5); empty = every week */
  weeksOfMonth: readonly number[];
}

export const MAX_SERIES_SESSIONS = 200;
/** a longer span is almost certainly a typo in the year */
export const MAX_SERIES_DAYS = 731;

export function weekdayOf(dateKey: string): number {
  const { year, month, day } = parseDateKey(dateKey);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCDay();
}

/** The same day n months later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(dateKey: string, n: number): string {
  const { year, month, day } = parseDateKey(dateKey);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatDateKey({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** Which occurrence of its weekday a day is within its month: day 1–7 → 1, 8–14 → 2, … */
export const weekOfMonth = (dateKey: string): number => Math.ceil(parseDateKey(dateKey).day / 7);

/** All dates of the rule in order; stops at MAX_SERIES_SESSIONS + 1 so callers can refuse. */
export function seriesDates(rule: SeriesRule): string[] {
  const out: string[] = [];
  if (rule.endDate < rule.startDate || rule.weekdays.length === 0) return out;
  for (let d = rule.startDate; d <= rule.endDate; d = addDays(d, 1)) {
    if (!rule.weekdays.includes(weekdayOf(d))) continue;
    if (rule.weeksOfMonth.length > 0 && !rule.weeksOfMonth.includes(weekOfMonth(d))) continue;
    out.push(d);
    if (out.length > MAX_SERIES_SESSIONS) break;
  }
  return out;
}
