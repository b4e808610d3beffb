/**
 * Lecture attendees whose last lecture session (or, without one, whose record) is older than the
 * period: name, national ID, birth date, phone, address and penalty document
 * number are replaced or cleared, and so are the free-text notes about them (attendee notes,
 * leave notes and decisions, counselling notes, status-change reasons). Drug class, penalty count,
 * interpreter language, every enrolment, status, check-in time and consultation category stay:
 * attendance and counselling rates are computed from exactly those.
 * The national ID becomes "ANON-<id>" (the column is unique) — also the mark of a done record.
 */
import { ANONYMISED_NAME } from '../../../../shared/domain/safety';
import type { Anonymiser } from './index';
import { withUpdatesAllowed } from './appendOnly';

export const lectureAttendeesAnonymiser: Anonymiser = {
  kind: 'lectureAttendees',
  tables: ['lecture_attendees', 'lecture_attendees_fts', 'lecture_leaves', 'lecture_consultations', 'lecture_enrolment_history'],
  table: 'lecture_attendees',
  run(db, cutoff, at, by, slice) {
    const cutoffDate = cutoff.slice(0, 10);
    const ids = (
      db
        .prepare(
          `SELECT a.id FROM lecture_attendees a
           WHERE a.id > @after AND a.id <= @upTo AND a.national_id NOT LIKE 'ANON-%' AND a.created_at < @cutoff AND a.updated_at < @cutoff
             AND NOT EXISTS (SELECT 1 FROM lecture_enrolments e JOIN lecture_sessions s ON s.id = e.session_id
                             WHERE e.attendee_id = a.id AND s.session_date >= @cutoffDate)`,
        )
        .all({ cutoff, cutoffDate, ...slice }) as { id: number }[]
    ).map((r) => r.id);
    if (ids.length === 0) return 0;

    // The ids travel as one JSON parameter: no temporary table (those would not be encrypted).
    const inIds = 'IN (SELECT value FROM json_each(@ids))';
    const enrolments = `IN (SELECT id FROM lecture_enrolments WHERE attendee_id ${inIds})`;
    const p = { anon: ANONYMISED_NAME, at, by, ids: JSON.stringify(ids) };
    // The name's update trigger keeps the check-in search (FTS) in step.
    db.prepare(
      `UPDATE lecture_attendees SET name = @anon, national_id = 'ANON-' || id, birth_date = NULL, phone = '', phone_key = '', address = '',
         penalty_doc_no = '', note = '', updated_at = @at, updated_by = COALESCE(@by, updated_by)
       WHERE id ${inIds}`,
    ).run(p);
    db.prepare(`UPDATE lecture_leaves SET note = '', decision_note = '', updated_at = @at, updated_by = COALESCE(@by, updated_by) WHERE enrolment_id ${enrolments}`).run(p);
    db.prepare(`UPDATE lecture_consultations SET note = '', updated_at = @at, updated_by = COALESCE(@by, updated_by) WHERE enrolment_id ${enrolments}`).run(p);
    withUpdatesAllowed(db, 'lecture_enrolment_history', () =>
      db.prepare(`UPDATE lecture_enrolment_history SET reason = '' WHERE reason <> '' AND enrolment_id ${enrolments}`).run(p),
    );
    return ids.length;
  },
};
