/**
 * The check-in desk's query (issue 4 §4; reshaped in issue 8 after measuring ten years of data):
 * the enrolments that can be checked in at this session — its own roster, and anyone waiting
 * elsewhere who may walk in (WALK_IN_FROM) — whose person matches what was typed or scanned.
 *
 * Matching people first and keeping 20 lost the person on today's roster whenever more than 20
 * people in the whole history matched (a common full name among 200,000 attendees has ~180), and
 * a 1–2 character name fragment scanned every attendee (LIKE cannot use an index): ~110 ms.
 * Now a selective match (at most SELECTIVE people, through the index of its kind) is joined as
 * before; anything broader, and every short name fragment, is checked against the candidates
 * only: the session's roster and the waiting enrolments of the partial index
 * lecture_enrolments_waiting (0006_performance.sql), a few thousand rows instead of 200,000.
 */
import type { Db } from '../db/open';
import { OPEN_STATUSES, RESCHEDULABLE, WALK_IN_FROM, type EnrolmentStatus } from '../../../shared/domain/lectures';
import type { AttendeeRow } from './attendeesRepo';
import type { EnrolmentRow } from './enrolmentsRepo';
import { classifyQuery, findPeople, type MatchedBy } from './search';

export type CandidateRow = EnrolmentRow &
  Pick<AttendeeRow, 'name' | 'national_id' | 'phone' | 'birth_date' | 'penalty_count' | 'needs_interpreter' | 'interpreter_language'> & {
    session_date: string;
    start_time: string;
  };

/** Up to this many matching people (an ID's first five characters: ~500) are joined through their own index; more are filtered among the candidates. */
const SELECTIVE = 1000;

const list = (xs: readonly string[]) => xs.map((s) => `'${s}'`).join(', ');

// The same text as the partial index's WHERE in 0006_performance.sql: SQLite uses a partial
// index only for a query term that matches its condition exactly.
const WAITING = `status IN (${list(WALK_IN_FROM)})`;

const COLUMNS = `e.*, a.name, a.national_id, a.phone, a.birth_date, a.penalty_count, a.needs_interpreter, a.interpreter_language,
  s.session_date, s.start_time`;

/** An enrolment with its person and session, as the desk lists it. */
const SELECT_ROWS = `SELECT ${COLUMNS}
  FROM lecture_enrolments e
  JOIN lecture_attendees a ON a.id = e.attendee_id
  JOIN lecture_sessions s ON s.id = e.session_id`;

/** The most rows the desk lists for one query (LookupResult.capped says when it reached it). */
export const LOOKUP_LIMIT = 20;

// Today's roster first, then by name, then the latest session.
const ORDER = `ORDER BY (e.session_id = @sessionId) DESC, a.name, s.session_date DESC LIMIT ${LOOKUP_LIMIT}`;

/** A scanned notice code: that enrolment, and the person's enrolment here if they have one. */
function ofCode(db: Db, attendeeIds: readonly number[], enrolmentId: number | null, sessionId: number): CandidateRow[] {
  return db
    .prepare(
      `${SELECT_ROWS}
        WHERE e.attendee_id IN (SELECT value FROM json_each(@ids))
          AND (@enrolmentId IS NULL OR e.id = @enrolmentId OR e.session_id = @sessionId)
          AND (e.session_id = @sessionId OR e.${WAITING} OR e.id = @enrolmentId)
        ${ORDER}`,
    )
    .all({ ids: JSON.stringify(attendeeIds), enrolmentId, sessionId }) as CandidateRow[];
}

/**
 * The candidates among these people, found in two small indexes (the waiting enrolments by
 * person, today's roster by person) before any enrolment row is read: the people an ID prefix
 * matches are scattered over ten years of pages, their candidate enrolments are few.
 */
function ofPeople(db: Db, attendeeIds: readonly number[], sessionId: number): CandidateRow[] {
  return db
    .prepare(
      `${SELECT_ROWS}
        WHERE e.id IN (
          SELECT w.id FROM lecture_enrolments w WHERE w.attendee_id IN (SELECT value FROM json_each(@ids)) AND w.${WAITING}
          UNION ALL
          SELECT r.id FROM lecture_enrolments r WHERE r.session_id = @sessionId AND r.attendee_id IN (SELECT value FROM json_each(@ids)))
        ${ORDER}`,
    )
    .all({ ids: JSON.stringify(attendeeIds), sessionId }) as CandidateRow[];
}

const likeFragment = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The same match as findPeople's, written as a condition on the attendee row. */
function condition(by: MatchedBy, value: string): { sql: string; value: string } {
  if (by === 'id') return { sql: "a.national_id >= @value AND a.national_id < @value || '~'", value };
  if (by === 'phone') return { sql: "a.phone_key >= @value AND a.phone_key < @value || ':'", value };
  return { sql: "a.name LIKE '%' || @value || '%' ESCAPE '\\'", value: likeFragment(value) };
}

function amongCandidates(db: Db, by: MatchedBy, value: string, sessionId: number): CandidateRow[] {
  const c = condition(by, value);
  const params = { sessionId, value: c.value };
  // Today's roster sorts first: when it alone fills the list (a surname typed), nobody else can show.
  const roster = db
    .prepare(
      `${SELECT_ROWS}
        WHERE e.session_id = @sessionId AND ${c.sql}
        ${ORDER}`,
    )
    .all(params) as CandidateRow[];
  if (roster.length >= LOOKUP_LIMIT) return roster;
  return db
    .prepare(
      // The candidates are the outer loop (CROSS JOIN): SQLite must not start from all attendees.
      // Both lists come from covering indexes (with the session), so the 20 to show are chosen
      // before any enrolment row is read; a walk-in listed today too is counted once (<>).
      `${SELECT_ROWS}
        WHERE e.id IN (
          SELECT c.id FROM (
            SELECT w.id, w.session_id, a.name FROM lecture_enrolments w CROSS JOIN lecture_attendees a ON a.id = w.attendee_id
             WHERE w.${WAITING} AND w.session_id <> @sessionId AND ${c.sql}
            UNION ALL
            SELECT r.id, r.session_id, a.name FROM lecture_enrolments r CROSS JOIN lecture_attendees a ON a.id = r.attendee_id
             WHERE r.session_id = @sessionId AND ${c.sql}) AS c
          JOIN lecture_sessions cs ON cs.id = c.session_id
          ORDER BY (c.session_id = @sessionId) DESC, c.name, cs.session_date DESC LIMIT ${LOOKUP_LIMIT})
        ${ORDER}`,
    )
    .all(params) as CandidateRow[];
}

/** What the desk shows for a query at this session: at most 20 enrolments, today's roster first. */
export function lookupRows(db: Db, query: string, sessionId: number): { by: MatchedBy; rows: CandidateRow[]; people: number[] } {
  const { by, value } = classifyQuery(query);
  if (by === 'none') return { by, rows: [], people: [] };
  // A 1–2 character name fragment is looked for among the candidates only, never all attendees.
  if (by === 'name' && [...value].length < 3) return { by, rows: amongCandidates(db, by, value, sessionId), people: [] };
  const match = findPeople(db, query, SELECTIVE + 1);
  const people = match.attendeeIds;
  if (people.length === 0) return { by, rows: [], people };
  if (by === 'code') return { by, rows: ofCode(db, people, match.enrolmentId, sessionId), people };
  if (people.length <= SELECTIVE) return { by, rows: ofPeople(db, people, sessionId), people };
  return { by, rows: amongCandidates(db, by, value, sessionId), people };
}

export type WalkInRow = Pick<
  AttendeeRow,
  'id' | 'name' | 'national_id' | 'phone' | 'birth_date' | 'penalty_count' | 'needs_interpreter' | 'interpreter_language'
> & {
  last_status: EnrolmentStatus | null;
  last_date: string | null;
  /** 1 when an enrolment of theirs is still open or waiting (then they cannot be booked here) */
  booked: number;
};

const BOOKED = [...OPEN_STATUSES, ...RESCHEDULABLE];

/**
 * The first LOOKUP_LIMIT + 1 of these people with their latest enrolment: what the desk shows
 * when a query found people but none of them is on a roster or waiting. Each is one seek by
 * primary key and one range of lecture_enrolments_attendee.
 */
export function walkInPeople(db: Db, attendeeIds: readonly number[]): WalkInRow[] {
  return db
    .prepare(
      `SELECT a.id, a.name, a.national_id, a.phone, a.birth_date, a.penalty_count, a.needs_interpreter, a.interpreter_language,
              l.status AS last_status, ls.session_date AS last_date,
              EXISTS (SELECT 1 FROM lecture_enrolments b WHERE b.attendee_id = a.id AND b.status IN (${list(BOOKED)})) AS booked
         FROM lecture_attendees a
         LEFT JOIN lecture_enrolments l ON l.id = (
           SELECT e.id FROM lecture_enrolments e JOIN lecture_sessions s ON s.id = e.session_id
            WHERE e.attendee_id = a.id ORDER BY s.session_date DESC, e.id DESC LIMIT 1)
         LEFT JOIN lecture_sessions ls ON ls.id = l.session_id
        WHERE a.id IN (SELECT value FROM json_each(@ids))
        ORDER BY a.name, a.id`,
    )
    .all({ ids: JSON.stringify(attendeeIds.slice(0, LOOKUP_LIMIT + 1)) }) as WalkInRow[];
}
