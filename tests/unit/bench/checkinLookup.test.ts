/**
 * The check-in lookup reshaped for ten years of rosters (electron/core/lectures/lookupRepo.ts)
 * must still find the right people: today's roster first, walk-ins from other sessions, nobody
 * who has nothing to check in — however many other people share a name or an ID prefix.
 */
import { describe, expect, it } from 'vitest';
import { insertAttendee } from '../../../electron/core/lectures/attendeesRepo';
import { checkDigitFor } from '../../../shared/lib/taiwanId';
import { okValue } from '../../support/core';
import { lectureCore, person, session, TODAY, type LectureCore } from '../lectures/helpers';

async function enrolled(t: LectureCore, date: string, ids: number[]): Promise<number> {
  const s = okValue(await t.call(t.coord, 'lectures:createSession', session({ date })));
  okValue(await t.call(t.coord, 'lectures:enrol', { sessionId: s.id, attendeeIds: ids }));
  return s.id;
}

const lookup = async (t: LectureCore, sessionId: number, query: string) => okValue(await t.call(t.coord, 'lectures:lookup', { sessionId, query }));

describe('check-in lookup with many people of the same name', () => {
  it('lists today’s person first and the walk-in, even with 30 namesakes who have nothing to check in', async () => {
    const t = await lectureCore();
    const ids: number[] = [];
    for (let n = 1; n <= 32; n++) ids.push(okValue(await t.call(t.coord, 'lectures:saveAttendee', person(n, { name: '陳志明' }))).id);
    const today = await enrolled(t, TODAY, [ids[31] as number]);
    // Booked for next week: may walk in today and be transferred here.
    await enrolled(t, '2025-03-12', [ids[30] as number]);
    for (const query of ['陳志明', '志明', '陳']) {
      const r = await lookup(t, today, query);
      expect(r.matchedBy, query).toBe('name');
      expect(r.rows.map((x) => [x.attendeeId, x.action]), query).toEqual([
        [ids[31], 'checkIn'],
        [ids[30], 'transferIn'],
      ]);
      expect(r.capped, query).toBe(false);
    }
  });

  it('says when the list stopped at its 20 rows, so the desk types more instead of missing the 21st', async () => {
    const t = await lectureCore();
    const ids: number[] = [];
    for (let n = 1; n <= 21; n++) ids.push(okValue(await t.call(t.coord, 'lectures:saveAttendee', person(n, { name: `林${n <= 20 ? '美' : '秀'}玲${n}` }))).id);
    const today = await enrolled(t, TODAY, ids);
    const broad = await lookup(t, today, '林');
    expect(broad.rows).toHaveLength(20);
    expect(broad.capped).toBe(true);
    const narrower = await lookup(t, today, '林秀');
    expect(narrower.rows.map((r) => r.attendeeId)).toEqual([ids[20]]);
    expect(narrower.capped).toBe(false);
  });

  it('a broad ID prefix (more people than are joined one by one) still lists only who can be checked in here', async () => {
    const t = await lectureCore();
    // 1,100 people whose IDs start with A1 and who were never enrolled: history, not candidates.
    const at = '2025-03-01T00:00:00.000Z';
    t.core.db.transaction(() => {
      for (let n = 0; n < 1100; n++) {
        const first9 = `A1${String(5_000_000 + n).padStart(7, '0')}`;
        insertAttendee(t.core.db, { ...okPerson(n), nationalId: first9 + checkDigitFor(first9) }, at, 1);
      }
    })();
    const first9 = `A1${String(4_999_999).padStart(7, '0')}`;
    const mine = okValue(await t.call(t.coord, 'lectures:saveAttendee', person(99, { name: '王大明', nationalId: first9 + checkDigitFor(first9) }))).id;
    const today = await enrolled(t, TODAY, [mine]);
    const broad = await lookup(t, today, 'A1');
    expect(broad.matchedBy).toBe('id');
    expect(broad.rows.map((r) => r.attendeeId)).toEqual([mine]);
    const narrow = await lookup(t, today, first9.slice(0, 6));
    expect(narrow.rows.map((r) => r.attendeeId)).toEqual([mine]);
    const none = await lookup(t, today, 'A15000');
    expect(none.rows).toEqual([]);
  });
});

function okPerson(n: number) {
  return {
    name: `歷年受講人${n}`,
    nationalId: '',
    birthDate: null,
    phone: '',
    phoneKey: '',
    address: '',
    penaltyDocNo: '',
    issuingAgency: '',
    drugClass: 3,
    penaltyCount: 1,
    needsInterpreter: false,
    interpreterLanguage: '',
    note: '',
  };
}
