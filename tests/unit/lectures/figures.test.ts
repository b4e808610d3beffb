import { describe, expect, it } from 'vitest';
import { computeFigures, formatRate, sumCounts, ZERO_COUNTS } from '../../../shared/domain/lectureFigures';
import { okValue } from '../../support/core';
import { lectureCore, person, session, sessionWithPeople } from './helpers';

describe('rate formulas', () => {
  it('attendance rate = attended ÷ (due − approved leave − transferred out); raw = attended ÷ due', () => {
    const f = computeFigures({ ...ZERO_COUNTS, due: 118, attended: 94, approvedLeave: 6, transferredOut: 2 });
    expect(f.adjustedDue).toBe(110);
    expect(f.attendanceRate).toBeCloseTo(94 / 110);
    expect(f.rawAttendanceRate).toBeCloseTo(94 / 118);
    expect(formatRate(f.rawAttendanceRate)).toBe('79.7%');
  });

  it('counselling rate = consultations ÷ attended (107 年 1 月: 12 ÷ 94 = 12.8%)', () => {
    expect(formatRate(computeFigures({ ...ZERO_COUNTS, due: 118, attended: 94, consultations: 12 }).counsellingRate)).toBe('12.8%');
  });

  it('nobody due or nobody attended gives no rate instead of a division by zero', () => {
    const f = computeFigures({ ...ZERO_COUNTS, due: 3, approvedLeave: 2, transferredOut: 1 });
    expect(f).toMatchObject({ adjustedDue: 0, attendanceRate: null, rawAttendanceRate: 0, counsellingRate: null });
    expect(formatRate(null)).toBe('—');
  });

  it('sums counts for a month', () => {
    const total = sumCounts([{ ...ZERO_COUNTS, due: 2, attended: 1 }, { ...ZERO_COUNTS, due: 3, attended: 3, consultations: 1 }]);
    expect(total).toEqual({ ...ZERO_COUNTS, due: 5, attended: 4, consultations: 1 });
  });
});

describe('figures from the records', () => {
  it('counts each enrolment once, from its status and leave, per session and per month', async () => {
    const t = await lectureCore();
    const later = okValue(await t.call(t.coord, 'lectures:createSession', session({ date: '2025-03-20' })));
    const { sessionId, enrolmentIds: e } = await sessionWithPeople(t, 6);
    const leaveReason = t.ref('leaveReason')[0]!.id;
    const category = t.ref('counsellingCategory')[1]!.id;
    okValue(await t.call(t.coord, 'lectures:checkIn', { sessionId, enrolmentId: e[0]! }));
    okValue(await t.call(t.coord, 'lectures:checkIn', { sessionId, enrolmentId: e[1]! }));
    // approved leave, later rescheduled: counted as leave only, not as a transfer too
    const leave = okValue(await t.call(t.coord, 'lectures:requestLeave', { enrolmentId: e[2]!, reasonId: leaveReason, documentReceivedOn: '114/3/4' }));
    okValue(await t.call(t.coord, 'lectures:decideLeave', { leaveId: leave.pendingLeave!.leaveId, approve: true }));
    okValue(await t.call(t.coord, 'lectures:enrol', { sessionId: later.id, attendeeIds: [leave.attendeeId] }));
    okValue(await t.call(t.coord, 'lectures:transferCity', { enrolmentId: e[3]!, city: '臺南市' }));
    okValue(await t.call(t.coord, 'lectures:markNoShows', { sessionId }));
    okValue(await t.call(t.coord, 'lectures:logConsultation', { sessionId, enrolmentId: e[0]!, categoryId: category, note: '' }));

    const f = okValue(await t.call(t.coord, 'lectures:getSession', { id: sessionId })).figures;
    expect(f).toMatchObject({ due: 6, attended: 2, approvedLeave: 1, transferredOut: 1, noShow: 2, consultations: 1, adjustedDue: 4 });
    expect(f.attendanceRate).toBe(0.5);
    expect(f.rawAttendanceRate).toBeCloseTo(2 / 6);
    expect(f.counsellingRate).toBe(0.5);

    const month = okValue(await t.call('admin', 'lectures:figures', { month: '2025-03' }));
    expect(month.sessions.map((s) => s.sessionId)).toEqual([sessionId, later.id]);
    expect(month.sessions.map((s) => s.held)).toEqual([true, false]);
    // the session of 20 March has not been held: listed, but not in the month's total
    expect(month.total).toMatchObject({ due: 6, attended: 2, approvedLeave: 1, transferredOut: 1, noShow: 2, consultations: 1 });
    expect(month.sessions[1]!.figures.due).toBe(1);
    expect(okValue(await t.call('admin', 'lectures:figures', { month: '2025-04' })).sessions).toEqual([]);
  });

  it('supervisors read figures and rosters but cannot change them', async () => {
    const t = await lectureCore();
    const { sessionId } = await sessionWithPeople(t, 1);
    expect((await t.call('admin', 'lectures:getSession', { id: sessionId })).ok).toBe(true);
    expect(await t.call('admin', 'lectures:saveAttendee', person(9))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
