/**
 * The period a statistic covers (issue 6 §1): a month, a quarter, a year or a custom range of
 * Taipei calendar days. Records carry UTC instants, so a period becomes the half-open instant
 * range [fromInstant, toInstant) between Taipei midnights, which SQL compares as text
 * (every stored instant has the same `toISOString()` shape).
 */
import { z } from 'zod';
import { formatDateKey, pad2, parseDateKey } from '../lib/calendar';
import { formatDateForLang, formatRocShort, rocYear } from '../lib/rocDate';
import { addDays, startOfTaipeiDay, taipeiParts } from '../lib/time';

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The longest custom range: five years keeps a trend chart readable and a query bounded. */
export const MAX_CUSTOM_DAYS = 5 * 366;

const year = z.number({ error: 'validation.invalidType' }).int('validation.invalid').min(1912, 'validation.tooSmall').max(2999, 'validation.tooBig');
const dateKey = z.string({ error: 'validation.required' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.invalid').refine(isDateKey, 'validation.invalid');

export const periodSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('month'), year, month: z.number({ error: 'validation.invalidType' }).int().min(1, 'validation.invalidChoice').max(12, 'validation.invalidChoice') }).strict(),
    z.object({ kind: z.literal('quarter'), year, quarter: z.number({ error: 'validation.invalidType' }).int().min(1, 'validation.invalidChoice').max(4, 'validation.invalidChoice') }).strict(),
    z.object({ kind: z.literal('year'), year }).strict(),
    z.object({ kind: z.literal('custom'), from: dateKey, to: dateKey }).strict(),
  ],
  { error: 'validation.invalidChoice' },
);
export type Period = z.infer<typeof periodSchema>;

function isDateKey(s: string): boolean {
  try {
    parseDateKey(s);
    return true;
  } catch {
    return false;
  }
}

export interface PeriodRange {
  /** first Taipei day, 'YYYY-MM-DD' (inclusive) */
  from: string;
  /** last Taipei day, 'YYYY-MM-DD' (inclusive) */
  to: string;
  /** Taipei midnight starting `from`, ISO UTC (inclusive) */
  fromInstant: string;
  /** Taipei midnight after `to`, ISO UTC (exclusive) */
  toInstant: string;
}

const lastDay = (y: number, m: number): string => addDays(formatDateKey({ year: m === 12 ? y + 1 : y, month: m === 12 ? 1 : m + 1, day: 1 }), -1);

export function periodDays(p: Period): { from: string; to: string } {
  switch (p.kind) {
    case 'month':
      return { from: formatDateKey({ year: p.year, month: p.month, day: 1 }), to: lastDay(p.year, p.month) };
    case 'quarter': {
      const first = (p.quarter - 1) * 3 + 1;
      return { from: formatDateKey({ year: p.year, month: first, day: 1 }), to: lastDay(p.year, first + 2) };
    }
    case 'year':
      return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
    case 'custom':
      return { from: p.from, to: p.to };
  }
}

/** Why a (schema-valid) custom period cannot be used, or null; an i18n key in 'stats'. */
export function periodProblem(p: Period): { field: 'from' | 'to'; messageKey: string } | null {
  if (p.kind !== 'custom') return null;
  if (p.from > p.to) return { field: 'to', messageKey: 'stats:errors.toBeforeFrom' };
  if (daysBetween(p.from, p.to) >= MAX_CUSTOM_DAYS) return { field: 'to', messageKey: 'stats:errors.rangeTooLong' };
  return null;
}

function daysBetween(a: string, b: string): number {
  return Math.round((startOfTaipeiDay(b).getTime() - startOfTaipeiDay(a).getTime()) / 86_400_000);
}

export function periodRange(p: Period): PeriodRange {
  const { from, to } = periodDays(p);
  return { from, to, fromInstant: startOfTaipeiDay(from).toISOString(), toInstant: startOfTaipeiDay(addDays(to, 1)).toISOString() };
}

/** 'YYYY-MM' of every month the days touch, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const a = parseDateKey(from);
  const b = parseDateKey(to);
  const out: string[] = [];
  for (let y = a.year, m = a.month; y < b.year || (y === b.year && m <= b.month); m === 12 ? ((m = 1), (y += 1)) : (m += 1)) {
    out.push(`${y}-${pad2(m)}`);
  }
  return out;
}

/**
 * The months of the trend charts: a single month or quarter shows the twelve months up to its
 * end (a one-point trend says nothing); a year or custom range shows its own months.
 */
export function trendMonths(p: Period): string[] {
  const { from, to } = periodDays(p);
  if (p.kind === 'month' || p.kind === 'quarter') {
    const end = parseDateKey(to);
    const start = end.month === 12 ? { year: end.year, month: 1 } : { year: end.year - 1, month: end.month + 1 };
    return monthsBetween(formatDateKey({ ...start, day: 1 }), to);
  }
  return monthsBetween(from, to);
}

/** The Taipei day range of the months 'YYYY-MM' … 'YYYY-MM'. */
export function monthsRange(months: readonly string[]): PeriodRange {
  const first = months[0] ?? '2000-01';
  const last = months[months.length - 1] ?? first;
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  return periodRange({ kind: 'custom', from: `${first}-01`, to: lastDay(ly, lm) });
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** zh-TW: 民國114年3月, 民國114年第1季, 民國114年, 民國114年3月1日至114年3月15日; en: March 2025, Q1 2025, 2025, 1 March 2025 – 15 March 2025. */
export function formatPeriod(p: Period, lang: 'zh-TW' | 'en'): string {
  const zh = lang === 'zh-TW';
  switch (p.kind) {
    case 'month':
      return zh ? `民國${rocYear(p.year)}年${p.month}月` : `${EN_MONTHS[p.month - 1] ?? ''} ${p.year}`;
    case 'quarter':
      return zh ? `民國${rocYear(p.year)}年第${p.quarter}季` : `Q${p.quarter} ${p.year}`;
    case 'year':
      return zh ? `民國${rocYear(p.year)}年` : String(p.year);
    case 'custom':
      return zh
        ? `${formatDateForLang(p.from, lang, 'long')}至${formatDateForLang(p.to, lang, 'long').replace(/^民國/, '')}`
        : `${formatDateForLang(p.from, lang, 'long')} – ${formatDateForLang(p.to, lang, 'long')}`;
  }
}

/** The days of a period in short form, e.g. 114/03/01–114/03/31 or 2025-03-01 – 2025-03-31. */
export function formatPeriodDays(p: Period, lang: 'zh-TW' | 'en'): string {
  const { from, to } = periodDays(p);
  return lang === 'zh-TW' ? `${formatRocShort(from)}–${formatRocShort(to)}` : `${from} – ${to}`;
}

/** A month key in the interface language: 114/03 or 2025-03. */
export function formatMonthKey(month: string, lang: 'zh-TW' | 'en'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return lang === 'zh-TW' ? `${rocYear(y)}/${pad2(m)}` : month;
}

/** A file-name-safe tag: 2025-03, 2025-Q1, 2025, 2025-03-01_2025-03-15. */
export function periodTag(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `${p.year}-${pad2(p.month)}`;
    case 'quarter':
      return `${p.year}-Q${p.quarter}`;
    case 'year':
      return String(p.year);
    case 'custom':
      return `${p.from}_${p.to}`;
  }
}

/** The month containing an instant, as a month period (the screen's starting point). */
export function monthOf(instant: Date | string): Extract<Period, { kind: 'month' }> {
  const { year: y, month } = taipeiParts(instant);
  return { kind: 'month', year: y, month };
}

/** The period just before or after (same kind and length); a custom range moves by its own length. */
export function shiftPeriod(p: Period, step: -1 | 1): Period {
  switch (p.kind) {
    case 'month': {
      const m = p.month + step;
      return m < 1 ? { ...p, year: p.year - 1, month: 12 } : m > 12 ? { ...p, year: p.year + 1, month: 1 } : { ...p, month: m };
    }
    case 'quarter': {
      const q = p.quarter + step;
      return q < 1 ? { ...p, year: p.year - 1, quarter: 4 } : q > 4 ? { ...p, year: p.year + 1, quarter: 1 } : { ...p, quarter: q };
    }
    case 'year':
      return { ...p, year: p.year + step };
    case 'custom': {
      const len = daysBetween(p.from, p.to) + 1;
      return { kind: 'custom', from: addDays(p.from, step * len), to: addDays(p.to, step * len) };
    }
  }
}
