import { describe, expect, it } from 'vitest';
import { canMoveReferral, formatDuration, maskPhone } from '../../../shared/domain/hotline';
import { previousShiftWindow, shiftWindowAt } from '../../../shared/domain/shiftWindow';

const SHIFTS = [
  { id: 1, extra: { start: '07:00', end: '15:00' } },
  { id: 2, extra: { start: '15:00', end: '23:00' } },
  { id: 3, extra: { start: '23:00', end: '07:00' } },
];
const iso = (w: { shift: { id: number } | null; start: Date; end: Date }) => [w.shift?.id ?? null, w.start.toISOString(), w.end.toISOString()];

describe('shift windows (Taipei)', () => {
  it('a day shift is today’s hours', () => {
    expect(iso(shiftWindowAt(SHIFTS, new Date('2025-03-05T01:00:00Z')))).toEqual([1, '2025-03-04T23:00:00.000Z', '2025-03-05T07:00:00.000Z']);
  });

  it('the night shift crosses midnight: at 02:00 it began the evening before, at 23:30 it ends tomorrow', () => {
    expect(iso(shiftWindowAt(SHIFTS, new Date('2025-03-04T18:00:00Z')))).toEqual([3, '2025-03-04T15:00:00.000Z', '2025-03-04T23:00:00.000Z']);
    expect(iso(shiftWindowAt(SHIFTS, new Date('2025-03-04T15:30:00Z')))).toEqual([3, '2025-03-04T15:00:00.000Z', '2025-03-04T23:00:00.000Z']);
  });

  it('the previous window is the shift that ended when this one began', () => {
    expect(iso(previousShiftWindow(SHIFTS, new Date('2025-03-05T01:00:00Z')))).toEqual([3, '2025-03-04T15:00:00.000Z', '2025-03-04T23:00:00.000Z']);
  });

  it('without shifts the Taipei day stands in', () => {
    expect(iso(shiftWindowAt([], new Date('2025-03-05T01:00:00Z')))).toEqual([null, '2025-03-04T16:00:00.000Z', '2025-03-05T16:00:00.000Z']);
  });
});

describe('display helpers', () => {
  it('masks the middle digits of phone numbers but keeps their shape', () => {
    expect(maskPhone('0912-345-678')).toBe('0912-***-678');
    expect(maskPhone('(07)123-4567')).toBe('(07)1**-*567');
    expect(maskPhone('')).toBe('');
  });

  it('formats durations as m:ss or h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(305)).toBe('5:05');
    expect(formatDuration(3725)).toBe('1:02:05');
  });

  it('referrals move 轉介中 → 已回覆/已結案, 已回覆 → 已結案, never back', () => {
    expect(canMoveReferral('pending', 'replied')).toBe(true);
    expect(canMoveReferral('pending', 'closed')).toBe(true);
    expect(canMoveReferral('replied', 'closed')).toBe(true);
    expect(canMoveReferral('closed', 'pending')).toBe(false);
    expect(canMoveReferral('replied', 'pending')).toBe(false);
  });
});
