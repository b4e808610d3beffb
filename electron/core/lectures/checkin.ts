/**
 * The attendance-day desk (issue 4 §4): one search field for name, ID, phone or the scanned
 * notice code; Enter checks in (or transfers a walk-in here and checks in); live counts.
 */
import type { HandlerContext } from '../context';
import { appError, notFound } from '../errors';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { CheckInBoard, CheckInOutcome, LectureSettings, LiveCounts, LookupResult, LookupRow, WalkInPerson } from '../../../shared/api/channels/lecturesTypes';
import { ATTENDED, OPEN_STATUSES, RESCHEDULABLE, WALK_IN_FROM, type EnrolmentStatus } from '../../../shared/domain/lectures';
import { maskId } from '../../../shared/lib/taiwanId';
import { fromTaipeiLocal } from '../../../shared/lib/time';
import { actorId, audit, changeStatus, getEnrolment, getSession, today } from './common';
import { findAttendee, flagsOf } from './attendeesRepo';
import { decideLeave, enrolmentsOfAttendee, findEnrolmentIn, insertEnrolment, patchEnrolment, recentCheckIns, rosterRow, type EnrolmentRow } from './enrolmentsRepo';
import { sessionSummary, type SessionRow } from './sessionsRepo';
import { assertSeats, checkInBooked, lateAfterMinutes, lateness, transferInto } from './enrolments';
import { LOOKUP_LIMIT, lookupRows, walkInPeople, type CandidateRow, type WalkInRow } from './lookupRepo';

const list = (xs: readonly string[]) => xs.map((s) => `'${s}'`).join(', ');

function counts(ctx: HandlerContext, sessionId: number): LiveCounts {
  const c = ctx.db
    .prepare(
      // 待排 counts as on leave only after an approved leave (a cancelled session also makes it).
      `SELECT coalesce(sum(status NOT IN ('transferredSession', 'transferredCity') AND (status <> 'toReschedule' OR approved)), 0) AS due,
              coalesce(sum(status IN (${list(ATTENDED)})), 0) AS checkedIn,
              coalesce(sum(status = 'leaveRequested' OR (status = 'toReschedule' AND approved)), 0) AS onLeave,
              coalesce(sum(status IN (${list(ATTENDED)}) AND late = 1), 0) AS late
         FROM (SELECT e.status, e.late,
                      EXISTS (SELECT 1 FROM lecture_leaves l WHERE l.enrolment_id = e.id AND l.decision = 'approved') AS approved
                 FROM lecture_enrolments e WHERE e.session_id = ?)`,
    )
    .get(sessionId) as Omit<LiveCounts, 'missing'>;
  return { ...c, missing: Math.max(0, c.due - c.checkedIn - c.onLeave) };
}

export function board(ctx: HandlerContext, sessionId: number): CheckInBoard {
  const session = sessionSummary(ctx.db, sessionId);
  if (!session) throw notFound('sessionId');
  return { session, counts: counts(ctx, sessionId), lateAfterMinutes: lateAfterMinutes(ctx), recent: recentCheckIns(ctx.db, sessionId, 12) };
}

function actionFor(e: CandidateRow, session: SessionRow, inSessionAlready: boolean): LookupRow['action'] {
  if (session.cancelled_at) return 'none';
  if (e.session_id === session.id) {
    if (ATTENDED.includes(e.status)) return 'alreadyIn';
    return (['scheduled', 'notified', 'leaveRequested', 'noShow'] as EnrolmentStatus[]).includes(e.status) ? 'checkIn' : 'none';
  }
  return WALK_IN_FROM.includes(e.status) && !inSessionAlready ? 'transferIn' : 'none';
}

function walkIn(r: WalkInRow, session: SessionRow): WalkInPerson {
  return {
    attendeeId: r.id,
    name: r.name,
    maskedId: maskId(r.national_id),
    phone: r.phone,
    ...flagsOf(r, session.session_date),
    last: r.last_status && r.last_date ? { status: r.last_status, sessionDate: r.last_date } : null,
    action: !session.cancelled_at && r.booked === 0 ? 'enrolIn' : 'none',
  };
}

export function lookup(ctx: HandlerContext, input: ParsedInputOf<'lectures:lookup'>): LookupResult {
  const session = getSession(ctx, input.sessionId);
  const match = lookupRows(ctx.db, input.query, session.id);
  const rows = match.rows;
  const here = new Set(rows.filter((r) => r.session_id === session.id).map((r) => r.attendee_id));
  // Nobody the query found is on a roster or waiting: show the people themselves, so someone
  // whose roster has not arrived yet can still be booked here and checked in.
  const people = rows.length === 0 && match.people.length > 0 ? walkInPeople(ctx.db, match.people) : [];
  return {
    matchedBy: match.by,
    rows: rows.map((r) => ({
      enrolmentId: r.id,
      attendeeId: r.attendee_id,
      name: r.name,
      maskedId: maskId(r.national_id),
      phone: r.phone,
      sessionId: r.session_id,
      sessionDate: r.session_date,
      startTime: r.start_time,
      status: r.status,
      checkedInAt: r.checked_in_at,
      late: r.late === 1,
      ...flagsOf(r, session.session_date),
      action: actionFor(r, session, here.has(r.attendee_id)),
    })),
    people: people.slice(0, LOOKUP_LIMIT).map((p) => walkIn(p, session)),
    capped: rows.length >= LOOKUP_LIMIT || people.length > LOOKUP_LIMIT,
  };
}

function assertOpenToday(ctx: HandlerContext, s: SessionRow): void {
  if (s.cancelled_at) throw appError('conflict', 'lectures:errors.checkInCancelled');
  if (s.session_date !== today(ctx)) throw appError('conflict', 'lectures:errors.sessionNotToday');
}

function outcome(ctx: HandlerContext, sessionId: number, enrolmentId: number, from: EnrolmentRow | null): CheckInOutcome {
  const row = rosterRow(ctx.db, enrolmentId);
  if (!row) throw notFound('enrolmentId');
  const fromSession = from ? getSession(ctx, from.session_id) : null;
  return { row, transferredFrom: fromSession ? { sessionId: fromSession.id, sessionDate: fromSession.session_date } : null, board: board(ctx, sessionId) };
}

export function checkIn(ctx: HandlerContext, input: ParsedInputOf<'lectures:checkIn'>): CheckInOutcome {
  const s = getSession(ctx, input.sessionId);
  assertOpenToday(ctx, s);
  const e = getEnrolment(ctx, input.enrolmentId);
  if (ATTENDED.includes(e.status) && e.session_id === s.id) throw appError('conflict', 'lectures:errors.alreadyCheckedIn');
  if (e.session_id !== s.id) {
    // A walk-in booked for another session: checked in here and transferred in one step.
    if (!input.transferIn) throw appError('conflict', 'lectures:errors.otherSession');
    if (!WALK_IN_FROM.includes(e.status)) throw appError('conflict', 'lectures:errors.transitionRefused');
    const newId = ctx.db.transaction(() => {
      assertSeats(ctx, s, 1);
      const id = transferInto(ctx, e, s, 'checkedIn', 'walkIn');
      audit(ctx, 'checkIn', 'lecture_enrolment', id, { sessionId: s.id, transferredFrom: e.id });
      return id;
    })();
    return outcome(ctx, s.id, newId, e);
  }
  ctx.db.transaction(() => {
    if (e.status === 'leaveRequested') {
      // Came after all: the pending request is moot.
      const pending = ctx.db.prepare("SELECT id FROM lecture_leaves WHERE enrolment_id = ? AND decision = 'pending'").all(e.id) as { id: number }[];
      for (const l of pending) decideLeave(ctx.db, l.id, 'refused', '', ctx.now(), actorId(ctx));
    }
    changeStatus(ctx, e, 'checkedIn', '', { checked_in_at: ctx.now(), late: lateness(ctx, s).late ? 1 : 0 });
    audit(ctx, 'checkIn', 'lecture_enrolment', e.id, { sessionId: s.id });
  })();
  return outcome(ctx, s.id, e.id, null);
}

/**
 * Someone on no roster walks in (their roster has not arrived, or they come back after being
 * returned to the agency): booked into this session and checked in, in one step, as the
 * coordinator would otherwise do through the session's roster.
 */
export function enrolAndCheckIn(ctx: HandlerContext, input: ParsedInputOf<'lectures:enrolAndCheckIn'>): CheckInOutcome {
  const s = getSession(ctx, input.sessionId);
  assertOpenToday(ctx, s);
  const person = findAttendee(ctx.db, input.attendeeId);
  if (!person) throw notFound('attendeeId');
  const params = { name: person.name };
  const id = ctx.db.transaction(() => {
    if (findEnrolmentIn(ctx.db, s.id, person.id)) throw appError('conflict', 'lectures:errors.alreadyInSessionNamed', { params });
    // Booked or waiting elsewhere: the desk's lookup offers that enrolment (transfer) instead.
    if (enrolmentsOfAttendee(ctx.db, person.id, [...OPEN_STATUSES, ...RESCHEDULABLE]).length > 0) {
      throw appError('conflict', 'lectures:errors.alreadyEnrolled', { params });
    }
    assertSeats(ctx, s, 1);
    const newId = insertEnrolment(ctx.db, { sessionId: s.id, attendeeId: person.id, status: 'scheduled', transferredFrom: null, reason: 'walkInEnrol' }, ctx.now(), actorId(ctx));
    checkInBooked(ctx, s, newId, 'walkInEnrol');
    audit(ctx, 'checkIn', 'lecture_enrolment', newId, { sessionId: s.id, walkIn: true });
    return newId;
  })();
  return outcome(ctx, s.id, id, null);
}

/** A mistaken check-in (wrong row, double scan) is undone back to the status before it. */
export function undoCheckIn(ctx: HandlerContext, input: ParsedInputOf<'lectures:undoCheckIn'>): CheckInOutcome {
  const s = getSession(ctx, input.sessionId);
  const e = getEnrolment(ctx, input.enrolmentId);
  if (e.session_id !== s.id || e.status !== 'checkedIn') throw appError('conflict', 'lectures:errors.transitionRefused');
  const back = e.notified_at ? 'notified' : 'scheduled';
  ctx.db.transaction(() => {
    changeStatus(ctx, e, back, 'undo', { checked_in_at: null, late: 0, signed_out_at: null, left_early: 0 });
    audit(ctx, 'undoCheckIn', 'lecture_enrolment', e.id);
  })();
  return outcome(ctx, s.id, e.id, null);
}

/** Signing out records the time; before the session's end it counts as leaving early. */
export function signOut(ctx: HandlerContext, input: ParsedInputOf<'lectures:signOut'>): CheckInOutcome {
  const s = getSession(ctx, input.sessionId);
  const e = getEnrolment(ctx, input.enrolmentId);
  if (e.session_id !== s.id || e.status !== 'checkedIn') throw appError('conflict', 'lectures:errors.signOutNotCheckedIn');
  if (e.signed_out_at) throw appError('conflict', 'lectures:errors.alreadySignedOut');
  const leftEarly = ctx.clock().getTime() < fromTaipeiLocal(s.session_date, s.end_time).getTime();
  ctx.db.transaction(() => {
    patchEnrolment(ctx.db, e.id, { signed_out_at: ctx.now(), left_early: leftEarly ? 1 : 0 }, ctx.now(), actorId(ctx));
    audit(ctx, 'signOut', 'lecture_enrolment', e.id, { leftEarly });
  })();
  return outcome(ctx, s.id, e.id, null);
}

export function getSettings(ctx: HandlerContext): LectureSettings {
  return { lateAfterMinutes: lateAfterMinutes(ctx) };
}

export function saveSettings(ctx: HandlerContext, input: ParsedInputOf<'lectures:saveSettings'>): LectureSettings {
  const at = ctx.now();
  const by = actorId(ctx);
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO lecture_settings (id, late_after_minutes, created_at, created_by, updated_at, updated_by) VALUES (1, @m, @at, @by, @at, @by)
         ON CONFLICT (id) DO UPDATE SET late_after_minutes = @m, updated_at = @at, updated_by = @by`,
      )
      .run({ m: input.lateAfterMinutes, at, by });
    audit(ctx, 'update', 'lecture_settings', 1, { lateAfterMinutes: input.lateAfterMinutes });
  })();
  return getSettings(ctx);
}
