import type { Db } from '../db/open';
import type { EnrolmentStatus } from '../../../shared/domain/lectures';
import { RESCHEDULABLE, isMinorOn, isRepeatOffender } from '../../../shared/domain/lectures';
import type { AttendeeSummary, PersonFlags } from '../../../shared/api/channels/lecturesTypes';
import { maskId } from '../../../shared/lib/taiwanId';

export interface AttendeeRow {
  id: number;
  name: string;
  national_id: string;
  birth_date: string | null;
  phone: string;
  phone_key: string;
  address: string;
  penalty_doc_no: string;
  issuing_agency: string;
  drug_class: number | null;
  penalty_count: number;
  needs_interpreter: 0 | 1;
  interpreter_language: string;
  note: string;
}

/** What is stored for a person; the ID is normalized and checksum-valid, the birth date a date key. */
export interface AttendeeValues {
  name: string;
  nationalId: string;
  birthDate: string | null;
  phone: string;
  phoneKey: string;
  address: string;
  penaltyDocNo: string;
  issuingAgency: string;
  drugClass: number | null;
  penaltyCount: number;
  needsInterpreter: boolean;
  interpreterLanguage: string;
  note: string;
}

const params = (v: AttendeeValues) => ({ ...v, needsInterpreter: v.needsInterpreter ? 1 : 0 });

export function insertAttendee(db: Db, v: AttendeeValues, at: string, by: number): number {
  return Number(
    db
      .prepare(
        `INSERT INTO lecture_attendees (name, national_id, birth_date, phone, phone_key, address, penalty_doc_no, issuing_agency,
           drug_class, penalty_count, needs_interpreter, interpreter_language, note, created_at, created_by, updated_at, updated_by)
         VALUES (@name, @nationalId, @birthDate, @phone, @phoneKey, @address, @penaltyDocNo, @issuingAgency,
           @drugClass, @penaltyCount, @needsInterpreter, @interpreterLanguage, @note, @at, @by, @at, @by)`,
      )
      .run({ ...params(v), at, by }).lastInsertRowid,
  );
}

export function updateAttendee(db: Db, id: number, v: AttendeeValues, at: string, by: number): void {
  db.prepare(
    `UPDATE lecture_attendees SET name = @name, national_id = @nationalId, birth_date = @birthDate, phone = @phone,
       phone_key = @phoneKey, address = @address, penalty_doc_no = @penaltyDocNo, issuing_agency = @issuingAgency,
       drug_class = @drugClass, penalty_count = @penaltyCount, needs_interpreter = @needsInterpreter,
       interpreter_language = @interpreterLanguage, note = @note, updated_at = @at, updated_by = @by
     WHERE id = @id`,
  ).run({ ...params(v), id, at, by });
}

export function findAttendee(db: Db, id: number): AttendeeRow | null {
  return (db.prepare('SELECT * FROM lecture_attendees WHERE id = ?').get(id) as AttendeeRow | undefined) ?? null;
}

export function findAttendeeByNationalId(db: Db, nationalId: string): AttendeeRow | null {
  return (db.prepare('SELECT * FROM lecture_attendees WHERE national_id = ?').get(nationalId) as AttendeeRow | undefined) ?? null;
}

export function toValues(r: AttendeeRow): AttendeeValues {
  return {
    name: r.name,
    nationalId: r.national_id,
    birthDate: r.birth_date,
    phone: r.phone,
    phoneKey: r.phone_key,
    address: r.address,
    penaltyDocNo: r.penalty_doc_no,
    issuingAgency: r.issuing_agency,
    drugClass: r.drug_class,
    penaltyCount: r.penalty_count,
    needsInterpreter: r.needs_interpreter === 1,
    interpreterLanguage: r.interpreter_language,
    note: r.note,
  };
}

export function flagsOf(r: Pick<AttendeeRow, 'birth_date' | 'penalty_count' | 'needs_interpreter' | 'interpreter_language'>, onDate: string): PersonFlags {
  return {
    minor: isMinorOn(r.birth_date, onDate),
    repeatOffender: isRepeatOffender(r.penalty_count),
    needsInterpreter: r.needs_interpreter === 1,
    interpreterLanguage: r.interpreter_language,
  };
}

const RESCHEDULABLE_SQL = RESCHEDULABLE.map((s) => `'${s}'`).join(', ');

/** A null limit means every match; -1 is SQLite's "no limit". */
const sqlLimit = (limit: number | null): number => limit ?? -1;

/** The attendee ids whose name contains `q`: trigram FTS for 3+ characters, LIKE below that. */
export function idsByName(db: Db, q: string, limit: number | null): number[] {
  const rows =
    [...q].length >= 3
      ? (db
          .prepare('SELECT rowid AS id FROM lecture_attendees_fts WHERE lecture_attendees_fts MATCH ? ORDER BY rank LIMIT ?')
          .all(`"${q.replace(/"/g, '""')}"`, sqlLimit(limit)) as { id: number }[])
      : (db
          .prepare("SELECT id FROM lecture_attendees WHERE name LIKE '%' || ? || '%' ESCAPE '\\' ORDER BY name LIMIT ?")
          .all(q.replace(/[\\%_]/g, (c) => `\\${c}`), sqlLimit(limit)) as { id: number }[]);
  return rows.map((r) => r.id);
}

/** Ids whose national ID starts with `prefix` (uses the UNIQUE index as a range). */
export function idsByNationalIdPrefix(db: Db, prefix: string, limit: number | null): number[] {
  return (
    db
      .prepare("SELECT id FROM lecture_attendees WHERE national_id >= ? AND national_id < ? || '~' ORDER BY national_id LIMIT ?")
      .all(prefix, prefix, sqlLimit(limit)) as { id: number }[]
  ).map((r) => r.id);
}

/** Ids whose phone digits start with `digits` (mobile numbers are typed from the front). */
export function idsByPhonePrefix(db: Db, digits: string, limit: number | null): number[] {
  return (
    db
      .prepare("SELECT id FROM lecture_attendees WHERE phone_key >= ? AND phone_key < ? || ':' ORDER BY phone_key LIMIT ?")
      .all(digits, digits, sqlLimit(limit)) as { id: number }[]
  ).map((r) => r.id);
}

interface SummaryRow extends AttendeeRow {
  current_id: number | null;
  current_session: number | null;
  current_date: string | null;
  current_status: EnrolmentStatus | null;
}

function toSummary(r: SummaryRow, today: string): AttendeeSummary {
  return {
    id: r.id,
    name: r.name,
    maskedId: maskId(r.national_id),
    phone: r.phone,
    drugClass: r.drug_class,
    penaltyCount: r.penalty_count,
    issuingAgency: r.issuing_agency,
    penaltyDocNo: r.penalty_doc_no,
    ...flagsOf(r, today),
    current:
      r.current_id !== null && r.current_session !== null && r.current_date !== null && r.current_status !== null
        ? { enrolmentId: r.current_id, sessionId: r.current_session, sessionDate: r.current_date, status: r.current_status }
        : null,
  };
}

/**
 * Summaries for the given ids (or every person when ids is null), newest first, each with their
 * latest enrolment. `waitingOnly` keeps people never enrolled or waiting for a new session; a
 * null limit keeps everyone (exports).
 */
export function attendeeSummaries(db: Db, ids: number[] | null, opts: { waitingOnly: boolean; limit: number | null; today: string }): AttendeeSummary[] {
  const rows = db
    .prepare(
      `SELECT a.*, e.id AS current_id, e.session_id AS current_session, s.session_date AS current_date, e.status AS current_status
         FROM lecture_attendees a
         LEFT JOIN lecture_enrolments e ON e.id = (
           SELECT e2.id FROM lecture_enrolments e2 WHERE e2.attendee_id = a.id ORDER BY e2.id DESC LIMIT 1)
         LEFT JOIN lecture_sessions s ON s.id = e.session_id
        WHERE (@all = 1 OR a.id IN (SELECT value FROM json_each(@ids)))
          AND (@waitingOnly = 0 OR e.status IS NULL OR e.status IN (${RESCHEDULABLE_SQL}))
        ORDER BY a.id DESC LIMIT @limit`,
    )
    .all({ all: ids === null ? 1 : 0, ids: JSON.stringify(ids ?? []), waitingOnly: opts.waitingOnly ? 1 : 0, limit: sqlLimit(opts.limit) }) as SummaryRow[];
  return rows.map((r) => toSummary(r, opts.today));
}
