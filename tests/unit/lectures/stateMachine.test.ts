import { describe, expect, it } from 'vitest';
import { ENROLMENT_STATUSES, canTransition, type EnrolmentStatus } from '../../../shared/domain/lectures';
import { okValue } from '../../support/core';
import { errorOf, lectureCore, sessionWithPeople } from './helpers';

// Written out independently of TRANSITIONS: a change to the table must change this list too.
const ALLOWED: Record<EnrolmentStatus, EnrolmentStatus[]> = {
  scheduled: ['notified', 'leaveRequested', 'checkedIn', 'noShow', 'toReschedule', 'transferredSession', 'transferredCity'],
  notified: ['leaveRequested', 'checkedIn', 'noShow', 'toReschedule', 'transferredSession', 'transferredCity'],
  leaveRequested: ['toReschedule', 'scheduled', 'notified', 'checkedIn', 'transferredSession', 'transferredCity'],
  toReschedule: ['transferredSession', 'transferredCity'],
  checkedIn: ['completed', 'noShow', 'scheduled', 'notified'],
  completed: [],
  transferredSession: [],
  transferredCity: [],
  noShow: ['renotified', 'returned', 'checkedIn', 'transferredSession', 'transferredCity'],
  renotified: ['transferredSession', 'transferredCity', 'returned'],
  returned: [],
};

const pairs = ENROLMENT_STATUSES.flatMap((from) => ENROLMENT_STATUSES.map((to) => [from, to] as const));

describe('enrolment state machine', () => {
  it.each(pairs.filter(([f, t]) => ALLOWED[f].includes(t)))('%s → %s is allowed', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each(pairs.filter(([f, t]) => !ALLOWED[f].includes(t)))('%s → %s is refused', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('has no status without a label and no self-transition', () => {
    for (const s of ENROLMENT_STATUSES) expect(canTransition(s, s)).toBe(false);
    expect(Object.keys(ALLOWED).sort()).toEqual([...ENROLMENT_STATUSES].sort());
  });
});

describe('the service keeps to the state machine', () => {
  it('a refused change (renotify someone who is only scheduled) is an error and writes nothing', async () => {
    const t = await lectureCore();
    const { enrolmentIds } = await sessionWithPeople(t, 2);
    const before = t.rowCounts();
    const e = errorOf(await t.call(t.coord, 'lectures:renotify', { enrolmentIds }));
    expect(e).toMatchObject({ code: 'conflict', messageKey: 'lectures:errors.transitionRefused' });
    expect(t.rowCounts()).toEqual(before);
  });

  it('every change is in the append-only history with who, when, from, to and why', async () => {
    const t = await lectureCore();
    const { sessionId, enrolmentIds, attendeeIds } = await sessionWithPeople(t, 1);
    const id = enrolmentIds[0]!;
    okValue(await t.call(t.coord, 'lectures:markNotified', { enrolmentIds: [id] }));
    t.clock.advance(60_000);
    okValue(await t.call(t.coord, 'lectures:checkIn', { sessionId, enrolmentId: id }));
    okValue(await t.call(t.coord, 'lectures:undoCheckIn', { sessionId, enrolmentId: id }));
    const record = okValue(await t.call(t.coord, 'lectures:getAttendee', { id: attendeeIds[0]! }));
    expect(record.enrolments[0]!.history.map((h) => [h.from, h.to, h.reason, h.byName])).toEqual([
      [null, 'scheduled', '', '陳承辦'],
      ['scheduled', 'notified', '', '陳承辦'],
      ['notified', 'checkedIn', '', '陳承辦'],
      ['checkedIn', 'notified', 'undo', '陳承辦'],
    ]);
    expect(record.enrolments[0]!.history[2]!.at).toBe('2025-03-05T01:01:00.000Z');
    expect(() => t.core.db.prepare('UPDATE lecture_enrolment_history SET reason = ?').run('x')).toThrow(/append-only/);
    expect(() => t.core.db.prepare('DELETE FROM lecture_enrolment_history').run()).toThrow(/append-only/);
  });
});
