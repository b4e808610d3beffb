/**
 * Upkeep nobody should wait for (issue 8, measured with `npm run bench`), done once the app has
 * been idle for IDLE_MS after a call through the dispatch table:
 * - FTS5 merges the segments of a full-text index while rows are inserted ('automerge'): on ten
 *   years of call notes about one save in thirty paid 20–130 ms for merging, far above the rest
 *   of the save (~1.5 ms). 0006_performance.sql turns automerge off for hotline_call_text and the
 *   merging happens here, a bounded amount at a time. FTS5's own 'crisismerge' still merges a
 *   level that reaches 16 segments during a long burst, so the index stays bounded regardless.
 * - The WAL checkpoint (copying committed pages into the database file): SQLite does it inside
 *   the commit that crosses wal_autocheckpoint pages, ~10 ms for one save in fifty at the default
 *   1000. PERFORMANCE_PRAGMAS (open.ts) raise the threshold so that only a long burst reaches it;
 *   here the WAL is checkpointed while idle. Durability is the WAL's either way.
 * - The hotline's day counts (stats/hotlineDayCounts.ts): days no report has asked for yet,
 *   or that a write made count again, are counted here a month at a time, newest first, so that
 *   opening a year's statistics only adds up kept rows.
 */
import { countSomeDays } from '../stats/hotlineDayCounts';
import type { Db } from './open';

export const IDLE_MS = 2000;

/** Pages of merge work per idle moment (FTS5 'merge' command): a few ms at most. */
const MERGE_PAGES = 200;

/** Full-text indexes whose merging waits for idle time (0006_performance.sql). */
const FTS_TABLES = ['hotline_call_text'] as const;

/**
 * One bounded step of merging a full-text index's segments (FTS5 'merge'); true when it merged
 * something. A difference of 2 or more in total_changes() means it did (https://sqlite.org/fts5.html#the_merge_command).
 */
export function mergeSegments(db: Db, table: (typeof FTS_TABLES)[number], pages: number): boolean {
  const before = db.prepare('SELECT total_changes()').pluck().get() as number;
  db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('merge', ?)`).run(pages);
  return (db.prepare('SELECT total_changes()').pluck().get() as number) - before >= 2;
}

/** Hotline days counted per idle moment: a month of calls, ~5 ms at a busy bureau. */
const DAYS_PER_STEP = 31;

export interface IdleMaintenance {
  /** something happened: wait IDLE_MS more before working */
  touch(): void;
  /** a checkpoint, one bounded step of merging and of day counting, now; true when either found work (tests and the bench time it) */
  runNow(): boolean;
  stop(): void;
}

export function createIdleMaintenance(db: Db, log: (e: unknown) => void = console.error, now: () => Date = () => new Date()): IdleMaintenance {
  let timer: ReturnType<typeof setTimeout> | null = null;
  function runNow(): boolean {
    // A restore closes the connection under the running core; nothing to do then.
    if (!db.open) return false;
    // A checkpoint cannot run inside a transaction (a caller's own BEGIN): it waits for the next idle moment.
    if (!db.inTransaction) db.pragma('wal_checkpoint(PASSIVE)');
    let worked = false;
    for (const table of FTS_TABLES) if (mergeSegments(db, table, MERGE_PAGES)) worked = true;
    if (!db.inTransaction && countSomeDays(db, now(), DAYS_PER_STEP) > 0) worked = true;
    return worked;
  }
  function arm(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, IDLE_MS);
    // Never keeps a process (a test, a script) alive on its own.
    timer.unref?.();
  }
  function fire(): void {
    timer = null;
    try {
      // Still idle after a step that found work: another step after the same pause.
      if (runNow()) arm();
    } catch (e) {
      log(e);
    }
  }
  return {
    touch: arm,
    runNow,
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
