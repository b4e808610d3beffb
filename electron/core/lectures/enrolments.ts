import type { HandlerContext } from '../context';
import { appError, fieldError, notFound } from '../errors';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { RosterRow, SessionDetail } from '../../../shared/api/channels/lecturesTypes';
import { OPEN_STATUSES, RESCHEDULABLE } from '../../../shared/domain/lectures';
import { rocYear } from '../../../shared/lib/calendar';
import { fromTaipeiLocal } from '../../../shared/lib/time';
import { actorId, activeRef, audit, changeStatus, getEnrolment, getSession, today, typedDate } from './common';
import { findAttendee } from './attendeesRepo';
import { bookedSeats, type SessionRow } from './sessionsRepo';
import {
  decideLeave as saveDecision,
  enrolmentsOfAttendee,
  findEnrolmentIn,
  findLeave,
  insertEnrolment,
  insertLeave,
  patchEnrolment,
  rosterRow,
  setLeaveDocument as saveDocument,
  type EnrolmentRow,
} from './enrolmentsRepo';
import { detail } from './sessions';

function row(ctx: HandlerContext, enrolmentId: number): RosterRow {
  const r = rosterRow(ctx.db, enrolmentId);
  if (!r) throw notFound('enrolmentId');
  return r;
}

/** A session people can still be booked into: not cancelled, not over. */
export function assertBookable(ctx: HandlerContext, s: SessionRow, field: string): void {
  if (s.cancelled_at) throw fieldError(field, 'lectures:errors.sessionCancelled', 'conflict');
  if (s.session_date < today(ctx)) throw fieldError(field, 'lectures:errors.sessionPast', 'conflict');
}

export function assertSeats(ctx: HandlerContext, s: SessionRow, wanted: number): void {
  const booked = bookedSeats(ctx.db, s.id);
  if (booked + wanted > s.capacity) {
    throw appError('conflict', 'lectures:errors.capacityExceeded', { params: { capacity: s.capacity, booked, free: Math.max(0, s.capacity - booked) } });
  }
}

/**
 * Moves a person waiting elsewhere (or walking in) into `session`: the old enrolment closes as
 * 轉訓 and points at the new one, so the history of both stays complete.
 */
export function transferInto(ctx: HandlerContext, from: EnrolmentRow, s: SessionRow, status: 'scheduled' | 'checkedIn', reason: string): number {
  if (findEnrolmentIn(ctx.db, s.id, from.attendee_id)) throw fieldError('targetSessionId', 'lectures:errors.alreadyInSession', 'conflict');
  const at = ctx.now();
  const by = actorId(ctx);
  const newId = insertEnrolment(ctx.db, { sessionId: s.id, attendeeId: from.attendee_id, status: 'scheduled', transferredFrom: from.id, reason }, at, by);
  changeStatus(ctx, from, 'transferredSession', reason, { transferred_to: newId });
  if (status === 'checkedIn') checkInBooked(ctx, s, newId, reason);
  return newId;
}

/** Checks in an enrolment just booked into `s` (a walk-in), late or not by the clock. */
export function checkInBooked(ctx: HandlerContext, s: SessionRow, enrolmentId: number, reason: string): void {
  const fresh = getEnrolment(ctx, enrolmentId);
  const { late } = lateness(ctx, s);
  changeStatus(ctx, fresh, 'checkedIn', reason, { checked_in_at: ctx.now(), late: late ? 1 : 0 });
}

/** Late when checking in after start + the coordinator's threshold. */
export function lateness(ctx: HandlerContext, s: SessionRow): { late: boolean } {
  const threshold = lateAfterMinutes(ctx);
  const start = fromTaipeiLocal(s.session_date, s.start_time).getTime();
  return { late: ctx.clock().getTime() > start + threshold * 60_000 };
}

export function lateAfterMinutes(ctx: HandlerContext): number {
  const row = ctx.db.prepare('SELECT late_after_minutes AS m FROM lecture_settings WHERE id = 1').get() as { m: number } | undefined;
  return row?.m ?? 15;
}

export function enrol(ctx: HandlerContext, input: ParsedInputOf<'lectures:enrol'>): SessionDetail {
  const s = getSession(ctx, input.sessionId);
  assertBookable(ctx, s, 'sessionId');
  const attendeeIds = [...new Set(input.attendeeIds)];
  ctx.db.transaction(() => {
    assertSeats(ctx, s, attendeeIds.length);
    const at = ctx.now();
    const by = actorId(ctx);
    for (const attendeeId of attendeeIds) {
      const person = findAttendee(ctx.db, attendeeId);
      if (!person) throw notFound('attendeeIds');
      const params = { name: person.name };
      if (findEnrolmentIn(ctx.db, s.id, attendeeId)) throw appError('conflict', 'lectures:errors.alreadyInSessionNamed', { params });
      const open = enrolmentsOfAttendee(ctx.db, attendeeId, OPEN_STATUSES)[0];
      if (open) throw appError('conflict', 'lectures:errors.alreadyEnrolled', { params });
      const waiting = enrolmentsOfAttendee(ctx.db, attendeeId, RESCHEDULABLE)[0];
      if (waiting) transferInto(ctx, waiting, s, 'scheduled', '');
      else insertEnrolment(ctx.db, { sessionId: s.id, attendeeId, status: 'scheduled', transferredFrom: null, reason: '' }, at, by);
    }
    audit(ctx, 'enrol', 'lecture_session', s.id, { attendeeIds });
  })();
  return detail(ctx, s.id);
}

/** After the notice letters printed: 排定 → 已通知 (a reprint only refreshes the date). */
export function markNotified(ctx: HandlerContext, input: ParsedInputOf<'lectures:markNotified'>): { changed: number } {
  return ctx.db.transaction(() => {
    let changed = 0;
    for (const id of new Set(input.enrolmentIds)) {
      const e = getEnrolment(ctx, id, 'enrolmentIds');
      if (e.status === 'scheduled') {
        changeStatus(ctx, e, 'notified', '', { notified_at: ctx.now() });
        changed++;
      } else if (e.status === 'notified') patchEnrolment(ctx.db, e.id, { notified_at: ctx.now() }, ctx.now(), actorId(ctx));
    }
    audit(ctx, 'notify', 'lecture_enrolment', null, { enrolmentIds: input.enrolmentIds, changed });
    return { changed };
  })();
}

export function requestLeave(ctx: HandlerContext, input: ParsedInputOf<'lectures:requestLeave'>): RosterRow {
  const e = getEnrolment(ctx, input.enrolmentId);
  const s = getSession(ctx, e.session_id);
  if (s.cancelled_at) throw appError('conflict', 'lectures:errors.sessionCancelled');
  if (e.status !== 'scheduled' && e.status !== 'notified') throw appError('conflict', 'lectures:errors.leaveNotPossible');
  activeRef(ctx, 'reasonId', input.reasonId, 'leaveReason');
  const requestedOn = typedDate('requestedOn', input.requestedOn, false) ?? today(ctx);
  const documentReceivedOn = typedDate('documentReceivedOn', input.documentReceivedOn, false);
  if (requestedOn > today(ctx)) throw fieldError('requestedOn', 'lectures:errors.dateInFuture');
  if (documentReceivedOn && documentReceivedOn > today(ctx)) throw fieldError('documentReceivedOn', 'lectures:errors.dateInFuture');
  ctx.db.transaction(() => {
    const leaveId = insertLeave(
      ctx.db,
      { enrolmentId: e.id, reasonId: input.reasonId, statusBefore: e.status as 'scheduled' | 'notified', requestedOn, documentReceivedOn, note: input.note },
      ctx.now(),
      actorId(ctx),
    );
    changeStatus(ctx, e, 'leaveRequested', input.note);
    audit(ctx, 'create', 'lecture_leave', leaveId, { enrolmentId: e.id });
  })();
  return row(ctx, e.id);
}

export function setLeaveDocument(ctx: HandlerContext, input: ParsedInputOf<'lectures:setLeaveDocument'>): RosterRow {
  const leave = findLeave(ctx.db, input.leaveId);
  if (!leave) throw notFound('leaveId');
  const date = typedDate('documentReceivedOn', input.documentReceivedOn, true);
  if (date > today(ctx)) throw fieldError('documentReceivedOn', 'lectures:errors.dateInFuture');
  ctx.db.transaction(() => {
    saveDocument(ctx.db, leave.id, date, ctx.now(), actorId(ctx));
    audit(ctx, 'document', 'lecture_leave', leave.id, { documentReceivedOn: date });
  })();
  return row(ctx, leave.enrolment_id);
}

/** Approved → 待排 (to be rescheduled, out of this session's denominator); refused → back to where it was. */
export function decideLeave(ctx: HandlerContext, input: ParsedInputOf<'lectures:decideLeave'>): RosterRow {
  const leave = findLeave(ctx.db, input.leaveId);
  if (!leave) throw notFound('leaveId');
  if (leave.decision !== 'pending') throw appError('conflict', 'lectures:errors.leaveDecided');
  const documentOn = typedDate('documentReceivedOn', input.documentReceivedOn, false) ?? leave.document_received_on;
  if (documentOn && documentOn > today(ctx)) throw fieldError('documentReceivedOn', 'lectures:errors.dateInFuture');
  // An excused absence needs its proof (often a photo sent through LINE) before it is approved.
  if (input.approve && !documentOn) throw fieldError('documentReceivedOn', 'lectures:errors.leaveNeedsDocument');
  ctx.db.transaction(() => {
    if (documentOn !== leave.document_received_on && documentOn) saveDocument(ctx.db, leave.id, documentOn, ctx.now(), actorId(ctx));
    saveDecision(ctx.db, leave.id, input.approve ? 'approved' : 'refused', input.note, ctx.now(), actorId(ctx));
    const e = getEnrolment(ctx, leave.enrolment_id);
    // A session cancelled meanwhile already moved the person on; the decision is still recorded.
    if (e.status === 'leaveRequested') changeStatus(ctx, e, input.approve ? 'toReschedule' : leave.status_before, input.note);
    audit(ctx, input.approve ? 'approve' : 'refuse', 'lecture_leave', leave.id, { enrolmentId: e.id });
  })();
  return row(ctx, leave.enrolment_id);
}

export function transferSession(ctx: HandlerContext, input: ParsedInputOf<'lectures:transferSession'>): RosterRow {
  const e = getEnrolment(ctx, input.enrolmentId);
  if (e.session_id === input.targetSessionId) throw fieldError('targetSessionId', 'lectures:errors.sameSession');
  const target = getSession(ctx, input.targetSessionId, 'targetSessionId');
  assertBookable(ctx, target, 'targetSessionId');
  const newId = ctx.db.transaction(() => {
    assertSeats(ctx, target, 1);
    const id = transferInto(ctx, e, target, 'scheduled', input.reason);
    audit(ctx, 'transferSession', 'lecture_enrolment', e.id, { to: id, targetSessionId: target.id });
    return id;
  })();
  return row(ctx, newId);
}

/** 移轉: the person moved to another city; the obligation goes to that city's bureau with a letter. */
export function transferCity(ctx: HandlerContext, input: ParsedInputOf<'lectures:transferCity'>): RosterRow {
  const e = getEnrolment(ctx, input.enrolmentId);
  ctx.db.transaction(() => {
    changeStatus(ctx, e, 'transferredCity', input.reason, { city_transfer_to: input.city });
    audit(ctx, 'transferCity', 'lecture_enrolment', e.id, { city: input.city });
  })();
  return row(ctx, e.id);
}

/** After the session started: everyone still only scheduled or notified did not come (未到). */
export function markNoShows(ctx: HandlerContext, input: ParsedInputOf<'lectures:markNoShows'>): { changed: number } {
  const s = getSession(ctx, input.sessionId);
  if (s.cancelled_at) throw appError('conflict', 'lectures:errors.sessionCancelled');
  if (ctx.clock().getTime() < fromTaipeiLocal(s.session_date, s.start_time).getTime()) throw appError('conflict', 'lectures:errors.sessionNotStarted');
  return ctx.db.transaction(() => {
    const rows = ctx.db
      .prepare("SELECT * FROM lecture_enrolments WHERE session_id = ? AND status IN ('scheduled', 'notified')")
      .all(s.id) as EnrolmentRow[];
    for (const e of rows) changeStatus(ctx, e, 'noShow', '');
    audit(ctx, 'markNoShows', 'lecture_session', s.id, { changed: rows.length });
    return { changed: rows.length };
  })();
}

function bulk(ctx: HandlerContext, ids: number[], to: 'renotified' | 'returned', reason: string): { changed: number } {
  return ctx.db.transaction(() => {
    const unique = [...new Set(ids)];
    for (const id of unique) changeStatus(ctx, getEnrolment(ctx, id, 'enrolmentIds'), to, reason);
    audit(ctx, to, 'lecture_enrolment', null, { enrolmentIds: unique, reason });
    return { changed: unique.length };
  })();
}

export const renotify = (ctx: HandlerContext, input: ParsedInputOf<'lectures:renotify'>) => bulk(ctx, input.enrolmentIds, 'renotified', '');
export const returnToAgency = (ctx: HandlerContext, input: ParsedInputOf<'lectures:returnToAgency'>) =>
  bulk(ctx, input.enrolmentIds, 'returned', input.reason);

/** Certificate serials run per ROC year: 11400001, 11400002 … */
function nextSerial(ctx: HandlerContext): string {
  const year = String(rocYear(Number(today(ctx).slice(0, 4))));
  const row = ctx.db
    .prepare("SELECT max(CAST(substr(certificate_serial, ?) AS INTEGER)) AS n FROM lecture_enrolments WHERE certificate_serial LIKE ? || '%'")
    .get(year.length + 1, year) as { n: number | null };
  return `${year}${String((row.n ?? 0) + 1).padStart(5, '0')}`;
}

export function complete(ctx: HandlerContext, input: ParsedInputOf<'lectures:complete'>): { changed: number } {
  const s = getSession(ctx, input.sessionId);
  return ctx.db.transaction(() => {
    const unique = [...new Set(input.enrolmentIds)];
    for (const id of unique) {
      const e = getEnrolment(ctx, id, 'enrolmentIds');
      if (e.session_id !== s.id) throw appError('validation', 'lectures:errors.notInSession', { field: 'enrolmentIds' });
      changeStatus(ctx, e, 'completed', '', { completed_at: ctx.now(), certificate_serial: nextSerial(ctx) });
    }
    audit(ctx, 'complete', 'lecture_session', s.id, { enrolmentIds: unique });
    return { changed: unique.length };
  })();
}
