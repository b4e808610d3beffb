import type { HandlerContext } from '../context';
import type { FiguresReport } from '../../../shared/api/channels/lecturesTypes';
import { computeFigures, sumCounts, ZERO_COUNTS } from '../../../shared/domain/lectureFigures';
import { countsForSessions, sessionsOfMonth } from './figuresRepo';
import { today } from './common';

/**
 * Figures of every session of a month, and the total over the sessions already held (issue 4 §9):
 * a session still to come has nobody attended yet and would only pull the rate down.
 */
export function monthFigures(ctx: HandlerContext, month: string): FiguresReport {
  const todayKey = today(ctx);
  const sessions = sessionsOfMonth(ctx.db, month);
  const counts = countsForSessions(
    ctx.db,
    sessions.map((s) => s.id),
  );
  const rows = sessions.map((s) => ({
    sessionId: s.id,
    date: s.session_date,
    startTime: s.start_time,
    kind: s.kind,
    venueId: s.venue_id,
    held: s.session_date <= todayKey,
    figures: computeFigures(counts.get(s.id) ?? ZERO_COUNTS),
  }));
  return { month, sessions: rows, total: computeFigures(sumCounts(rows.filter((r) => r.held).map((r) => r.figures))) };
}
