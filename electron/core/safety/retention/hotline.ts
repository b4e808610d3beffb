/**
 * Hotline calls past their period (by when the call started): the caller's phone, the notes, the
 * actions recorded for risk flags, referral contacts and notes, follow-up notes and outcomes, the
 * search text, and the before/after snapshots of the call's edit history are cleared. Kind,
 * direction, times, shift, operator, caller type, gender, age group, district, service items and
 * which risk flags were ticked stay: the statistics are computed from exactly those.
 * Handovers and abandoned drafts older than the period lose their free text too.
 */
import { ANONYMISED_NAME } from '../../../../shared/domain/safety';
import type { Anonymiser } from './index';
import { mergeSegments } from '../../db/maintenance';
import { withUpdatesAllowed } from './appendOnly';

export const hotlineCallsAnonymiser: Anonymiser = {
  kind: 'hotlineCalls',
  tables: [
    'hotline_calls',
    'hotline_call_flags',
    'hotline_call_text',
    'hotline_call_history',
    'hotline_referrals',
    'hotline_referral_history',
    'hotline_follow_ups',
    'hotline_handovers',
    'hotline_drafts',
  ],
  table: 'hotline_calls',
  run(db, cutoff, at, by, slice) {
    const anon = ANONYMISED_NAME;
    // Calls of the period that still hold anything personal (so a second run changes nothing).
    const ids = (
      db
        .prepare(
          `SELECT c.id FROM hotline_calls c WHERE c.id > @after AND c.id <= @upTo AND c.started_at < @cutoff AND (
             c.phone <> '' OR c.phone_key <> '' OR c.notes <> ''
             OR EXISTS (SELECT 1 FROM hotline_call_flags f WHERE f.call_id = c.id AND f.action_taken <> @anon)
             OR EXISTS (SELECT 1 FROM hotline_referrals r WHERE r.call_id = c.id AND (r.contact_person <> '' OR r.note <> ''))
             OR EXISTS (SELECT 1 FROM hotline_follow_ups u WHERE u.call_id = c.id AND (u.note <> '' OR (u.outcome IS NOT NULL AND u.outcome <> @anon)))
             OR EXISTS (SELECT 1 FROM hotline_call_history h WHERE h.call_id = c.id AND h.after_json NOT LIKE '{"anonymisedAt":%'))`,
        )
        .all({ cutoff, anon, ...slice }) as { id: number }[]
    ).map((r) => r.id);

    if (ids.length === 0) return 0;

    // The ids travel as one JSON parameter: no temporary table (those would not be encrypted).
    const p = { anon, at, by, marker: JSON.stringify({ anonymisedAt: at }), ids: JSON.stringify(ids) };
    const inIds = 'IN (SELECT value FROM json_each(@ids))';
    db.prepare(`UPDATE hotline_calls SET phone = '', phone_key = '', notes = '', updated_at = @at, updated_by = COALESCE(@by, updated_by) WHERE id ${inIds}`).run(p);
    db.prepare(`UPDATE hotline_call_flags SET action_taken = @anon, updated_at = @at, updated_by = COALESCE(@by, updated_by) WHERE call_id ${inIds}`).run(p);
    db.prepare(`UPDATE hotline_call_text SET body = '' WHERE rowid ${inIds}`).run(p);
    db.prepare(`UPDATE hotline_referrals SET contact_person = '', note = '', updated_at = @at, updated_by = COALESCE(@by, updated_by) WHERE call_id ${inIds}`).run(p);
    db.prepare(
      `UPDATE hotline_follow_ups SET note = '', outcome = CASE WHEN outcome IS NULL THEN NULL ELSE @anon END, updated_at = @at, updated_by = COALESCE(@by, updated_by) WHERE call_id ${inIds}`,
    ).run(p);
    withUpdatesAllowed(db, 'hotline_call_history', () =>
      db.prepare(`UPDATE hotline_call_history SET before_json = @marker, after_json = @marker WHERE call_id ${inIds}`).run(p),
    );
    withUpdatesAllowed(db, 'hotline_referral_history', () =>
      db
        .prepare(`UPDATE hotline_referral_history SET note = '' WHERE note <> '' AND referral_id IN (SELECT id FROM hotline_referrals WHERE call_id ${inIds})`)
        .run(p),
    );
    return ids.length;
  },
  // Each slice leaves a segment of deletions in the notes' full-text index. Merged 250 pages at a
  // time (≤ ~25 ms) behind the slices, they never pile up to FTS5's crisis merge (16 segments on
  // a level, merged at once), which at ten years took 0.7 s inside whichever save reached it.
  upkeep: (db) => mergeSegments(db, 'hotline_call_text', 250),
  sweep(db, cutoff, at, by) {
    const marker = JSON.stringify({ anonymisedAt: at });
    db.prepare(
      `UPDATE hotline_handovers SET summary = @marker, notes = '', updated_at = @at, updated_by = COALESCE(@by, updated_by)
       WHERE created_at < @cutoff AND summary NOT LIKE '{"anonymisedAt":%'`,
    ).run({ marker, at, by, cutoff });
    db.prepare(`UPDATE hotline_drafts SET payload = '{}', updated_at = @at WHERE created_at < @cutoff AND payload <> '{}'`).run({ at, cutoff });
  },
};
