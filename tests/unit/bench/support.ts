/**
 * A small generated bureau (tests/bench/generate.ts at a tiny scale) opened the way the bench
 * opens it, and the tools to see which SQL a channel ran and how SQLite plans it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../../electron/core/db/open';
import { openBench, type Bench } from '../../bench/benchCore';
import { generateDatabase, type Dataset } from '../../bench/generate';

/** 1,000 calls, 400 attendees, 200 visits: seconds to make, enough rows for every query shape. */
export const SMALL_SCALE = 0.002;

export async function smallDataset(): Promise<{ dataset: Dataset; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-test-'));
  const dataset = await generateDatabase({ scale: SMALL_SCALE, file: path.join(dir, 'bureau.sqlite3') });
  return { dataset, dir };
}

export async function smallBench(rosterSize = 40): Promise<{ bench: Bench; dataset: Dataset; cleanup(): void }> {
  const { dataset, dir } = await smallDataset();
  const bench = await openBench(dataset, { rosterSize });
  return {
    bench,
    dataset,
    cleanup() {
      bench.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RanSql {
  sql: string;
  args: unknown[];
}

/** Every statement `fn` prepared and ran (all/get/run/iterate), with its arguments. */
export async function recordSql(db: Db, fn: () => unknown): Promise<RanSql[]> {
  const seen: RanSql[] = [];
  const original = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = original(sql);
    return new Proxy(statement, {
      get(target, prop) {
        if (prop === 'all' || prop === 'get' || prop === 'run' || prop === 'iterate') {
          return (...args: unknown[]) => {
            seen.push({ sql, args });
            return (target[prop] as (...a: unknown[]) => unknown)(...args);
          };
        }
        const value: unknown = Reflect.get(target, prop);
        // pluck()/raw() return the statement itself: keep recording through them.
        return typeof value === 'function' ? (...a: unknown[]) => {
          const out = (value as (...b: unknown[]) => unknown).apply(target, a);
          return out === target ? (new Proxy(target, this) as unknown) : out;
        } : value;
      },
    });
  }) as typeof db.prepare;
  try {
    await fn();
  } finally {
    db.prepare = original;
  }
  return seen;
}

/** EXPLAIN QUERY PLAN of one recorded statement, one line per step. */
export function planOf(db: Db, q: RanSql): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.args) as { detail: string }[]).map((r) => r.detail);
}

/** The plan of every recorded query (a SELECT, or an INSERT … SELECT) that touches one of these tables. */
export function plansTouching(db: Db, ran: readonly RanSql[], tables: RegExp): { sql: string; plan: string[] }[] {
  return ran.filter((q) => tables.test(q.sql) && /^\s*(SELECT|WITH|INSERT [^(]+\([^)]*\)\s*(SELECT|WITH))\b/i.test(q.sql)).map((q) => ({ sql: q.sql.replace(/\s+/g, ' ').trim(), plan: planOf(db, q) }));
}

interface PlannerStats {
  stat1: { tbl: string; idx: string | null; stat: string }[];
  stat4: { tbl: string; idx: string; neq: string; nlt: string; ndlt: string; sample: string }[];
}

/**
 * Puts the query planner's statistics of the full-size bench data (rows per key, samples of
 * keys) into this small database, so SQLite plans as it would after ten years
 * (refreshed by npm run seed:large -- --planner-stats).
 */
export function useTenYearStatistics(db: Db): void {
  const stats = JSON.parse(fs.readFileSync(path.join(__dirname, 'tenYearPlannerStats.json'), 'utf8')) as PlannerStats;
  db.exec('ANALYZE');
  const tables = [...new Set([...stats.stat1, ...stats.stat4].map((r) => r.tbl))];
  const known = JSON.stringify(tables);
  db.prepare('DELETE FROM sqlite_stat1 WHERE tbl IN (SELECT value FROM json_each(?))').run(known);
  db.prepare('DELETE FROM sqlite_stat4 WHERE tbl IN (SELECT value FROM json_each(?))').run(known);
  const one = db.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
  for (const r of stats.stat1) one.run(r.tbl, r.idx, r.stat);
  const four = db.prepare('INSERT INTO sqlite_stat4 (tbl, idx, neq, nlt, ndlt, sample) VALUES (?, ?, ?, ?, ?, ?)');
  for (const r of stats.stat4) four.run(r.tbl, r.idx, r.neq, r.nlt, r.ndlt, Buffer.from(r.sample, 'base64'));
  // Makes SQLite read the statistics again (https://sqlite.org/lang_analyze.html).
  db.exec('ANALYZE sqlite_schema');
}
