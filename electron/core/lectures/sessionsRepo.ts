import type { Db } from '../db/open';
import type { EnrolmentStatus, SessionKind } from '../../../shared/domain/lectures';
import { SEAT_HOLDING } from '../../../shared/domain/lectures';
import type { SessionSummary } from '../../../shared/api/channels/lecturesTypes';

export interface SessionRow {
  id: number;
  series_id: number | null;
  session_date: string;
  start_time: string;
  end_time: string;
  venue_id: number | null;
  capacity: number;
  kind: SessionKind;
  hours: number;
  instructors: string;
  topics: string;
  note: string;
  cancelled_at: string | null;
  cancel_reason: string;
}

export interface SessionValues {
  date: string;
  startTime: string;
  endTime: string;
  venueId: number | null;
  capacity: number;
  kind: SessionKind;
  hours: number;
  instructors: string;
  topics: string;
  note: string;
}

const SEATS_SQL = SEAT_HOLDING.map((s) => `'${s}'`).join(', ');

export function insertSeries(db: Db, rule: unknown, at: string, by: number): number {
  return Number(
    db
      .prepare('INSERT INTO lecture_series (rule, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)')
      .run(JSON.stringify(rule), at, by, at, by).lastInsertRowid,
  );
}

export function insertSession(db: Db, v: SessionValues, seriesId: number | null, at: string, by: number): number {
  return Number(
    db
      .prepare(
        `INSERT INTO lecture_sessions (series_id, session_date, start_time, end_time, venue_id, capacity, kind, hours,
           instructors, topics, note, created_at, created_by, updated_at, updated_by)
         VALUES (@seriesId, @date, @startTime, @endTime, @venueId, @capacity, @kind, @hours,
           @instructors, @topics, @note, @at, @by, @at, @by)`,
      )
      .run({ ...v, seriesId, at, by }).lastInsertRowid,
  );
}

export function updateSession(db: Db, id: number, v: SessionValues, at: string, by: number): void {
  db.prepare(
    `UPDATE lecture_sessions SET session_date = @date, start_time = @startTime, end_time = @endTime, venue_id = @venueId,
       capacity = @capacity, kind = @kind, hours = @hours, instructors = @instructors, topics = @topics, note = @note,
       updated_at = @at, updated_by = @by
     WHERE id = @id`,
  ).run({ ...v, id, at, by });
}

export function cancelSession(db: Db, id: number, reason: string, at: string, by: number): void {
  db.prepare(
    'UPDATE lecture_sessions SET cancelled_at = ?, cancelled_by = ?, cancel_reason = ?, updated_at = ?, updated_by = ? WHERE id = ?',
  ).run(at, by, reason, at, by, id);
}

export function findSession(db: Db, id: number): SessionRow | null {
  return (db.prepare('SELECT * FROM lecture_sessions WHERE id = ?').get(id) as SessionRow | undefined) ?? null;
}

export function bookedSeats(db: Db, sessionId: number): number {
  const row = db
    .prepare(`SELECT count(*) AS n FROM lecture_enrolments WHERE session_id = ? AND status IN (${SEATS_SQL})`)
    .get(sessionId) as { n: number };
  return row.n;
}

function statusCounts(db: Db, sessionIds: number[]): Map<number, Partial<Record<EnrolmentStatus, number>>> {
  const out = new Map<number, Partial<Record<EnrolmentStatus, number>>>();
  if (sessionIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT session_id AS sessionId, status, count(*) AS n FROM lecture_enrolments
        WHERE session_id IN (SELECT value FROM json_each(?)) GROUP BY session_id, status`,
    )
    .all(JSON.stringify(sessionIds)) as { sessionId: number; status: EnrolmentStatus; n: number }[];
  for (const r of rows) {
    const counts = out.get(r.sessionId) ?? {};
    counts[r.status] = r.n;
    out.set(r.sessionId, counts);
  }
  return out;
}

function toSummary(r: SessionRow, counts: Partial<Record<EnrolmentStatus, number>>): SessionSummary {
  return {
    id: r.id,
    seriesId: r.series_id,
    date: r.session_date,
    startTime: r.start_time,
    endTime: r.end_time,
    venueId: r.venue_id,
    capacity: r.capacity,
    kind: r.kind,
    hours: r.hours,
    instructors: r.instructors,
    topics: r.topics,
    note: r.note,
    cancelled: r.cancelled_at !== null,
    cancelReason: r.cancel_reason,
    booked: SEAT_HOLDING.reduce((n, s) => n + (counts[s] ?? 0), 0),
    statusCounts: counts,
  };
}

export function summaries(db: Db, rows: SessionRow[]): SessionSummary[] {
  const counts = statusCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toSummary(r, counts.get(r.id) ?? {}));
}

export function sessionSummary(db: Db, id: number): SessionSummary | null {
  const row = findSession(db, id);
  return row ? (summaries(db, [row])[0] ?? null) : null;
}

export function listSessions(db: Db, from: string, to: string, includeCancelled: boolean): SessionSummary[] {
  const rows = db
    .prepare(
      `SELECT * FROM lecture_sessions WHERE session_date BETWEEN ? AND ? ${includeCancelled ? '' : 'AND cancelled_at IS NULL'}
        ORDER BY session_date, start_time, id`,
    )
    .all(from, to) as SessionRow[];
  return summaries(db, rows);
}
