/**
 * Counter visits past their period (by visit day): the free-text note is cleared. The visit log
 * keeps no name or ID by design (0004_counter.sql); language, unit, outcome, satisfaction and the
 * topics asked about stay, so the FAQ ranking and visit counts do not change.
 */
import type { Anonymiser } from './index';

export const counterVisitsAnonymiser: Anonymiser = {
  kind: 'counterVisits',
  tables: ['counter_visits'],
  table: 'counter_visits',
  run(db, cutoff, at, by, slice) {
    return db
      .prepare(`UPDATE counter_visits SET note = '', updated_at = @at, updated_by = COALESCE(@by, updated_by) WHERE id > @after AND id <= @upTo AND visited_at < @cutoff AND note <> ''`)
      .run({ cutoff, at, by, ...slice }).changes;
  },
};
