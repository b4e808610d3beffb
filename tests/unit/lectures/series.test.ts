import { describe, expect, it } from 'vitest';
import { addMonths, seriesDates, weekOfMonth } from '../../../shared/domain/lectureSeries';
import { okValue } from '../../support/core';
import { errorOf, lectureCore, session } from './helpers';

describe('series dates', () => {
  it('every 2nd and 4th Saturday for three months', () => {
    const end = addMonths('2025-03-01', 3);
    expect(end).toBe('2025-06-01');
    expect(seriesDates({ startDate: '2025-03-01', endDate: '2025-05-31', weekdays: [6], weeksOfMonth: [2, 4] })).toEqual([
      '2025-03-08', '2025-03-22', '2025-04-12', '2025-04-26', '2025-05-10', '2025-05-24',
    ]);
  });

  it('every Tuesday and Thursday when no week of the month is chosen', () => {
    expect(seriesDates({ startDate: '2025-03-03', endDate: '2025-03-16', weekdays: [2, 4], weeksOfMonth: [] })).toEqual([
      '2025-03-04', '2025-03-06', '2025-03-11', '2025-03-13',
    ]);
  });

  it('the 5th occurrence exists only in some months; month ends are clamped', () => {
    expect(seriesDates({ startDate: '2025-03-01', endDate: '2025-04-30', weekdays: [6], weeksOfMonth: [5] })).toEqual(['2025-03-29']);
    expect(weekOfMonth('2025-03-29')).toBe(5);
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
  });
});

describe('creating a series', () => {
  it('creates one session per date, all in one series, as typed in ROC dates', async () => {
    const t = await lectureCore();
    const { date: _d, ...fields } = session({ kind: 'holiday' });
    const created = okValue(
      await t.call(t.coord, 'lectures:createSeries', { ...fields, startDate: '114/3/1', endDate: '114/5/31', weekdays: [6], weeksOfMonth: [2, 4] }),
    );
    expect(created.map((s) => s.date)).toEqual(['2025-03-08', '2025-03-22', '2025-04-12', '2025-04-26', '2025-05-10', '2025-05-24']);
    expect(new Set(created.map((s) => s.seriesId)).size).toBe(1);
    expect(created.every((s) => s.kind === 'holiday' && s.capacity === 40)).toBe(true);
    const listed = okValue(await t.call(t.coord, 'lectures:listSessions', { from: '2025-04-01', to: '2025-04-30' }));
    expect(listed.map((s) => s.date)).toEqual(['2025-04-12', '2025-04-26']);
  });

  it('refuses an empty, reversed or overlong series and a bad date at its field, writing nothing', async () => {
    const t = await lectureCore();
    const { date: _d, ...fields } = session();
    const before = t.rowCounts();
    const err = async (over: object) => errorOf(await t.call(t.coord, 'lectures:createSeries', { ...fields, startDate: '2025-03-01', endDate: '2025-03-31', weekdays: [6], weeksOfMonth: [], ...over }));
    expect(await err({ weekdays: [6], weeksOfMonth: [5], endDate: '2025-03-20' })).toMatchObject({ field: 'weekdays', messageKey: 'lectures:errors.seriesEmpty' });
    expect(await err({ endDate: '2025-02-01' })).toMatchObject({ field: 'endDate', messageKey: 'lectures:errors.endBeforeStartDate' });
    expect(await err({ endDate: '2030-01-01' })).toMatchObject({ field: 'endDate', messageKey: 'lectures:errors.seriesTooLong' });
    expect(await err({ startDate: '114/02/30' })).toMatchObject({ field: 'startDate', messageKey: 'lectures:errors.badDate' });
    expect(await err({ endTime: '08:00' })).toMatchObject({ field: 'endTime', messageKey: 'lectures:errors.endBeforeStart' });
    expect(t.rowCounts()).toEqual(before);
  });

  it('refuses more seats than the venue holds', async () => {
    const t = await lectureCore();
    const room = t.ref('venue').find((v) => v.extra.capacity === 30)!;
    expect(errorOf(await t.call(t.coord, 'lectures:createSession', session({ venueId: room.id, capacity: 31 })))).toMatchObject({
      field: 'capacity',
      messageKey: 'lectures:errors.overVenueCapacity',
      params: { max: 30 },
    });
  });
});
