/**
 * The hotline's call figures, counted once per Taipei day and kept (issue 8).
 *
 * Counting a year of calls on the fly sorts its ~60,000 rows once per grouping: ~100 ms at ten
 * years of a busy bureau however the queries are shaped (npm run bench; the bare GROUP BYs
 * alone took 95 ms). A day, once counted, is kept in hotline_day_counts (0006_performance.sql)
 * with a mark in hotline_days_counted; a report adds up at most a few hundred rows per day.
 *
 * The counts can never be stale: triggers on hotline_calls and hotline_call_items remove the
 * mark of every day a write touches (the day of the call before and after an edit), and a day
 * without a mark is counted again from the records before it is read. Saving today's call
 * therefore writes nothing extra (today has no mark: nothing to remove) and a report recounts
 * today alone. Days nobody asked for yet are counted in idle time (db/maintenance.ts).
 */
import type { Db } from '../db/open';
import { addDays, startOfTaipeiDay, taipeiDateKey } from '../../../shared/lib/time';

/**
 * What each row counts, by `key`:
 * - kind: 1 service, 0 non-service;  direction: 1 inbound, 0 outbound
 * - caller, nonService, district, shift, operator: the ref_items / accounts id, 0 when not recorded
 * - hour: the Taipei hour 0–23
 * - item: the service item id (calls = how many calls had it)
 * - operatorItems: the operator's id (calls = service items of their calls)
 * `service` and `durationSec` count service calls only; `calls` counts every call.
 */
export type Dim = 'kind' | 'direction' | 'caller' | 'nonService' | 'district' | 'hour' | 'shift' | 'operator' | 'item' | 'operatorItems';

export interface DimRow {
  dim: Dim;
  key: number;
  calls: number;
  service: number;
  durationSec: number;
}

/** The Taipei day and hour of an instant stored as toISOString() gives it (Taiwan keeps no DST). */
const DAY = `date(c.started_at, '+8 hours')`;
const HOUR = `(CAST(substr(c.started_at, 12, 2) AS INTEGER) + 8) % 24`;

/** (day, dim, key, calls, service, duration_sec) of the calls started in [@fromInstant, @toInstant). */
const DIM_ROWS = (() => {
  const calls = `SELECT ${DAY} AS day, ${HOUR} AS hour, c.id, c.kind = 'service' AS svc,
      CASE WHEN c.kind = 'service' THEN c.duration_sec ELSE 0 END AS dur,
      c.direction = 'inbound' AS inbound, coalesce(c.caller_type_id, 0) AS caller, coalesce(c.non_service_type_id, 0) AS nonService,
      coalesce(c.district_id, 0) AS district, coalesce(c.shift_id, 0) AS shift, c.operator_id AS operator
    FROM hotline_calls c WHERE c.started_at >= @fromInstant AND c.started_at < @toInstant`;
  const by = (dim: Dim, col: string) => `SELECT day, '${dim}', ${col}, count(*), sum(svc), sum(dur) FROM calls GROUP BY day, ${col}`;
  const items = (dim: Dim, col: string) => `SELECT calls.day, '${dim}', ${col}, count(*), 0, 0 FROM calls JOIN hotline_call_items i ON i.call_id = calls.id GROUP BY calls.day, ${col}`;
  return `WITH calls AS MATERIALIZED (${calls})
    ${[
      by('kind', 'svc'),
      by('direction', 'inbound'),
      by('caller', 'caller'),
      by('nonService', 'nonService'),
      by('district', 'district'),
      by('hour', 'hour'),
      by('shift', 'shift'),
      by('operator', 'operator'),
      items('item', 'i.service_item_id'),
      items('operatorItems', 'calls.operator'),
    ].join('\nUNION ALL ')}`;
})();

const instants = (from: string, to: string) => ({
  fromInstant: startOfTaipeiDay(from).toISOString(),
  toInstant: startOfTaipeiDay(addDays(to, 1)).toISOString(),
});

/** Counts the days [from, to] again from the records and marks them counted. */
export function countDays(db: Db, from: string, to: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM hotline_day_counts WHERE day BETWEEN ? AND ?').run(from, to);
    db.prepare(`INSERT INTO hotline_day_counts (day, dim, key, calls, service, duration_sec) ${DIM_ROWS}`).run(instants(from, to));
    const mark = db.prepare('INSERT OR IGNORE INTO hotline_days_counted (day) VALUES (?)');
    for (let d = from; d <= to; d = addDays(d, 1)) mark.run(d);
  })();
}

/** The runs of days in [from, to] that have no mark, oldest first. */
export function uncountedRuns(db: Db, from: string, to: string): { from: string; to: string }[] {
  const counted = new Set(db.prepare('SELECT day FROM hotline_days_counted WHERE day BETWEEN ? AND ?').pluck().all(from, to) as string[]);
  const runs: { from: string; to: string }[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (counted.has(d)) continue;
    const last = runs[runs.length - 1];
    if (last && addDays(last.to, 1) === d) last.to = d;
    else runs.push({ from: d, to: d });
  }
  return runs;
}

/** Every day of [from, to] counted and up to date. */
export function ensureCounted(db: Db, from: string, to: string): void {
  for (const run of uncountedRuns(db, from, to)) countDays(db, run.from, run.to);
}

/** The counts of the days [from, to], summed per dim and key. */
export function dimCounts(db: Db, from: string, to: string): DimRow[] {
  ensureCounted(db, from, to);
  return db
    .prepare(
      `SELECT dim, key, sum(calls) AS calls, sum(service) AS service, sum(duration_sec) AS durationSec
         FROM hotline_day_counts WHERE day BETWEEN ? AND ? GROUP BY dim, key`,
    )
    .all(from, to) as DimRow[];
}

/** The counts of the days [from, to] of some dims, summed per Taipei month 'YYYY-MM', dim and key. */
export function monthlyDimCounts(db: Db, from: string, to: string, dims: readonly Dim[]): (DimRow & { month: string })[] {
  ensureCounted(db, from, to);
  return db
    .prepare(
      `SELECT substr(day, 1, 7) AS month, dim, key, sum(calls) AS calls, sum(service) AS service, sum(duration_sec) AS durationSec
         FROM hotline_day_counts WHERE day BETWEEN ? AND ? AND dim IN (SELECT value FROM json_each(?)) GROUP BY 1, 2, 3`,
    )
    .all(from, to, JSON.stringify(dims)) as (DimRow & { month: string })[];
}

/**
 * Idle-time work: counts the most recent uncounted days (from the first call to today) until
 * `budgetDays` are done. Returns how many days it counted (0: nothing left).
 */
export function countSomeDays(db: Db, now: Date, budgetDays: number): number {
  const first = db.prepare('SELECT min(started_at) FROM hotline_calls').pluck().get() as string | null;
  if (first === null) return 0;
  const from = taipeiDateKey(first);
  const to = taipeiDateKey(now);
  // Nothing uncounted (the usual case): no walk over every day since the first call.
  const marked = db.prepare('SELECT count(*) FROM hotline_days_counted WHERE day BETWEEN ? AND ?').pluck().get(from, to) as number;
  if (marked === spanDays(from, to)) return 0;
  let done = 0;
  // The newest days first: the figures a supervisor is likeliest to open.
  for (const run of uncountedRuns(db, from, to).reverse()) {
    const room = budgetDays - done;
    if (room <= 0) break;
    const start = spanDays(run.from, run.to) > room ? addDays(run.to, -(room - 1)) : run.from;
    countDays(db, start, run.to);
    done += spanDays(start, run.to);
  }
  return done;
}

/** Days in [from, to], both 'YYYY-MM-DD' (parsed as UTC midnights: every day is 24 h). */
const spanDays = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
