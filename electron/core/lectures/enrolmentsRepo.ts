import { randomBytes } from 'node:crypto';
import type { Db } from '../db/open';
import type { EnrolmentStatus } from '../../../shared/domain/lectures';
import type { HistoryEntry, LeaveEntry, RosterRow } from '../../../shared/api/channels/lecturesTypes';
import { maskId } from '../../../shared/lib/taiwanId';
import { flagsOf, type AttendeeRow } from './attendeesRepo';

export interface EnrolmentRow {
  id: number;
  session_id: number;
  attendee_id: number;
  status: EnrolmentStatus;
  status_changed_at: string;
  code: string;
  notified_at: string | null;
  checked_in_at: string | null;
  late: 0 | 1;
  signed_out_at: string | null;
  left_early: 0 | 1;
  completed_at: string | null;
  certificate_serial: string | null;
  transferred_from: number | null;
  transferred_to: number | null;
  city_transfer_to: string;
}

// Crockford's base32 without I, L, O, U: nothing a person could misread when typing it off paper.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Notice-letter codes look like LC-7QX3M9PK: the dash keeps them apart from any ID number. */
export const CODE_RE = /^LC-?[0-9A-Z]{8}$/;

export function newCode(): string {
  const bytes = randomBytes(8);
  let s = '';
  for (const b of bytes) s += CODE_ALPHABET[b % 32];
  return `LC-${s}`;
}

export function findEnrolment(db: Db, id: number): EnrolmentRow | null {
  return (db.prepare('SELECT * FROM lecture_enrolments WHERE id = ?').get(id) as EnrolmentRow | undefined) ?? null;
}

export function findEnrolmentByCode(db: Db, code: string): EnrolmentRow | null {
  return (db.prepare('SELECT * FROM lecture_enrolments WHERE code = ?').get(code) as EnrolmentRow | undefined) ?? null;
}

export function findEnrolmentIn(db: Db, sessionId: number, attendeeId: number): EnrolmentRow | null {
  return (
    (db.prepare('SELECT * FROM lecture_enrolments WHERE session_id = ? AND attendee_id = ?').get(sessionId, attendeeId) as
      | EnrolmentRow
      | undefined) ?? null
  );
}

/** The person's enrolments with one of these statuses, newest first. */
export function enrolmentsOfAttendee(db: Db, attendeeId: number, statuses: readonly EnrolmentStatus[]): EnrolmentRow[] {
  return db
    .prepare(
      `SELECT * FROM lecture_enrolments WHERE attendee_id = ? AND status IN (SELECT value FROM json_each(?)) ORDER BY id DESC`,
    )
    .all(attendeeId, JSON.stringify(statuses)) as EnrolmentRow[];
}

export function appendHistory(db: Db, enrolmentId: number, from: EnrolmentStatus | null, to: EnrolmentStatus, reason: string, at: string, by: number): void {
  db.prepare(
    `INSERT INTO lecture_enrolment_history (enrolment_id, at, by, from_status, to_status, reason, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(enrolmentId, at, by, from, to, reason, at, by, at, by);
}

export function insertEnrolment(
  db: Db,
  v: { sessionId: number; attendeeId: number; status: EnrolmentStatus; transferredFrom: number | null; reason: string },
  at: string,
  by: number,
): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO lecture_enrolments (session_id, attendee_id, status, status_changed_at, code, transferred_from,
           created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(v.sessionId, v.attendeeId, v.status, at, newCode(), v.transferredFrom, at, by, at, by).lastInsertRowid,
  );
  appendHistory(db, id, null, v.status, v.reason, at, by);
  return id;
}

/** Columns a status change may set alongside the status. */
export interface EnrolmentPatch {
  notified_at?: string | null;
  checked_in_at?: string | null;
  late?: 0 | 1;
  signed_out_at?: string | null;
  left_early?: 0 | 1;
  completed_at?: string | null;
  certificate_serial?: string | null;
  transferred_to?: number | null;
  city_transfer_to?: string;
}

const PATCHABLE = new Set<string>([
  'notified_at', 'checked_in_at', 'late', 'signed_out_at', 'left_early', 'completed_at', 'certificate_serial', 'transferred_to', 'city_transfer_to',
]);

export function patchEnrolment(db: Db, id: number, patch: EnrolmentPatch & { status?: EnrolmentStatus; status_changed_at?: string }, at: string, by: number): void {
  const keys = Object.keys(patch).filter((k) => PATCHABLE.has(k) || k === 'status' || k === 'status_changed_at');
  const sets = keys.map((k) => `${k} = @${k}`).join(', ');
  db.prepare(`UPDATE lecture_enrolments SET ${sets ? `${sets}, ` : ''}updated_at = @at, updated_by = @by WHERE id = @id`).run({
    ...patch,
    id,
    at,
    by,
  });
}

export function historyOf(db: Db, enrolmentId: number): HistoryEntry[] {
  return db
    .prepare(
      `SELECT h.at, coalesce(a.display_name, '') AS byName, h.from_status AS "from", h.to_status AS "to", h.reason
         FROM lecture_enrolment_history h LEFT JOIN accounts a ON a.id = h.by
        WHERE h.enrolment_id = ? ORDER BY h.id`,
    )
    .all(enrolmentId) as HistoryEntry[];
}

interface LeaveRow {
  id: number;
  enrolment_id: number;
  reason_id: number;
  status_before: 'scheduled' | 'notified';
  requested_on: string;
  document_received_on: string | null;
  note: string;
  decision: 'pending' | 'approved' | 'refused';
  decided_at: string | null;
  decision_note: string;
}

export type { LeaveRow };

export function findLeave(db: Db, id: number): LeaveRow | null {
  return (db.prepare('SELECT * FROM lecture_leaves WHERE id = ?').get(id) as LeaveRow | undefined) ?? null;
}

export function insertLeave(
  db: Db,
  v: { enrolmentId: number; reasonId: number; statusBefore: 'scheduled' | 'notified'; requestedOn: string; documentReceivedOn: string | null; note: string },
  at: string,
  by: number,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO lecture_leaves (enrolment_id, reason_id, status_before, requested_on, document_received_on, note,
           created_at, created_by, updated_at, updated_by)
         VALUES (@enrolmentId, @reasonId, @statusBefore, @requestedOn, @documentReceivedOn, @note, @at, @by, @at, @by)`,
      )
      .run({ ...v, at, by }).lastInsertRowid,
  );
}

export function setLeaveDocument(db: Db, id: number, date: string, at: string, by: number): void {
  db.prepare('UPDATE lecture_leaves SET document_received_on = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(date, at, by, id);
}

export function decideLeave(db: Db, id: number, decision: 'approved' | 'refused', note: string, at: string, by: number): void {
  db.prepare(
    'UPDATE lecture_leaves SET decision = ?, decision_note = ?, decided_at = ?, decided_by = ?, updated_at = ?, updated_by = ? WHERE id = ?',
  ).run(decision, note, at, by, at, by, id);
}

export function leavesOf(db: Db, enrolmentId: number): LeaveEntry[] {
  return (db.prepare('SELECT * FROM lecture_leaves WHERE enrolment_id = ? ORDER BY id').all(enrolmentId) as LeaveRow[]).map((l) => ({
    id: l.id,
    reasonId: l.reason_id,
    requestedOn: l.requested_on,
    documentReceivedOn: l.document_received_on,
    note: l.note,
    decision: l.decision,
    decidedAt: l.decided_at,
    decisionNote: l.decision_note,
  }));
}

type RosterSqlRow = EnrolmentRow &
  Pick<AttendeeRow, 'name' | 'national_id' | 'birth_date' | 'phone' | 'drug_class' | 'penalty_count' | 'needs_interpreter' | 'interpreter_language'> & {
    session_date: string;
    to_date: string | null;
    leave_id: number | null;
    leave_reason: number | null;
    leave_requested_on: string | null;
    leave_document_on: string | null;
    leave_note: string | null;
    approved_leave: 0 | 1;
  };

const ROSTER_SQL = `
  SELECT e.*, a.name, a.national_id, a.birth_date, a.phone, a.drug_class, a.penalty_count, a.needs_interpreter,
         a.interpreter_language, s.session_date, ts.session_date AS to_date,
         l.id AS leave_id, l.reason_id AS leave_reason, l.requested_on AS leave_requested_on,
         l.document_received_on AS leave_document_on, l.note AS leave_note,
         EXISTS (SELECT 1 FROM lecture_leaves la WHERE la.enrolment_id = e.id AND la.decision = 'approved') AS approved_leave
    FROM lecture_enrolments e
    JOIN lecture_attendees a ON a.id = e.attendee_id
    JOIN lecture_sessions s ON s.id = e.session_id
    LEFT JOIN lecture_enrolments te ON te.id = e.transferred_to
    LEFT JOIN lecture_sessions ts ON ts.id = te.session_id
    LEFT JOIN lecture_leaves l ON l.enrolment_id = e.id AND l.decision = 'pending'`;

function toRosterRow(r: RosterSqlRow): RosterRow {
  return {
    enrolmentId: r.id,
    attendeeId: r.attendee_id,
    name: r.name,
    maskedId: maskId(r.national_id),
    phone: r.phone,
    drugClass: r.drug_class,
    penaltyCount: r.penalty_count,
    ...flagsOf(r, r.session_date),
    status: r.status,
    statusChangedAt: r.status_changed_at,
    notifiedAt: r.notified_at,
    checkedInAt: r.checked_in_at,
    late: r.late === 1,
    signedOutAt: r.signed_out_at,
    leftEarly: r.left_early === 1,
    certificateSerial: r.certificate_serial,
    cityTransferTo: r.city_transfer_to,
    transferredToDate: r.to_date,
    pendingLeave:
      r.leave_id !== null && r.leave_reason !== null && r.leave_requested_on !== null
        ? { leaveId: r.leave_id, reasonId: r.leave_reason, requestedOn: r.leave_requested_on, documentReceivedOn: r.leave_document_on, note: r.leave_note ?? '' }
        : null,
    approvedLeave: r.approved_leave === 1,
  };
}

export function rosterOf(db: Db, sessionId: number): RosterRow[] {
  return (db.prepare(`${ROSTER_SQL} WHERE e.session_id = ? ORDER BY a.name COLLATE NOCASE, e.id`).all(sessionId) as RosterSqlRow[]).map(toRosterRow);
}

export function rosterRow(db: Db, enrolmentId: number): RosterRow | null {
  const row = db.prepare(`${ROSTER_SQL} WHERE e.id = ?`).get(enrolmentId) as RosterSqlRow | undefined;
  return row ? toRosterRow(row) : null;
}

/** Latest check-ins of a session, newest first. */
export function recentCheckIns(db: Db, sessionId: number, limit: number): RosterRow[] {
  return (
    db
      .prepare(`${ROSTER_SQL} WHERE e.session_id = ? AND e.checked_in_at IS NOT NULL ORDER BY e.checked_in_at DESC, e.id DESC LIMIT ?`)
      .all(sessionId, limit) as RosterSqlRow[]
  ).map(toRosterRow);
}
