/**
 * Time helpers pinned to Asia/Taipei.
 *
 * The desk PCs, the database and CI may all run in different zones, so no
 * helper here may depend on the host's local time zone: every conversion
 * goes through Intl with an explicit timeZone, or through the fixed +08:00
 * offset (Taiwan has not observed DST since 1979).
 */
import { formatDateKey, formatRocShortYmd, pad2, parseDateKey } from './calendar';

export const TAIPEI_TZ = 'Asia/Taipei';

const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface TaipeiParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday, matching Date#getDay. */
  weekday: number;
}

// Building a DateTimeFormat is costly and these helpers run per table row.
const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: TAIPEI_TZ,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  // h23 avoids engines that render midnight as "24" under hour12: false.
  hourCycle: 'h23',
});

function toDate(instant: Date | string): Date {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) throw new RangeError(`Invalid instant: ${String(instant)}`);
  return d;
}

/**
 * From 1980 on, Taipei is UTC+8 all year (its last summer time ended on 1979-10-01), so its
 * wall clock is arithmetic: ~20× cheaper than formatToParts, which ran on every save and every
 * listed row. Earlier instants (a date of birth, say) still go through Intl's history of the zone.
 */
const FIXED_OFFSET_SINCE_MS = Date.UTC(1980, 0, 1) - TAIPEI_OFFSET_MS;

/** Wall-clock fields of an instant as seen in Taipei. */
export function taipeiParts(instant: Date | string): TaipeiParts {
  const date = toDate(instant);
  if (date.getTime() >= FIXED_OFFSET_SINCE_MS) {
    const wall = new Date(date.getTime() + TAIPEI_OFFSET_MS);
    return {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
      second: wall.getUTCSeconds(),
      weekday: wall.getUTCDay(),
    };
  }
  const fields: Record<string, number> = {};
  for (const part of partsFormatter.formatToParts(date)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = fields.year ?? NaN;
  const month = fields.month ?? NaN;
  const day = fields.day ?? NaN;
  // Weekday is derived from the Taipei date itself rather than by parsing a
  // localised weekday name; setUTCFullYear avoids Date.UTC's 0–99 → 19xx quirk.
  const utcDate = new Date(0);
  utcDate.setUTCFullYear(year, month - 1, day);
  const weekday = utcDate.getUTCDay();
  return {
    year,
    month,
    day,
    hour: (fields.hour ?? NaN) % 24,
    minute: fields.minute ?? NaN,
    second: fields.second ?? NaN,
    weekday,
  };
}

/** The Taipei calendar date of an instant, as 'YYYY-MM-DD'. */
export function taipeiDateKey(instant: Date | string): string {
  const { year, month, day } = taipeiParts(instant);
  return formatDateKey({ year, month, day });
}

/**
 * The instant at which Taipei clocks show `dateKey` `time`.
 * Throws RangeError on malformed input: callers pass already-validated values.
 */
export function fromTaipeiLocal(dateKey: string, time: string): Date {
  const { year, month, day } = parseDateKey(dateKey);
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  const hour = Number(m?.[1]);
  const minute = Number(m?.[2]);
  const second = Number(m?.[3] ?? '0');
  if (!m || hour > 23 || minute > 59 || second > 59) {
    throw new RangeError(`Invalid time: ${time}`);
  }
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return new Date(d.getTime() - TAIPEI_OFFSET_MS);
}

/** ISO 8601 UTC form used for storage and IPC, e.g. 2025-03-04T16:30:00.000Z. */
export function toIsoInstant(d: Date): string {
  return d.toISOString();
}

/** 'HH:mm', 24-hour, Taipei wall clock. */
export function formatTime(instant: Date | string): string {
  const { hour, minute } = taipeiParts(instant);
  return `${pad2(hour)}:${pad2(minute)}`;
}

/** zh-TW: `114/03/05 14:30` (ROC date); en: `2025-03-05 14:30`. */
export function formatDateTime(instant: Date | string, lang: 'zh-TW' | 'en'): string {
  const parts = taipeiParts(instant);
  const date = lang === 'zh-TW' ? formatRocShortYmd(parts) : formatDateKey(parts);
  return `${date} ${pad2(parts.hour)}:${pad2(parts.minute)}`;
}

/** Calendar arithmetic on a 'YYYY-MM-DD' key; n may be negative. */
export function addDays(dateKey: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs an integer, got ${n}`);
  const { year, month, day } = parseDateKey(dateKey);
  // Working in UTC is safe here: UTC days are all 24h, so no DST drift.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  const shifted = new Date(d.getTime() + n * DAY_MS);
  return formatDateKey({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/** Midnight in Taipei at the start of `dateKey` (i.e. 16:00Z the day before). */
export function startOfTaipeiDay(dateKey: string): Date {
  return fromTaipeiLocal(dateKey, '00:00');
}
