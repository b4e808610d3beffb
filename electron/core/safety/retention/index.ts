/**
 * Retention (issue 7 §8, 個資法 Art. 11): when a record kind's period has passed, the personal
 * data in it is anonymised — names, IDs, phones, addresses, free-text notes cleared or replaced —
 * and the rows stay, so every count and statistic stays right.
 *
 * Extension point: each record kind of shared/domain/safety.ts RETENTION_KINDS has exactly one
 * Anonymiser in ANONYMISERS (a missing one is a type error). A feature that adds personal data
 * adds its fields to its kind's anonymiser, or a new kind with its own anonymiser.
 */
import type { RetentionReport } from '../../../../shared/api/channels/safety';
import { RETENTION_KINDS, type RetentionKind } from '../../../../shared/domain/safety';
import { appendAudit } from '../../audit/repository';
import type { Db } from '../../db/open';
import { retentionMonths, writeSetting } from '../settings';
import { hotlineCallsAnonymiser } from './hotline';
import { lectureAttendeesAnonymiser } from './lectures';
import { counterVisitsAnonymiser } from './counter';

export interface Anonymiser {
  kind: RetentionKind;
  /** the tables it changes (documentation and tests) */
  tables: readonly string[];
  /**
   * Clears the personal fields of records older than `cutoff` (ISO instant) that still hold any;
   * returns how many records it changed. Runs inside the caller's transaction; must be idempotent.
   */
  run(db: Db, cutoff: string, at: string, by: number | null): number;
}

export const ANONYMISERS: Record<RetentionKind, Anonymiser> = {
  hotlineCalls: hotlineCallsAnonymiser,
  lectureAttendees: lectureAttendeesAnonymiser,
  counterVisits: counterVisitsAnonymiser,
};

/** `months` calendar months before `now` (UTC), as an ISO instant. */
export function cutoffFor(now: Date, months: number): string {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  // 31 March minus one month is the last day of February, not 3 March.
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString();
}

/** One run over every kind with a period; one audit entry for the run, in the same transaction. */
export function runRetention(db: Db, now: Date, actorId: number | null): RetentionReport {
  const at = now.toISOString();
  const periods = retentionMonths(db);
  return db.transaction(() => {
    const kinds = RETENTION_KINDS.map((kind) => {
      const months = periods[kind];
      if (months === null) return { kind, months, cutoff: null, anonymised: 0 };
      const cutoff = cutoffFor(now, months);
      return { kind, months, cutoff, anonymised: ANONYMISERS[kind].run(db, cutoff, at, actorId) };
    });
    writeSetting(db, 'retention.lastRunAt', at, at, actorId);
    appendAudit(db, { at, accountId: actorId, action: 'retention', entity: 'retention', details: { kinds } });
    return { ranAt: at, kinds };
  }).immediate();
}
