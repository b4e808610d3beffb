import { describe, expect, it } from 'vitest';
import { okValue } from '../../support/core';
import { errorOf, lectureCore, person, session, sessionWithPeople, validId } from './helpers';

const codeOf = (t: Awaited<ReturnType<typeof lectureCore>>, enrolmentId: number) =>
  (t.core.db.prepare('SELECT code FROM lecture_enrolments WHERE id = ?').get(enrolmentId) as { code: string }).code;

describe('finding a person at the desk', () => {
  it('by a name fragment (short and long), an ID or its start, phone digits, or the scanned code', async () => {
    const t = await lectureCore();
    const { sessionId, enrolmentIds } = await sessionWithPeople(t, 3);
    const look = async (query: string) => okValue(await t.call(t.coord, 'lectures:lookup', { sessionId, query }));
    expect((await look('2號')).rows.map((r) => r.name)).toEqual(['受講人2號']);
    expect((await look('受講人3')).rows.map((r) => r.name)).toEqual(['受講人3號']);
    expect((await look('受講')).rows).toHaveLength(3);
    expect(await look(validId(1).toLowerCase())).toMatchObject({ matchedBy: 'id', rows: [{ name: '受講人1號', action: 'checkIn' }] });
    expect((await look(validId(2).slice(0, 5))).matchedBy).toBe('id');
    expect(await look('0912-100-003')).toMatchObject({ matchedBy: 'phone', rows: [{ name: '受講人3號' }] });
    const code = codeOf(t, enrolmentIds[1]!);
    expect(code).toMatch(/^LC-[0-9A-Z]{8}$/);
    // a scanner with the IME in full-width mode, without the dash
    const fullWidth = code.replace('-', '').replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(await look(fullWidth)).toMatchObject({ matchedBy: 'code', rows: [{ enrolmentId: enrolmentIds[1] }] });
    expect((await look('查無此人')).rows).toEqual([]);
  });

  it('uses an index for every kind of lookup (under a second with a year of rosters)', async () => {
    const t = await lectureCore();
    const plan = (sql: string, ...args: unknown[]) =>
      (t.core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT * FROM lecture_enrolments WHERE code = ?', 'LC-X')).toMatch(/USING INDEX/);
    expect(plan("SELECT id FROM lecture_attendees WHERE national_id >= ? AND national_id < ? || '~'", 'A1', 'A1')).toMatch(/USING (COVERING )?INDEX/);
    expect(plan("SELECT id FROM lecture_attendees WHERE phone_key >= ? AND phone_key < ? || ':'", '09', '09')).toMatch(/lecture_attendees_phone/);
    expect(plan('SELECT rowid FROM lecture_attendees_fts WHERE lecture_attendees_fts MATCH ?', '"受講人"')).toMatch(/VIRTUAL TABLE INDEX/);
    expect(plan('SELECT * FROM lecture_enrolments WHERE session_id = ?', 1)).toMatch(/lecture_enrolments_session/);
  });
});

describe('checking in', () => {
  it('marks late after the configurable threshold, counts live, refuses a double check-in', async () => {
    const t = await lectureCore();
    const { sessionId, enrolmentIds: e } = await sessionWithPeople(t, 4, { startTime: '08:40' });
    // 09:00 is 20 minutes after the start: late with the default 15, on time with 30
    let out = okValue(await t.call(t.coord, 'lectures:checkIn', { sessionId, enrolmentId: e[0]! }));
    expect(out.row).toMatchObject({ status: 'checkedIn', late: true, checkedInAt: '2025-03-05T01:00:00.000Z' });
    okValue(await t.call(t.coord, 'lectures:saveSettings', { lateAfterMinutes: 30 }));
    out = okValue(await t.call(t.coord, 'lectures:checkIn', { sessionId, enrolmentId: e[1]! }));
    expect(out.row.late).toBe(false);
    expect(out.board.counts).toEqual({ due: 4, checkedIn: 2, onLeave: 0, missing: 2, late: 1 });
    expect(out.board.recent.map((r) => r.enrolmentId)).toEqual([e[1], e[0]]);
    expect(errorOf(await t.call(t.coord, 'lectures:checkIn', { sessionId, enrolmentId: e[0]! }))).toMatchObject({ messageKey: 'lectures:errors.alreadyCheckedIn' });
    expect(errorOf(await t.call(t.coord, 'lectures:saveSettings', { lateAfterMinutes: 999 }))).toMatchObject({ field: 'lateAfterMinutes' });
  });

  it('records sign-out, and before the end it is leaving early; undo returns the person to the list', async () => {
    const t = await lectureCore();
    const { sessionId, enrolmentIds: e } = await sessionWithPeople(t, 2);
    okValue(await t.call(t.coord, 'lectures:checkIn', { sessionId, enrolmentId: e[0]! }));
    okValue(await t.call(t.coord, 'lectures:checkIn', { sessionId, enrolmentId: e[1]! }));
    t.clock.advance(2 * 3600_000);
    expect(okValue(await t.call(t.coord, 'lectures:signOut', { sessionId, enrolmentId: e[0]! })).row).toMatchObject({ leftEarly: true, signedOutAt: '2025-03-05T03:00:00.000Z' });
    expect(errorOf(await t.call(t.coord, 'lectures:signOut', { sessionId, enrolmentId: e[0]! }))).toMatchObject({ messageKey: 'lectures:errors.alreadySignedOut' });
    t.clock.advance(3600_000);
    expect(okValue(await t.call(t.coord, 'lectures:signOut', { sessionId, enrolmentId: e[1]! })).row.leftEarly).toBe(false);
    const undone = okValue(await t.call(t.coord, 'lectures:undoCheckIn', { sessionId, enrolmentId: e[1]! }));
    expect(undone.row).toMatchObject({ status: 'scheduled', checkedInAt: null, signedOutAt: null });
  });

  it('a walk-in booked for another session is transferred here and checked in in one step', async () => {
    const t = await lectureCore();
    const today = await sessionWithPeople(t, 1);
    const other = await sessionWithPeople(t, 1, { date: '2025-03-19' }, 10);
    const look = okValue(await t.call(t.coord, 'lectures:lookup', { sessionId: today.sessionId, query: '受講人11號' }));
    expect(look.rows).toMatchObject([{ action: 'transferIn', sessionDate: '2025-03-19' }]);
    const walkIn = look.rows[0]!.enrolmentId;
    expect(errorOf(await t.call(t.coord, 'lectures:checkIn', { sessionId: today.sessionId, enrolmentId: walkIn }))).toMatchObject({ messageKey: 'lectures:errors.otherSession' });
    const out = okValue(await t.call(t.coord, 'lectures:checkIn', { sessionId: today.sessionId, enrolmentId: walkIn, transferIn: true }));
    expect(out.transferredFrom).toEqual({ sessionId: other.sessionId, sessionDate: '2025-03-19' });
    expect(out.row).toMatchObject({ status: 'checkedIn', name: '受講人11號' });
    expect(out.board.counts).toMatchObject({ due: 2, checkedIn: 1 });
    const old = okValue(await t.call(t.coord, 'lectures:getSession', { id: other.sessionId }));
    expect(old.roster[0]).toMatchObject({ status: 'transferredSession', transferredToDate: '2025-03-05' });
    const [before, now] = okValue(await t.call(t.coord, 'lectures:getAttendee', { id: other.attendeeIds[0]! })).enrolments;
    expect(before!.history.map((h) => [h.from, h.to, h.reason])).toEqual([
      [null, 'scheduled', ''],
      ['scheduled', 'transferredSession', 'walkIn'],
    ]);
    expect(now!.history.map((h) => [h.from, h.to, h.reason])).toEqual([
      [null, 'scheduled', 'walkIn'],
      ['scheduled', 'checkedIn', 'walkIn'],
    ]);
  });

  it('someone who asked for leave and came anyway is checked in and the request closed', async () => {
    const t = await lectureCore();
    const { sessionId, enrolmentIds: e } = await sessionWithPeople(t, 1);
    okValue(await t.call(t.coord, 'lectures:requestLeave', { enrolmentId: e[0]!, reasonId: t.ref('leaveReason')[3]!.id }));
    const out = okValue(await t.call(t.coord, 'lectures:checkIn', { sessionId, enrolmentId: e[0]! }));
    expect(out.row).toMatchObject({ status: 'checkedIn', pendingLeave: null, approvedLeave: false });
  });

  it('refuses check-in on another day than the session, and for people who are not expected', async () => {
    const t = await lectureCore();
    const next = await sessionWithPeople(t, 1, { date: '2025-03-06' });
    expect(errorOf(await t.call(t.coord, 'lectures:checkIn', { sessionId: next.sessionId, enrolmentId: next.enrolmentIds[0]! }))).toMatchObject({
      messageKey: 'lectures:errors.sessionNotToday',
    });
    const s = okValue(await t.call(t.coord, 'lectures:createSession', session()));
    okValue(await t.call(t.coord, 'lectures:saveAttendee', person(40)));
    // Not on a roster: listed as a person to book here, never as an enrolment to check in.
    expect(okValue(await t.call(t.coord, 'lectures:lookup', { sessionId: s.id, query: '受講人40號' }))).toMatchObject({ rows: [], people: [{ name: '受講人40號' }] });
  });
});

describe('someone on no list walks in', () => {
  it('is found by name, ID or phone, then booked here and checked in in one step', async () => {
    const t = await lectureCore();
    const { sessionId } = await sessionWithPeople(t, 1, { startTime: '08:30' });
    const walker = okValue(await t.call(t.coord, 'lectures:saveAttendee', person(40, { penaltyCount: 2 })));
    const look = async (query: string) => okValue(await t.call(t.coord, 'lectures:lookup', { sessionId, query }));
    for (const query of ['受講人40號', validId(40), '0912-100-040']) {
      expect(await look(query)).toMatchObject({
        rows: [],
        people: [{ attendeeId: walker.id, name: '受講人40號', maskedId: expect.stringMatching(/\*{4}/), last: null, action: 'enrolIn', repeatOffender: true }],
        capped: false,
      });
    }
    // A short name fragment is looked for on the rosters only, never among every attendee.
    expect(await look('40')).toMatchObject({ rows: [], people: [] });

    const out = okValue(await t.call(t.coord, 'lectures:enrolAndCheckIn', { sessionId, attendeeId: walker.id }));
    // 09:00 is 30 minutes after the start: late with the default 15
    expect(out.row).toMatchObject({ name: '受講人40號', status: 'checkedIn', late: true, checkedInAt: '2025-03-05T01:00:00.000Z' });
    expect(out.transferredFrom).toBeNull();
    expect(out.board.counts).toMatchObject({ due: 2, checkedIn: 1, late: 1 });
    expect(await look(validId(40))).toMatchObject({ rows: [{ enrolmentId: out.row.enrolmentId, action: 'alreadyIn' }], people: [] });
    const [enrolment] = okValue(await t.call(t.coord, 'lectures:getAttendee', { id: walker.id })).enrolments;
    expect(enrolment!.history.map((h) => [h.from, h.to, h.reason])).toEqual([
      [null, 'scheduled', 'walkInEnrol'],
      ['scheduled', 'checkedIn', 'walkInEnrol'],
    ]);
    const audit = t.core.db.prepare("SELECT details FROM audit_log WHERE action = 'checkIn' AND entity_id = ?").pluck().get(String(out.row.enrolmentId)) as string;
    expect(JSON.parse(audit)).toEqual({ sessionId, walkIn: true });
    expect(errorOf(await t.call(t.coord, 'lectures:enrolAndCheckIn', { sessionId, attendeeId: walker.id }))).toMatchObject({
      messageKey: 'lectures:errors.alreadyInSessionNamed',
    });
  });

  it('shows why someone is on no list, and refuses who is booked elsewhere, a full session and another day', async () => {
    const t = await lectureCore();
    const here = await sessionWithPeople(t, 1, { capacity: 2 });
    const later = await sessionWithPeople(t, 2, { date: '2025-03-19' }, 10);
    // moved away once (移轉), now back: the last enrolment says so, and they may be booked again
    okValue(await t.call(t.coord, 'lectures:transferCity', { enrolmentId: later.enrolmentIds[0]!, city: '臺南市', reason: '遷居' }));
    const look = async (query: string) => okValue(await t.call(t.coord, 'lectures:lookup', { sessionId: here.sessionId, query }));
    expect((await look('受講人11號')).people).toMatchObject([{ action: 'enrolIn', last: { status: 'transferredCity', sessionDate: '2025-03-19' } }]);
    // waiting for the later session: offered as a transfer, and not bookable a second time
    expect(await look('受講人12號')).toMatchObject({ rows: [{ action: 'transferIn' }], people: [] });
    expect(errorOf(await t.call(t.coord, 'lectures:enrolAndCheckIn', { sessionId: here.sessionId, attendeeId: later.attendeeIds[1]! }))).toMatchObject({
      messageKey: 'lectures:errors.alreadyEnrolled',
    });
    // checked in at another session today: listed, but Enter does nothing here
    const other = await sessionWithPeople(t, 1, { startTime: '13:00', endTime: '16:00' }, 20);
    okValue(await t.call(t.coord, 'lectures:checkIn', { sessionId: other.sessionId, enrolmentId: other.enrolmentIds[0]! }));
    expect((await look('受講人21號')).people).toMatchObject([{ action: 'none', last: { status: 'checkedIn', sessionDate: '2025-03-05' } }]);

    const first = okValue(await t.call(t.coord, 'lectures:saveAttendee', person(40)));
    const second = okValue(await t.call(t.coord, 'lectures:saveAttendee', person(41)));
    okValue(await t.call(t.coord, 'lectures:enrolAndCheckIn', { sessionId: here.sessionId, attendeeId: first.id }));
    expect(errorOf(await t.call(t.coord, 'lectures:enrolAndCheckIn', { sessionId: here.sessionId, attendeeId: second.id }))).toMatchObject({
      messageKey: 'lectures:errors.capacityExceeded',
    });
    expect(errorOf(await t.call(t.coord, 'lectures:enrolAndCheckIn', { sessionId: later.sessionId, attendeeId: second.id }))).toMatchObject({
      messageKey: 'lectures:errors.sessionNotToday',
    });
    // nothing half-written: the refused person has no enrolment at all
    expect(okValue(await t.call(t.coord, 'lectures:getAttendee', { id: second.id })).enrolments).toEqual([]);
  });

  it('lists at most 20 people and says when it stopped', async () => {
    const t = await lectureCore();
    const { sessionId } = await sessionWithPeople(t, 1);
    for (let i = 0; i < 21; i++) okValue(await t.call(t.coord, 'lectures:saveAttendee', person(100 + i, { name: `陳志明${String.fromCharCode(0x4e00 + i)}` })));
    const r = okValue(await t.call(t.coord, 'lectures:lookup', { sessionId, query: '陳志明' }));
    expect(r).toMatchObject({ rows: [], capped: true });
    expect(r.people).toHaveLength(20);
  });
});
