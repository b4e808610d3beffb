import type { Db } from '../db/open';

/** One lecture enrolment of a person, as the counter's progress inquiry shows it (issue 5). */
export interface EnrolmentStatusRow {
  enrolmentId: number;
  sessionId: number;
  /** YYYY-MM-DD */
  sessionDate: string;
  /** HH:mm */
  startTime: string;
  endTime: string;
  venueId: number | null;
  sessionKind: string;
  /** a code of ENROLMENT_STATUSES (shared/domain/lectures.ts) */
  status: string;
  statusChangedAt: string;
}

/**
 * A person's enrolments, newest session first, by normalized national ID; null when the
 * person is not on any lecture roster. The caller audits the read (it knows why it looked).
 */
export function enrolmentsForPerson(
  db: Db,
  nationalId: string,
): { attendeeId: number; name: string; enrolments: EnrolmentStatusRow[] } | null {
  const person = db.prepare('SELECT id, name FROM lecture_attendees WHERE national_id = ?').get(nationalId) as
    | { id: number; name: string }
    | undefined;
  if (!person) return null;
  const enrolments = db
    .prepare(
      `SELECT e.id AS enrolmentId, s.id AS sessionId, s.session_date AS sessionDate, s.start_time AS startTime,
              s.end_time AS endTime, s.venue_id AS venueId, s.kind AS sessionKind, e.status AS status,
              e.status_changed_at AS statusChangedAt
         FROM lecture_enrolments e JOIN lecture_sessions s ON s.id = e.session_id
        WHERE e.attendee_id = ?
        ORDER BY s.session_date DESC, s.start_time DESC, e.id DESC`,
    )
    .all(person.id) as EnrolmentStatusRow[];
  return { attendeeId: person.id, name: person.name, enrolments };
}
