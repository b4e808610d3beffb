/**
 * What every table generator shares: the database, the ten-year calendar (Taipei days), the
 * reference ids by code, the staff and a prepared audit insert. Taipei has no daylight saving
 * time, so a Taipei wall-clock time is always UTC + 8 and needs no Intl call per row.
 */
import type { Db } from '../../electron/core/db/open';
import type { RefKind } from '../../shared/domain/reference';
import { Rng } from './rng';

/** The generated history: Taipei 2016-01-01 … 2025-12-31 (民國 105–114), ten full years. */
export const FIRST_DAY = '2016-01-01';
export const LAST_DAY = '2025-12-31';
export const YEARS = 10;

const DAY_MS = 86_400_000;
const TAIPEI_OFFSET_MS = 8 * 3_600_000;
const FIRST_UTC_MS = Date.UTC(2016, 0, 1);
export const DAYS = Math.round((Date.UTC(2025, 11, 31) - FIRST_UTC_MS) / DAY_MS) + 1;

/** 'YYYY-MM-DD' of day index d (0 = 2016-01-01). */
export function dateKey(d: number): string {
  return new Date(FIRST_UTC_MS + d * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: number): number {
  return new Date(FIRST_UTC_MS + d * DAY_MS).getUTCDay();
}

export function yearOf(d: number): number {
  return new Date(FIRST_UTC_MS + d * DAY_MS).getUTCFullYear();
}

/** Epoch ms of Taipei wall clock `minute` (may exceed a day) on day d. */
export function taipeiMs(d: number, minute: number): number {
  return FIRST_UTC_MS + d * DAY_MS + minute * 60_000 - TAIPEI_OFFSET_MS;
}

export const iso = (ms: number): string => new Date(ms).toISOString();

/** The day index of an instant, in Taipei. */
export function dayOf(ms: number): number {
  return Math.floor((ms + TAIPEI_OFFSET_MS - FIRST_UTC_MS) / DAY_MS);
}

/** 'HH:MM' of a minute of the day. */
export const hhmm = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

export interface StaffMember {
  id: number;
  /** day indexes of the period the person worked (inclusive) */
  from: number;
  to: number;
}

export interface Staff {
  supervisor: number;
  operators: StaffMember[];
  coordinators: StaffMember[];
  counter: StaffMember[];
}

export interface GenContext {
  db: Db;
  rng: Rng;
  scale: number;
  staff: Staff;
  /** ref_items id by kind and code */
  ref(kind: RefKind, code: string): number;
  /** every (code, id, name_zh) of a kind, in the supervisor's order */
  refs(kind: RefKind): { code: string; id: number; nameZh: string }[];
  audit(at: string, accountId: number, action: string, entity: string, entityId: number | null, details: Record<string, unknown>): void;
  /** what the app does when it is idle between calls (index upkeep) */
  idle(): void;
  log(message: string): void;
}

/** Who of `members` worked on day d (the first one when nobody is listed, so data never lacks a person). */
export function onDuty(members: readonly StaffMember[], d: number): StaffMember[] {
  const here = members.filter((m) => m.from <= d && d <= m.to);
  return here.length > 0 ? here : members.slice(0, 1);
}

export function makeContext(db: Db, scale: number, staff: Staff, log: (m: string) => void, idleStep: () => boolean = () => false): GenContext {
  const rows = db.prepare('SELECT id, kind, code, name_zh AS nameZh FROM ref_items ORDER BY kind, sort_order').all() as {
    id: number;
    kind: RefKind;
    code: string;
    nameZh: string;
  }[];
  const byKind = new Map<string, { code: string; id: number; nameZh: string }[]>();
  for (const r of rows) {
    const list = byKind.get(r.kind) ?? [];
    list.push({ code: r.code, id: r.id, nameZh: r.nameZh });
    byKind.set(r.kind, list);
  }
  const insertAudit = db.prepare('INSERT INTO audit_log (at, account_id, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)');
  return {
    db,
    rng: new Rng(20_180_101),
    scale,
    staff,
    ref(kind, code) {
      const hit = byKind.get(kind)?.find((r) => r.code === code);
      if (!hit) throw new Error(`No reference item ${kind}/${code}: the seed (resources/seed/reference.json) changed`);
      return hit.id;
    },
    refs: (kind) => byKind.get(kind) ?? [],
    audit(at, accountId, action, entity, entityId, details) {
      insertAudit.run(at, accountId, action, entity, entityId === null ? null : String(entityId), JSON.stringify(details));
    },
    idle() {
      // Each step is bounded; a day's worth of calls needs a few at most.
      let steps = 0;
      while (steps < 20 && idleStep()) steps += 1;
    },
    log,
  };
}

/**
 * Spreads `total` events over the days with the given weights so the sum is exact:
 * counts[d] = round(cumulative share) differences, no randomness needed.
 */
export function spreadOverDays(total: number, weightOf: (d: number) => number): number[] {
  const weights = Array.from({ length: DAYS }, (_, d) => weightOf(d));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts: number[] = [];
  let acc = 0;
  let given = 0;
  for (const w of weights) {
    acc += w;
    const upTo = Math.round((acc / sum) * total);
    counts.push(upTo - given);
    given = upTo;
  }
  return counts;
}

/** Year-on-year growth of the bureau's work (more calls, more penalties as the line became known). */
export const growth = (d: number): number => 1.06 ** (yearOf(d) - 2016);

/** Runs `fn` in transactions of about `every` calls of `tick`, so memory and the WAL stay bounded. */
export function batched(db: Db, every: number, fn: (tick: () => void) => void): void {
  let n = 0;
  db.exec('BEGIN');
  try {
    fn(() => {
      n += 1;
      if (n % every === 0) {
        db.exec('COMMIT');
        db.exec('BEGIN');
      }
    });
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}
