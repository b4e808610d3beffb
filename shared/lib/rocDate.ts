/**
 * ROC (民國) calendar formatting and lenient date-input parsing.
 *
 * Citizens and staff write dates in many shapes (114/3/5, 1140305,
 * 民國114年3月5日, 2025-03-05 ...); everything is parsed into the canonical
 * Gregorian 'YYYY-MM-DD' key that the rest of the app stores.
 */
import {
  formatDateKey,
  formatRocShortYmd,
  gregorianYear,
  isValidYmd,
  parseDateKey,
  rocYear,
  type Ymd,
} from './calendar';
import { toHalfWidth } from './text';
import { taipeiDateKey } from './time';

export { rocYear, gregorianYear };

export type DateLang = 'zh-TW' | 'en';
export type DateStyle = 'short' | 'long';

export type ParseDateResult =
  | { ok: true; date: string }
  | { ok: false; reason: 'empty' | 'format' | 'invalid' };

// Spelled out instead of Intl so the output does not vary with the ICU build.
const EN_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** A Date is an instant, so it is read on the Taipei calendar; strings must be 'YYYY-MM-DD'. */
function toYmd(date: string | Date): Ymd {
  return parseDateKey(typeof date === 'string' ? date : taipeiDateKey(date));
}

/** `民國114年3月5日`; pre-1912 dates read `民國前N年…`. */
export function formatRocLong(date: string | Date): string {
  const { year, month, day } = toYmd(date);
  const roc = rocYear(year);
  const y = roc >= 1 ? `${roc}` : `前${1 - roc}`;
  return `民國${y}年${month}月${day}日`;
}

/** `114/03/05`. */
export function formatRocShort(date: string | Date): string {
  return formatRocShortYmd(toYmd(date));
}

/** zh-TW → ROC forms; en → `2025-03-05` (short) / `5 March 2025` (long). */
export function formatDateForLang(date: string | Date, lang: DateLang, style: DateStyle): string {
  if (lang === 'zh-TW') return style === 'long' ? formatRocLong(date) : formatRocShort(date);
  const ymd = toYmd(date);
  if (style === 'short') return formatDateKey(ymd);
  return `${ymd.day} ${EN_MONTHS[ymd.month - 1] ?? ''} ${ymd.year}`;
}

/** Year, month, day digit strings as typed, before deciding ROC vs Gregorian. */
interface RawDate {
  year: string;
  month: string;
  day: string;
  /** The user wrote 民國, so a 4-digit year is a contradiction, not Gregorian. */
  explicitRoc: boolean;
}

function splitInput(s: string): RawDate | null {
  const cjk = /^(民國)?(\d{1,4})年(\d{1,2})月(\d{1,2})日?$/.exec(s);
  if (cjk) {
    return { year: cjk[2] ?? '', month: cjk[3] ?? '', day: cjk[4] ?? '', explicitRoc: cjk[1] !== undefined };
  }
  // The same separator must be used twice, so "114/3-5" is treated as a typo.
  const sep = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,2})$/.exec(s);
  if (sep) return { year: sep[1] ?? '', month: sep[3] ?? '', day: sep[4] ?? '', explicitRoc: false };
  // Compact forms carry no separators, so the total length fixes the year width:
  // 6 = YYMMDD (ROC), 7 = YYYMMDD (ROC), 8 = YYYYMMDD (Gregorian).
  if (/^\d{6,8}$/.test(s)) {
    const yLen = s.length - 4;
    return { year: s.slice(0, yLen), month: s.slice(yLen, yLen + 2), day: s.slice(yLen + 2), explicitRoc: false };
  }
  return null;
}

/**
 * Lenient parser for dates typed by staff. The year's digit count decides
 * the calendar: up to 3 digits is an ROC year, 4 digits is Gregorian —
 * unambiguous because ROC years stay below 1000 for centuries.
 */
export function parseDateInput(input: string): ParseDateResult {
  const s = toHalfWidth(input)
    .trim()
    // Dash look-alikes that IMEs and Word auto-correct produce.
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    // Spaces next to separators are harmless ("114 / 3 / 5", "民國 114 年").
    .replace(/\s*([/.\-年月日])\s*/g, '$1')
    .replace(/^民國\s+/, '民國');
  if (s === '') return { ok: false, reason: 'empty' };

  const raw = splitInput(s);
  if (!raw) return { ok: false, reason: 'format' };
  const isRoc = raw.year.length <= 3;
  if (raw.explicitRoc && !isRoc) return { ok: false, reason: 'format' };

  const typedYear = Number(raw.year);
  const year = isRoc ? gregorianYear(typedYear) : typedYear;
  const month = Number(raw.month);
  const day = Number(raw.day);
  if (isRoc && typedYear < 1) return { ok: false, reason: 'invalid' };
  if (!isValidYmd(year, month, day)) return { ok: false, reason: 'invalid' };
  return { ok: true, date: formatDateKey({ year, month, day }) };
}
