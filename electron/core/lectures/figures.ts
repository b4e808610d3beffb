import type { HandlerContext } from '../context';
import type { FiguresReport } from '../../../shared/api/channels/lecturesTypes';
import { computeFigures, sumCounts, ZERO_COUNTS } from '../../../shared/domain/lectureFigures';
import { countsForSessions, sessionsOfMonth } from './figuresRepo';

/** Figures of every session held in a month, and the month's total (issue 4 §9). */
export function monthFigures(ctx: HandlerContext, month: string): FiguresReport {
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
    figures: computeFigures(counts.get(s.id) ?? ZERO_COUNTS),
  }));
  return { month, sessions: rows, total: computeFigures(sumCounts(rows.map((r) => r.figures))) };
}
