/**
 * Lecture figures counted in SQL from sessions, enrolments, leaves and consultations
 * (0003_lectures.sql), with the lectures team's own definitions: attended = ATTENDED
 * statuses, no-show = NO_SHOW statuses, an approved leave is subtracted from the due once,
 * a transfer out only when no leave was approved (shared/domain/lectureFigures.ts).
 *
 * Sessions count once held: not cancelled and dated no later than today, so the running
 * month is not dragged down by sessions that have not happened yet.
 */
import type { Db } from '../db/open';
import { ATTENDED, NO_SHOW, type SessionKind } from '../../../shared/domain/lectures';
import type { FigureCounts } from '../../../shared/domain/lectureFigures';
import { countMap, type CountMap, type Range } from './common';

const list = (xs: readonly string[]) => xs.map((s) => `'${s}'`).join(', ');

const HELD = `s.session_date BETWEEN @from AND @to AND s.session_date <= @today AND s.cancelled_at IS NULL`;

/**
 * The period's sessions, picked through lecture_sessions_date first; grouping the join by
 * session id directly would make SQLite walk every session ever held in id order instead.
 */
const HELD_SESSIONS = `WITH held AS MATERIALIZED (
  SELECT s.id, s.session_date, s.start_time, s.kind, s.venue_id FROM lecture_sessions s WHERE ${HELD})`;

const APPROVED_LEAVE = `EXISTS (SELECT 1 FROM lecture_leaves l WHERE l.enrolment_id = e.id AND l.decision = 'approved')`;

const COUNT_COLUMNS = `
  count(e.id) AS due,
  coalesce(sum(e.status IN (${list(ATTENDED)})), 0) AS attended,
  coalesce(sum(${APPROVED_LEAVE}), 0) AS approvedLeave,
  coalesce(sum(e.status = 'leaveRequested'), 0) AS leavePending,
  coalesce(sum(e.status IN ('transferredSession', 'transferredCity') AND NOT ${APPROVED_LEAVE}), 0) AS transferredOut,
  coalesce(sum(e.status IN (${list(NO_SHOW)})), 0) AS noShow`;

export interface SessionCounts extends FigureCounts {
  id: number;
  date: string;
  startTime: string;
  kind: SessionKind;
  venueId: number | null;
}

export interface LectureCounts {
  sessions: SessionCounts[];
  byCategory: CountMap;
}

export function lectureCounts(db: Db, range: Range, today: string): LectureCounts {
  const p = { from: range.from, to: range.to, today };
  const sessions = db
    .prepare(
      `${HELD_SESSIONS}
       SELECT h.id, h.session_date AS date, h.start_time AS startTime, h.kind, h.venue_id AS venueId, ${COUNT_COLUMNS},
              (SELECT count(*) FROM lecture_consultations c WHERE c.session_id = h.id) AS consultations
         FROM held h LEFT JOIN lecture_enrolments e ON e.session_id = h.id
        GROUP BY h.id ORDER BY h.session_date, h.start_time, h.id`,
    )
    .all(p) as SessionCounts[];
  const byCategory = countMap(
    db
      .prepare(
        `SELECT c.category_id AS id, count(*) AS n
           FROM lecture_sessions s JOIN lecture_consultations c ON c.session_id = s.id
          WHERE ${HELD} GROUP BY c.category_id`,
      )
      .all(p) as { id: number; n: number }[],
  );
  return { sessions, byCategory };
}

export interface LectureMonth extends FigureCounts {
  month: string;
  sessions: number;
}

/** Per month 'YYYY-MM' of the session date, over the trend range. */
export function lecturesByMonth(db: Db, range: Range, today: string): Map<string, LectureMonth> {
  const rows = db
    .prepare(
      `${HELD_SESSIONS}
       SELECT month, count(*) AS sessions, sum(due) AS due, sum(attended) AS attended, sum(approvedLeave) AS approvedLeave,
              sum(leavePending) AS leavePending, sum(transferredOut) AS transferredOut, sum(noShow) AS noShow,
              sum(consultations) AS consultations
         FROM (SELECT substr(h.session_date, 1, 7) AS month, ${COUNT_COLUMNS},
                      (SELECT count(*) FROM lecture_consultations c WHERE c.session_id = h.id) AS consultations
                 FROM held h LEFT JOIN lecture_enrolments e ON e.session_id = h.id
                GROUP BY h.id)
        GROUP BY month`,
    )
    .all({ from: range.from, to: range.to, today }) as LectureMonth[];
  return new Map(rows.map((r) => [r.month, r]));
}
