import type { Db } from '../db/open';
import { ATTENDED, NO_SHOW } from '../../../shared/domain/lectures';
import type { FigureCounts } from '../../../shared/domain/lectureFigures';

const list = (xs: readonly string[]) => xs.map((s) => `'${s}'`).join(', ');

/**
 * Figures of each session counted from the enrolment records (issue 4 §9). One row per
 * session id; sessions without enrolments come back with zeros.
 */
const COUNTS_SQL = `
  SELECT s.id AS sessionId,
         count(e.id) AS due,
         coalesce(sum(e.status IN (${list(ATTENDED)})), 0) AS attended,
         coalesce(sum(al.enrolment_id IS NOT NULL), 0) AS approvedLeave,
         coalesce(sum(e.status = 'leaveRequested'), 0) AS leavePending,
         coalesce(sum(e.status IN ('transferredSession', 'transferredCity') AND al.enrolment_id IS NULL), 0) AS transferredOut,
         coalesce(sum(e.status IN (${list(NO_SHOW)})), 0) AS noShow,
         (SELECT count(*) FROM lecture_consultations c WHERE c.session_id = s.id) AS consultations
    FROM lecture_sessions s
    LEFT JOIN lecture_enrolments e ON e.session_id = s.id
    LEFT JOIN (SELECT DISTINCT enrolment_id FROM lecture_leaves WHERE decision = 'approved') al ON al.enrolment_id = e.id`;

export function countsForSessions(db: Db, sessionIds: readonly number[]): Map<number, FigureCounts> {
  const rows = db
    .prepare(`${COUNTS_SQL} WHERE s.id IN (SELECT value FROM json_each(?)) GROUP BY s.id`)
    .all(JSON.stringify(sessionIds)) as (FigureCounts & { sessionId: number })[];
  return new Map(rows.map(({ sessionId, ...c }) => [sessionId, c]));
}

export interface MonthSessionRow {
  id: number;
  session_date: string;
  start_time: string;
  kind: 'weekday' | 'holiday' | 'repeatGroup';
  venue_id: number | null;
}

/** Sessions held (not cancelled) in a month 'YYYY-MM', in date order. */
export function sessionsOfMonth(db: Db, month: string): MonthSessionRow[] {
  return db
    .prepare(
      `SELECT id, session_date, start_time, kind, venue_id FROM lecture_sessions
        WHERE session_date BETWEEN ? AND ? AND cancelled_at IS NULL ORDER BY session_date, start_time, id`,
    )
    .all(`${month}-01`, `${month}-31`) as MonthSessionRow[];
}
