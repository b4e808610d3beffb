/**
 * Lecture records in known states for tests that call every channel once (tests/unit/core/dispatch.test.ts).
 * On a fresh database the ids are fixed, so payloads can name them; seeding checks that they are.
 */
import type { InputOf } from '../../shared/api/contract';
import { checkDigitFor } from '../../shared/lib/taiwanId';
import { okValue, type TestCore } from './core';

/** Reference ids found while seeding (they depend on the seed file's order). */
export const LECTURE_REFS = { leaveReasonId: 1, counsellingCategoryId: 1 };

/** session 1: today 08:00–12:00 (started); 2: a week later; 3: a week and a day later, empty. */
export const LECTURE_IDS = {
  today: 1,
  nextWeek: 2,
  spare: 3,
  /** enrolments in session 1 */
  noShowA: 1,
  noShowB: 2,
  scheduled: 3,
  checkedIn: 4,
  leaveRequested: 5,
  /** a pending leave of enrolment 5, its document already in */
  leave: 1,
  /** attendee 6 is on no roster */
  unenrolled: 6,
} as const;

export const fixtureId = (n: number): string => {
  const first9 = `P1${String(7000000 + n).slice(-7)}`;
  return first9 + checkDigitFor(first9);
};

const sessionInput = (date: string): InputOf<'lectures:createSession'> => ({
  date,
  startTime: '08:00',
  endTime: '12:00',
  venueId: null,
  capacity: 40,
  kind: 'weekday',
  hours: 4,
});

/** The CSV a roster import payload carries: one valid row. */
export const FIXTURE_CSV = `data:text/csv;base64,${Buffer.from(`姓名,身分證字號\r\n新來的,${fixtureId(99)}\r\n`, 'utf8').toString('base64')}`;

/** Seeds as `sender`, who must hold the coordinator role; the test clock must be 2025-03-05 in Taipei. */
export async function seedLectureFixture(t: TestCore, sender: string): Promise<void> {
  const all = okValue(await t.call(sender, 'reference:all', {}));
  LECTURE_REFS.leaveReasonId = all.leaveReason[0]?.id ?? 0;
  LECTURE_REFS.counsellingCategoryId = all.counsellingCategory[0]?.id ?? 0;
  const ids = [];
  for (const date of ['2025-03-05', '2025-03-12', '2025-03-13']) ids.push(okValue(await t.call(sender, 'lectures:createSession', sessionInput(date))).id);
  const people = [];
  for (let n = 1; n <= 6; n++) {
    people.push(
      okValue(
        await t.call(sender, 'lectures:saveAttendee', { name: `受講人${n}`, nationalId: fixtureId(n), birthDate: '1990-01-01', drugClass: 3, penaltyCount: 1 }),
      ).id,
    );
  }
  const s = LECTURE_IDS.today;
  okValue(await t.call(sender, 'lectures:enrol', { sessionId: s, attendeeIds: [people[3]!, people[4]!] }));
  okValue(await t.call(sender, 'lectures:markNoShows', { sessionId: s }));
  for (const p of [people[0]!, people[1]!, people[2]!]) okValue(await t.call(sender, 'lectures:enrol', { sessionId: s, attendeeIds: [p] }));
  okValue(await t.call(sender, 'lectures:checkIn', { sessionId: s, enrolmentId: LECTURE_IDS.checkedIn }));
  okValue(
    await t.call(sender, 'lectures:requestLeave', {
      enrolmentId: LECTURE_IDS.leaveRequested,
      reasonId: LECTURE_REFS.leaveReasonId,
      documentReceivedOn: '2025-03-04',
    }),
  );
  const detail = okValue(await t.call(sender, 'lectures:getSession', { id: s }));
  const byId = Object.fromEntries(detail.roster.map((r) => [r.enrolmentId, r.status]));
  const expected = { 1: 'noShow', 2: 'noShow', 3: 'scheduled', 4: 'checkedIn', 5: 'leaveRequested' };
  if (JSON.stringify(ids) !== '[1,2,3]' || people[5] !== LECTURE_IDS.unenrolled || JSON.stringify(byId) !== JSON.stringify(expected)) {
    throw new Error(`lecture fixture ids drifted: ${JSON.stringify({ ids, people, byId })}`);
  }
}
