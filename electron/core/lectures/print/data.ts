/** What the lecture documents print, read from the records in one place. */
import type { Db } from '../../db/open';
import type { EnrolmentStatus, SessionKind } from '../../../../shared/domain/lectures';
import { isMinorOn } from '../../../../shared/domain/lectures';
import { findRefItem } from '../../reference/repository';
import { findSession } from '../sessionsRepo';

export interface PrintSession {
  id: number;
  date: string;
  startTime: string;
  endTime: string;
  hours: number;
  kind: SessionKind;
  instructors: string;
  topics: string;
  cancelled: boolean;
  venueZh: string;
  venueEn: string;
  venueAddress: string;
}

export interface PrintPerson {
  enrolmentId: number;
  status: EnrolmentStatus;
  code: string;
  name: string;
  nationalId: string;
  birthDate: string | null;
  minor: boolean;
  address: string;
  phone: string;
  penaltyDocNo: string;
  issuingAgency: string;
  drugClass: number | null;
  penaltyCount: number;
  checkedInAt: string | null;
  completedAt: string | null;
  certificateSerial: string | null;
  cityTransferTo: string;
}

export function printSession(db: Db, id: number): PrintSession | null {
  const s = findSession(db, id);
  if (!s) return null;
  const venue = s.venue_id === null ? null : findRefItem(db, s.venue_id);
  return {
    id: s.id,
    date: s.session_date,
    startTime: s.start_time,
    endTime: s.end_time,
    hours: s.hours,
    kind: s.kind,
    instructors: s.instructors,
    topics: s.topics,
    cancelled: s.cancelled_at !== null,
    venueZh: venue?.nameZh ?? '',
    venueEn: venue?.nameEn ?? '',
    venueAddress: typeof venue?.extra.address === 'string' ? venue.extra.address : '',
  };
}

interface Row {
  id: number;
  session_id: number;
  session_date: string;
  status: EnrolmentStatus;
  code: string;
  name: string;
  national_id: string;
  birth_date: string | null;
  address: string;
  phone: string;
  penalty_doc_no: string;
  issuing_agency: string;
  drug_class: number | null;
  penalty_count: number;
  checked_in_at: string | null;
  completed_at: string | null;
  certificate_serial: string | null;
  city_transfer_to: string;
}

const SELECT = `
  SELECT e.id, e.session_id, s.session_date, e.status, e.code, a.name, a.national_id, a.birth_date, a.address, a.phone, a.penalty_doc_no,
         a.issuing_agency, a.drug_class, a.penalty_count, e.checked_in_at, e.completed_at, e.certificate_serial, e.city_transfer_to
    FROM lecture_enrolments e
    JOIN lecture_attendees a ON a.id = e.attendee_id
    JOIN lecture_sessions s ON s.id = e.session_id`;

const toPerson = (r: Row): PrintPerson => ({
  enrolmentId: r.id,
  status: r.status,
  code: r.code,
  name: r.name,
  nationalId: r.national_id,
  birthDate: r.birth_date,
  minor: isMinorOn(r.birth_date, r.session_date),
  address: r.address,
  phone: r.phone,
  penaltyDocNo: r.penalty_doc_no,
  issuingAgency: r.issuing_agency,
  drugClass: r.drug_class,
  penaltyCount: r.penalty_count,
  checkedInAt: r.checked_in_at,
  completedAt: r.completed_at,
  certificateSerial: r.certificate_serial,
  cityTransferTo: r.city_transfer_to,
});

/** People of a session with one of `statuses`, optionally only the chosen enrolments, by name. */
export function printPeople(db: Db, sessionId: number, statuses: readonly EnrolmentStatus[], enrolmentIds?: readonly number[]): PrintPerson[] {
  const rows = db
    .prepare(
      `${SELECT} WHERE e.session_id = ? AND e.status IN (SELECT value FROM json_each(?))
         AND (? IS NULL OR e.id IN (SELECT value FROM json_each(?)))
       ORDER BY a.name, e.id`,
    )
    .all(sessionId, JSON.stringify(statuses), enrolmentIds ? 1 : null, JSON.stringify(enrolmentIds ?? [])) as Row[];
  return rows.map(toPerson);
}

export function printPerson(db: Db, enrolmentId: number): (PrintPerson & { sessionId: number }) | null {
  const row = db.prepare(`${SELECT} WHERE e.id = ?`).get(enrolmentId) as Row | undefined;
  return row ? { ...toPerson(row), sessionId: row.session_id } : null;
}
