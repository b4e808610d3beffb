import { describe, expect, it } from 'vitest';
import { okValue } from '../../support/core';
import { enrolmentsForPerson } from '../../../electron/core/lectures/inquiry';
import { errorOf, lectureCore, person, session, sessionWithPeople, validId } from './helpers';

describe('enrolment', () => {
  it('checks capacity for the whole group: too many is refused and nobody is enrolled', async () => {
    const t = await lectureCore();
    const { sessionId } = await sessionWithPeople(t, 2, { capacity: 3 });
    const more = [];
    for (const n of [10, 11]) more.push(okValue(await t.call(t.coord, 'lectures:saveAttendee', person(n))).id);
    const before = t.rowCounts();
    expect(errorOf(await t.call(t.coord, 'lectures:enrol', { sessionId, attendeeIds: more }))).toMatchObject({
      code: 'conflict',
      messageKey: 'lectures:errors.capacityExceeded',
      params: { capacity: 3, booked: 2, free: 1 },
    });
    expect(t.rowCounts()).toEqual(before);
    okValue(await t.call(t.coord, 'lectures:enrol', { sessionId, attendeeIds: [more[0]!] }));
    expect(errorOf(await t.call(t.coord, 'lectures:updateSession', { id: sessionId, ...session({ capacity: 2 }) }))).toMatchObject({
      field: 'capacity',
      messageKey: 'lectures:errors.capacityBelowBooked',
    });
  });

  it('refuses a second booking of someone already expected elsewhere, and a past session', async () => {
    const t = await lectureCore();
    const { attendeeIds } = await sessionWithPeople(t, 1);
    const other = okValue(await t.call(t.coord, 'lectures:createSession', session({ date: '2025-03-12' })));
    expect(errorOf(await t.call(t.coord, 'lectures:enrol', { sessionId: other.id, attendeeIds }))).toMatchObject({
      messageKey: 'lectures:errors.alreadyEnrolled',
      params: { name: '受講人1號' },
    });
    const past = okValue(await t.call(t.coord, 'lectures:createSession', session({ date: '2025-03-01' })));
    expect(errorOf(await t.call(t.coord, 'lectures:enrol', { sessionId: past.id, attendeeIds }))).toMatchObject({ messageKey: 'lectures:errors.sessionPast' });
  });

  it('a leave needs its document to be approved; approved → 待排, then booking them again is a 轉訓 keeping the history', async () => {
    const t = await lectureCore();
    const { enrolmentIds, attendeeIds } = await sessionWithPeople(t, 2);
    const reason = t.ref('leaveReason')[0]!.id;
    const row = okValue(await t.call(t.coord, 'lectures:requestLeave', { enrolmentId: enrolmentIds[0]!, reasonId: reason, note: '住院' }));
    expect(row.status).toBe('leaveRequested');
    const leaveId = row.pendingLeave!.leaveId;
    expect(errorOf(await t.call(t.coord, 'lectures:decideLeave', { leaveId, approve: true }))).toMatchObject({ field: 'documentReceivedOn', messageKey: 'lectures:errors.leaveNeedsDocument' });
    expect(errorOf(await t.call(t.coord, 'lectures:decideLeave', { leaveId, approve: true, documentReceivedOn: '2025-03-09' }))).toMatchObject({ messageKey: 'lectures:errors.dateInFuture' });
    const approved = okValue(await t.call(t.coord, 'lectures:decideLeave', { leaveId, approve: true, documentReceivedOn: '114/3/5' }));
    expect(approved).toMatchObject({ status: 'toReschedule', approvedLeave: true, pendingLeave: null });
    expect(errorOf(await t.call(t.coord, 'lectures:decideLeave', { leaveId, approve: false }))).toMatchObject({ messageKey: 'lectures:errors.leaveDecided' });

    // a refused request returns the person to where they were
    okValue(await t.call(t.coord, 'lectures:markNotified', { enrolmentIds: [enrolmentIds[1]!] }));
    const second = okValue(await t.call(t.coord, 'lectures:requestLeave', { enrolmentId: enrolmentIds[1]!, reasonId: reason }));
    expect(okValue(await t.call(t.coord, 'lectures:decideLeave', { leaveId: second.pendingLeave!.leaveId, approve: false })).status).toBe('notified');

    const next = okValue(await t.call(t.coord, 'lectures:createSession', session({ date: '2025-03-19' })));
    const detail = okValue(await t.call(t.coord, 'lectures:enrol', { sessionId: next.id, attendeeIds: [attendeeIds[0]!] }));
    expect(detail.roster[0]!.status).toBe('scheduled');
    const record = okValue(await t.call(t.coord, 'lectures:getAttendee', { id: attendeeIds[0]! }));
    expect(record.enrolments.map((e) => [e.sessionDate, e.status])).toEqual([
      ['2025-03-19', 'scheduled'],
      ['2025-03-05', 'transferredSession'],
    ]);
    expect(record.enrolments[1]!.leaves[0]).toMatchObject({ decision: 'approved', documentReceivedOn: '2025-03-05', note: '住院' });
  });

  it('transfer: the same session is refused, a full or cancelled target is refused, a good one keeps both records', async () => {
    const t = await lectureCore();
    const { sessionId, enrolmentIds } = await sessionWithPeople(t, 1);
    expect(errorOf(await t.call(t.coord, 'lectures:transferSession', { enrolmentId: enrolmentIds[0]!, targetSessionId: sessionId }))).toMatchObject({
      field: 'targetSessionId',
      messageKey: 'lectures:errors.sameSession',
    });
    const full = await sessionWithPeople(t, 1, { date: '2025-03-12', capacity: 1 }, 50);
    expect(errorOf(await t.call(t.coord, 'lectures:transferSession', { enrolmentId: enrolmentIds[0]!, targetSessionId: full.sessionId }))).toMatchObject({
      messageKey: 'lectures:errors.capacityExceeded',
    });
    const gone = okValue(await t.call(t.coord, 'lectures:createSession', session({ date: '2025-03-13' })));
    okValue(await t.call(t.coord, 'lectures:cancelSession', { id: gone.id, reason: '颱風停班' }));
    expect(errorOf(await t.call(t.coord, 'lectures:transferSession', { enrolmentId: enrolmentIds[0]!, targetSessionId: gone.id }))).toMatchObject({
      messageKey: 'lectures:errors.sessionCancelled',
    });
    const ok = okValue(await t.call(t.coord, 'lectures:createSession', session({ date: '2025-03-14' })));
    const moved = okValue(await t.call(t.coord, 'lectures:transferSession', { enrolmentId: enrolmentIds[0]!, targetSessionId: ok.id, reason: '工作排班' }));
    expect(moved.status).toBe('scheduled');
    const old = okValue(await t.call(t.coord, 'lectures:getSession', { id: sessionId })).roster[0]!;
    expect(old).toMatchObject({ status: 'transferredSession', transferredToDate: '2025-03-14' });
  });

  it('cancelling a session moves everyone expected to 待排 and refuses check-in there', async () => {
    const t = await lectureCore();
    const { sessionId, enrolmentIds } = await sessionWithPeople(t, 2);
    const s = okValue(await t.call(t.coord, 'lectures:cancelSession', { id: sessionId, reason: '颱風停班' }));
    expect(s).toMatchObject({ cancelled: true, booked: 0 });
    const roster = okValue(await t.call(t.coord, 'lectures:getSession', { id: sessionId })).roster;
    expect(roster.map((r) => r.status)).toEqual(['toReschedule', 'toReschedule']);
    expect(errorOf(await t.call(t.coord, 'lectures:checkIn', { sessionId, enrolmentId: enrolmentIds[0]! }))).toMatchObject({
      code: 'conflict',
      messageKey: 'lectures:errors.checkInCancelled',
    });
  });

  it('moving to another city takes the person out of the denominator and prints a transfer letter', async () => {
    const t = await lectureCore();
    const { sessionId, enrolmentIds } = await sessionWithPeople(t, 2);
    okValue(await t.call(t.coord, 'lectures:transferCity', { enrolmentId: enrolmentIds[0]!, city: '臺南市政府毒品危害防制中心', reason: '遷居' }));
    const d = okValue(await t.call(t.coord, 'lectures:getSession', { id: sessionId }));
    expect(d.figures).toMatchObject({ due: 2, transferredOut: 1, adjustedDue: 1 });
    const letter = okValue(await t.call(t.coord, 'print:preview', { kind: 'lectures.transferLetter', params: { enrolmentId: enrolmentIds[0]!, fullId: true }, lang: 'zh-TW' }));
    expect(letter.html).toContain('臺南市政府毒品危害防制中心');
    expect(letter.html).toContain(validId(1));
    expect(errorOf(await t.call(t.coord, 'print:preview', { kind: 'lectures.transferLetter', params: { enrolmentId: enrolmentIds[1]! }, lang: 'zh-TW' }))).toMatchObject({ code: 'notFound' });
  });

  it('after the session: no-shows only once it started; renotify, return, complete with yearly certificate serials', async () => {
    const t = await lectureCore();
    const { sessionId, enrolmentIds: e } = await sessionWithPeople(t, 4, { startTime: '10:00' });
    expect(errorOf(await t.call(t.coord, 'lectures:markNoShows', { sessionId }))).toMatchObject({ messageKey: 'lectures:errors.sessionNotStarted' });
    t.clock.advance(65 * 60_000);
    okValue(await t.call(t.coord, 'lectures:checkIn', { sessionId, enrolmentId: e[0]! }));
    okValue(await t.call(t.coord, 'lectures:checkIn', { sessionId, enrolmentId: e[1]! }));
    expect(okValue(await t.call(t.coord, 'lectures:markNoShows', { sessionId }))).toEqual({ changed: 2 });
    okValue(await t.call(t.coord, 'lectures:renotify', { enrolmentIds: [e[2]!] }));
    okValue(await t.call(t.coord, 'lectures:returnToAgency', { enrolmentIds: [e[3]!], reason: '兩次未到' }));
    okValue(await t.call(t.coord, 'lectures:complete', { sessionId, enrolmentIds: [e[0]!, e[1]!] }));
    const roster = okValue(await t.call(t.coord, 'lectures:getSession', { id: sessionId })).roster;
    expect(roster.map((r) => [r.status, r.certificateSerial])).toEqual([
      ['completed', '11400001'],
      ['completed', '11400002'],
      ['renotified', null],
      ['returned', null],
    ]);
  });

  it('the counter team reads a person’s enrolments by normalized ID', async () => {
    const t = await lectureCore();
    const { attendeeIds } = await sessionWithPeople(t, 1);
    const found = enrolmentsForPerson(t.core.db, validId(1));
    expect(found).toMatchObject({ attendeeId: attendeeIds[0], name: '受講人1號', enrolments: [{ sessionDate: '2025-03-05', startTime: '09:00', status: 'scheduled', sessionKind: 'weekday' }] });
    expect(enrolmentsForPerson(t.core.db, 'A123456789')).toBeNull();
  });

  it('attendee records: ID checksum refused at the field, duplicates refused, every full read audited', async () => {
    const t = await lectureCore();
    expect(errorOf(await t.call(t.coord, 'lectures:saveAttendee', person(1, { nationalId: 'A123456788' })))).toMatchObject({
      field: 'nationalId',
      messageKey: 'lectures:errors.idChecksum',
    });
    expect(errorOf(await t.call(t.coord, 'lectures:saveAttendee', person(1, { birthDate: '2030/1/1' })))).toMatchObject({ field: 'birthDate', messageKey: 'lectures:errors.birthInFuture' });
    const a = okValue(await t.call(t.coord, 'lectures:saveAttendee', person(1, { nationalId: validId(1).toLowerCase() })));
    expect(a.nationalId).toBe(validId(1));
    expect(errorOf(await t.call(t.coord, 'lectures:saveAttendee', person(2, { nationalId: validId(1) })))).toMatchObject({ field: 'nationalId', messageKey: 'lectures:errors.idTaken' });
    const list = okValue(await t.call(t.coord, 'lectures:searchAttendees', { query: '' }));
    expect(list[0]!.maskedId).toBe(`${validId(1).slice(0, 3)}****${validId(1).slice(7)}`);
    expect(JSON.stringify(list)).not.toContain(validId(1));
    okValue(await t.call(t.coord, 'lectures:getAttendee', { id: a.id }));
    const reads = t.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'read' AND entity = 'lecture_attendee' AND entity_id = ?").get(String(a.id));
    expect(reads).toEqual({ n: 1 });
  });
});
