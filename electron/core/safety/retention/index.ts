/**
 * Retention (issue 7 §8, 個資法 Art. 11): when a record kind's period has passed, the personal
 * data in it is anonymised — names, IDs, phones, addresses, free-text notes cleared or replaced —
 * and the rows stay, so every count and statistic stays right.
 *
 * Extension point: each record kind of shared/domain/safety.ts RETENTION_KINDS has exactly one
 * Anonymiser in ANONYMISERS (a missing one is a type error). A feature that adds personal data
 * adds its fields to its kind's anonymiser, or a new kind with its own anonymiser.
 *
 * The run walks each kind's table in slices of ids, one short transaction each, and lets the
 * event loop turn between steps: at ten years a first run anonymises ~300,000 records (~6 s) and
 * a daily one reads them all again (~0.6 s); in one transaction on the desk's connection either
 * held every window. After a slice that changed records come its kind's upkeep and a WAL
 * checkpoint, each a step of its own: a first run writes ~1 GiB of pages, and left to SQLite the
 * checkpoint (and FTS5's crisis merge) would land, whole, in some operator's save (0.7–0.8 s
 * measured). Every anonymiser is idempotent, so a run cut short (the app closed, a backup
 * restored) leaves nothing half-done that the next run does not finish.
 */
import type { RetentionReport } from '../../../../shared/api/channels/safety';
import { RETENTION_KINDS, type RetentionKind } from '../../../../shared/domain/safety';
import { appendAudit } from '../../audit/repository';
import type { Db } from '../../db/open';
import { appError } from '../../errors';
import type { SafetyRuntime } from '../runtime';
import { retentionMonths, writeSetting } from '../settings';
import { hotlineCallsAnonymiser } from './hotline';
import { lectureAttendeesAnonymiser } from './lectures';
import { counterVisitsAnonymiser } from './counter';

/** The records whose id is in (after, upTo]. */
export interface IdSlice {
  after: number;
  upTo: number;
}

export interface Anonymiser {
  kind: RetentionKind;
  /** the tables it changes (documentation and tests) */
  tables: readonly string[];
  /** the table with one row per record of the kind: the run walks its ids in slices */
  table: string;
  /**
   * Clears the personal fields of the slice's records older than `cutoff` (ISO instant) that
   * still hold any; returns how many records it changed. Runs inside the caller's transaction;
   * must be idempotent.
   */
  run(db: Db, cutoff: string, at: string, by: number | null, slice: IdSlice): number;
  /** once per run, after the slices, in a transaction of its own: the kind's few other rows */
  sweep?(db: Db, cutoff: string, at: string, by: number | null): void;
  /**
   * After a slice that changed records: one bounded step of upkeep of what it wrote, run as a
   * step of its own, and again (UPKEEP_STEPS at most) while it answers that there is more.
   */
  upkeep?(db: Db): boolean;
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

/**
 * One step of a run: the event loop turns first (a request that came in meanwhile goes before
 * it), then the step checks the file is still ours. Restored, re-keyed or closed meanwhile: the
 * rest is for the next run, on the file open then.
 */
async function step<T>(db: Db, safety: SafetyRuntime, work: () => T): Promise<T> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (safety.halted || !db.open) throw appError('locked', 'safety:restore.restarting');
  return work();
}

/** A slice aims at STEP_MS of work: a save that arrives meanwhile waits about that long (and as long again for its checkpoint). */
const STEP_MS = 10;
const nextSize = (size: number, ms: number) => Math.max(10, Math.min(50_000, Math.round(size * Math.min(2, STEP_MS / Math.max(ms, 0.01)))));
/** upkeep steps after one slice at most: enough to keep up, not to fall into a merge of the whole index */
const UPKEEP_STEPS = 4;

/** One kind's records, in slices of ids up to today's last (added meanwhile means new, so not yet due). */
async function walkKind(db: Db, safety: SafetyRuntime, a: Anonymiser, cutoff: string, at: string, actorId: number | null): Promise<number> {
  const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)');
  const last = db.prepare(`SELECT COALESCE(MAX(id), 0) FROM ${a.table}`).pluck().get() as number;
  let anonymised = 0;
  let size = safety.retentionSlice;
  for (let after = 0; after < last; ) {
    const slice = { after, upTo: after + size };
    // Timed inside the step: the turn before it is other people's work, not the slice's.
    const { changed, ms } = await step(db, safety, () => {
      const started = performance.now();
      return { changed: db.transaction(() => a.run(db, cutoff, at, actorId, slice)).immediate(), ms: performance.now() - started };
    });
    size = nextSize(size, ms);
    after = slice.upTo;
    if (changed === 0) continue;
    anonymised += changed;
    await step(db, safety, checkpoint);
    for (let k = 0; a.upkeep && k < UPKEEP_STEPS; k++) {
      const more = await step(db, safety, () => a.upkeep?.(db) ?? false);
      await step(db, safety, checkpoint);
      if (!more) break;
    }
  }
  if (a.sweep) await step(db, safety, () => db.transaction(() => a.sweep?.(db, cutoff, at, actorId)).immediate());
  return anonymised;
}

async function walk(db: Db, safety: SafetyRuntime, now: Date, actorId: number | null): Promise<RetentionReport> {
  const at = now.toISOString();
  const periods = retentionMonths(db);
  const kinds: RetentionReport['kinds'] = [];
  for (const kind of RETENTION_KINDS) {
    const months = periods[kind];
    const cutoff = months === null ? null : cutoffFor(now, months);
    const anonymised = cutoff === null ? 0 : await walkKind(db, safety, ANONYMISERS[kind], cutoff, at, actorId);
    kinds.push({ kind, months, cutoff, anonymised });
  }
  await step(db, safety, () =>
    db.transaction(() => {
      writeSetting(db, 'retention.lastRunAt', at, at, actorId);
      appendAudit(db, { at, accountId: actorId, action: 'retention', entity: 'retention', details: { kinds } });
    }).immediate(),
  );
  return { ranAt: at, kinds };
}

/**
 * One run over every kind with a period, and one audit entry for it when it is done. One run at a
 * time: the daily job and a supervisor's 「立即執行」 while it walks share the run under way.
 */
export function runRetention(db: Db, safety: SafetyRuntime, now: Date, actorId: number | null): Promise<RetentionReport> {
  safety.retentionRun ??= walk(db, safety, now, actorId).finally(() => {
    safety.retentionRun = null;
  });
  return safety.retentionRun;
}
