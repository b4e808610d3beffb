/**
 * Pure proleptic-Gregorian calendar arithmetic on plain numbers.
 *
 * Kept separate from time.ts / rocDate.ts so both can use it without
 * importing each other, and so it never goes through `Date` (whose
 * two-digit-year quirks and local time zone we want to stay away from).
 */

/** ROC year 1 (民國元年) is Gregorian 1912. */
export const ROC_OFFSET = 1911;

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Years are limited to 1–9999 so the result always fits the 'YYYY-MM-DD' shape. */
export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function formatDateKey({ year, month, day }: Ymd): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Parses a strict 'YYYY-MM-DD' key; throws because a bad key is a programming error. */
export function parseDateKey(dateKey: string): Ymd {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateKey);
  if (!m) throw new RangeError(`Invalid date key: ${dateKey}`);
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!isValidYmd(ymd.year, ymd.month, ymd.day)) throw new RangeError(`Invalid date key: ${dateKey}`);
  return ymd;
}

export function rocYear(gregorianYear: number): number {
  return gregorianYear - ROC_OFFSET;
}

export function gregorianYear(rocYear: number): number {
  return rocYear + ROC_OFFSET;
}

/**
 * `114/03/05`. The ROC year is not zero-padded (`99/01/02`), matching how
 * forms are filled in by hand. Pre-1912 dates have no ROC year, so they get
 * the conventional 民國前 ("before ROC") count, written 前N.
 */
export function formatRocShortYmd({ year, month, day }: Ymd): string {
  const roc = rocYear(year);
  const y = roc >= 1 ? String(roc) : `前${1 - roc}`;
  return `${y}/${pad2(month)}/${pad2(day)}`;
}
