import { describe, it, expect } from 'vitest';
import {
  TAIPEI_TZ,
  addDays,
  formatDateTime,
  formatTime,
  fromTaipeiLocal,
  startOfTaipeiDay,
  taipeiDateKey,
  taipeiParts,
  toIsoInstant,
} from '../../../shared/lib/time';

describe('TAIPEI_TZ', () => {
  it('is Asia/Taipei', () => {
    expect(TAIPEI_TZ).toBe('Asia/Taipei');
  });
});

describe('taipeiParts', () => {
  it('shifts a UTC instant to Taipei wall-clock time across midnight', () => {
    // 2025-03-04T16:30Z is 00:30 on Wednesday 5 March in Taipei.
    expect(taipeiParts('2025-03-04T16:30:00Z')).toEqual({
      year: 2025,
      month: 3,
      day: 5,
      hour: 0,
      minute: 30,
      second: 0,
      weekday: 3,
    });
  });

  it('accepts Date objects and reports midnight as hour 0, not 24', () => {
    const parts = taipeiParts(new Date('2025-03-04T16:00:05Z'));
    expect(parts).toMatchObject({ day: 5, hour: 0, minute: 0, second: 5 });
  });

  it('reports Sunday as weekday 0', () => {
    // 2025-03-09 is a Sunday in Taipei.
    expect(taipeiParts('2025-03-09T01:00:00+08:00').weekday).toBe(0);
    expect(taipeiParts('2025-03-08T16:00:00Z').weekday).toBe(0);
    expect(taipeiParts('2025-03-08T15:59:59Z').weekday).toBe(6);
  });

  it('throws on an unparseable instant', () => {
    expect(() => taipeiParts('not a date')).toThrow(RangeError);
    expect(() => taipeiParts(new Date(NaN))).toThrow(RangeError);
  });
});

describe('taipeiParts against the zone history Intl keeps', () => {
  const intl = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Taipei', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short', hourCycle: 'h23' });
  const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const reference = (ms: number) => {
    const f = Object.fromEntries(intl.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
    return { year: Number(f.year), month: Number(f.month), day: Number(f.day), hour: Number(f.hour) % 24, minute: Number(f.minute), second: Number(f.second), weekday: DAYS.indexOf(f.weekday ?? '') };
  };

  it('agrees at random instants from 1900 to 2100, around 1980 and at Taipei midnights', () => {
    const instants = [Date.UTC(1979, 11, 31, 15, 59, 59), Date.UTC(1979, 11, 31, 16), Date.UTC(2025, 11, 31, 16), Date.UTC(2024, 1, 28, 16)];
    let seed = 20261124;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 3000; i++) instants.push(Math.floor(Date.UTC(1900, 0, 1) + next() * (Date.UTC(2100, 0, 1) - Date.UTC(1900, 0, 1))));
    for (const ms of instants) expect(taipeiParts(new Date(ms)), new Date(ms).toISOString()).toEqual(reference(ms));
  });

  it('keeps the summer time Taipei observed until 1979', () => {
    // 1979-07-01 12:00 UTC was 21:00 in Taipei (UTC+9 that summer).
    expect(taipeiParts('1979-07-01T12:00:00Z')).toMatchObject({ day: 1, hour: 21 });
  });
});

describe('taipeiDateKey', () => {
  it('uses the Taipei calendar date, not the UTC one', () => {
    expect(taipeiDateKey('2025-03-04T16:30:00Z')).toBe('2025-03-05');
    expect(taipeiDateKey('2025-03-04T15:59:59Z')).toBe('2025-03-04');
  });

  it('crosses the year boundary eight hours before UTC does', () => {
    expect(taipeiDateKey('2024-12-31T16:00:00Z')).toBe('2025-01-01');
    expect(taipeiDateKey(new Date('2024-12-31T15:59:59Z'))).toBe('2024-12-31');
  });
});

describe('fromTaipeiLocal', () => {
  it('builds the instant for a Taipei wall-clock time', () => {
    expect(fromTaipeiLocal('2025-03-05', '00:30').toISOString()).toBe('2025-03-04T16:30:00.000Z');
    expect(fromTaipeiLocal('2025-03-05', '14:30:15').toISOString()).toBe('2025-03-05T06:30:15.000Z');
    expect(fromTaipeiLocal('2025-01-01', '07:59').toISOString()).toBe('2024-12-31T23:59:00.000Z');
  });

  it('round-trips with taipeiParts', () => {
    const d = fromTaipeiLocal('2024-02-29', '23:59:59');
    expect(taipeiParts(d)).toMatchObject({ year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59 });
  });

  it('throws on a malformed or impossible date', () => {
    expect(() => fromTaipeiLocal('2025-02-29', '10:00')).toThrow(RangeError);
    expect(() => fromTaipeiLocal('2025-3-5', '10:00')).toThrow(RangeError);
    expect(() => fromTaipeiLocal('', '10:00')).toThrow(RangeError);
  });

  it('throws on a malformed or impossible time', () => {
    expect(() => fromTaipeiLocal('2025-03-05', '24:00')).toThrow(RangeError);
    expect(() => fromTaipeiLocal('2025-03-05', '12:60')).toThrow(RangeError);
    expect(() => fromTaipeiLocal('2025-03-05', '12:00:60')).toThrow(RangeError);
    expect(() => fromTaipeiLocal('2025-03-05', '9:00')).toThrow(RangeError);
    expect(() => fromTaipeiLocal('2025-03-05', '')).toThrow(RangeError);
  });
});

describe('toIsoInstant', () => {
  it('returns the UTC ISO string', () => {
    expect(toIsoInstant(new Date('2025-03-05T00:30:00+08:00'))).toBe('2025-03-04T16:30:00.000Z');
  });

  it('throws for an invalid Date, like toISOString', () => {
    expect(() => toIsoInstant(new Date(NaN))).toThrow(RangeError);
  });
});

describe('formatTime', () => {
  it('formats 24-hour Taipei time', () => {
    expect(formatTime('2025-03-04T16:30:00Z')).toBe('00:30');
    expect(formatTime(new Date('2025-03-05T06:05:59Z'))).toBe('14:05');
    expect(formatTime('2025-03-05T15:59:00Z')).toBe('23:59');
  });

  it('throws on an invalid instant', () => {
    expect(() => formatTime('garbage')).toThrow(RangeError);
  });
});

describe('formatDateTime', () => {
  it('uses the ROC date for zh-TW', () => {
    expect(formatDateTime('2025-03-05T06:30:00Z', 'zh-TW')).toBe('114/03/05 14:30');
    expect(formatDateTime('2025-03-04T16:30:00Z', 'zh-TW')).toBe('114/03/05 00:30');
  });

  it('uses the Gregorian date for en', () => {
    expect(formatDateTime('2025-03-05T06:30:00Z', 'en')).toBe('2025-03-05 14:30');
    expect(formatDateTime('2024-12-31T16:00:00Z', 'en')).toBe('2025-01-01 00:00');
  });

  it('throws on an invalid instant', () => {
    expect(() => formatDateTime('', 'en')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('moves forwards and backwards across months and years', () => {
    expect(addDays('2025-03-05', 1)).toBe('2025-03-06');
    expect(addDays('2025-03-05', 0)).toBe('2025-03-05');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-12-31', 366)).toBe('2026-01-01');
  });

  it('rejects bad keys and fractional day counts', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('20250305', 1)).toThrow(RangeError);
    expect(() => addDays('2025-03-05', 1.5)).toThrow(RangeError);
  });
});

describe('startOfTaipeiDay', () => {
  it('is 16:00 UTC on the previous day', () => {
    expect(startOfTaipeiDay('2025-03-05').toISOString()).toBe('2025-03-04T16:00:00.000Z');
    expect(startOfTaipeiDay('2025-01-01').toISOString()).toBe('2024-12-31T16:00:00.000Z');
  });

  it('maps back to the same date key', () => {
    expect(taipeiDateKey(startOfTaipeiDay('2024-02-29'))).toBe('2024-02-29');
  });

  it('throws on an invalid key', () => {
    expect(() => startOfTaipeiDay('2025-13-01')).toThrow(RangeError);
  });
});
