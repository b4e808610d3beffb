import type { Db } from '../db/open';
import type { HandlerContext } from '../context';
import { appError } from '../errors';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { ConsultationRow } from '../../../shared/api/channels/lecturesTypes';
import { ATTENDED } from '../../../shared/domain/lectures';
import { actorId, activeRef, audit, getEnrolment, getSession } from './common';

const SELECT = `
  SELECT c.id, c.enrolment_id AS enrolmentId, a.name, c.category_id AS categoryId, c.note, c.at,
         coalesce(acc.display_name, '') AS byName
    FROM lecture_consultations c
    JOIN lecture_enrolments e ON e.id = c.enrolment_id
    JOIN lecture_attendees a ON a.id = e.attendee_id
    LEFT JOIN accounts acc ON acc.id = c.created_by`;

export function consultationsOf(db: Db, sessionId: number): ConsultationRow[] {
  return db.prepare(`${SELECT} WHERE c.session_id = ? ORDER BY c.at DESC, c.id DESC`).all(sessionId) as ConsultationRow[];
}

/** 新心小棧: one consultation with a person who attended this session (issue 4 §8). */
export function log(ctx: HandlerContext, input: ParsedInputOf<'lectures:logConsultation'>): ConsultationRow {
  const session = getSession(ctx, input.sessionId);
  if (session.cancelled_at) throw appError('conflict', 'lectures:errors.sessionCancelled');
  const e = getEnrolment(ctx, input.enrolmentId);
  if (e.session_id !== input.sessionId || !ATTENDED.includes(e.status)) {
    throw appError('validation', 'lectures:errors.consultationNotAttended', { field: 'enrolmentId', fields: [{ field: 'enrolmentId', messageKey: 'lectures:errors.consultationNotAttended' }] });
  }
  activeRef(ctx, 'categoryId', input.categoryId, 'counsellingCategory');
  const id = ctx.db.transaction(() => {
    const at = ctx.now();
    const by = actorId(ctx);
    const newId = Number(
      ctx.db
        .prepare(
          `INSERT INTO lecture_consultations (session_id, enrolment_id, category_id, note, at, created_at, created_by, updated_at, updated_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.sessionId, input.enrolmentId, input.categoryId, input.note, at, at, by, at, by).lastInsertRowid,
    );
    audit(ctx, 'create', 'lecture_consultation', newId, { sessionId: input.sessionId, enrolmentId: input.enrolmentId });
    return newId;
  })();
  const row = ctx.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as ConsultationRow;
  return row;
}
