/**
 * Hotline figures counted in SQL from the call records themselves (0002_hotline.sql);
 * nothing is stored. Every query reads the period through the index on
 * hotline_calls(started_at) and reaches items by their primary key (call_id, …).
 * A change of the hotline schema is fixed here and nowhere else.
 */
import type { Db } from '../db/open';
import type { CountMap, Range } from './common';

/** Ids of caller types the supervisor marked "counts as client or family" (表 seed 004: 個案與家屬). */
const CLIENT_FAMILY_IDS = `SELECT id FROM ref_items WHERE kind = 'callerType' AND json_extract(extra, '$.countsAsClientOrFamily') = 1`;
const CLIENT_FAMILY = `(${CLIENT_FAMILY_IDS})`;

const IN_PERIOD = 'c.started_at >= @fromInstant AND c.started_at < @toInstant';

export interface HotlineTotals {
  total: number;
  service: number;
  nonService: number;
  inbound: number;
  outbound: number;
  clientFamily: number;
  /** service items (項次) of the period's calls */
  items: number;
  /** seconds of service calls only: a silent or wrong-number call (0 s) says nothing about service */
  durationSec: number;
}

export interface OperatorCounts {
  id: number;
  name: string;
  calls: number;
  service: number;
  items: number;
  durationSec: number;
}

export interface ReferralCount {
  unitId: number;
  status: 'pending' | 'replied' | 'closed';
  n: number;
}

export interface FollowUpCounts {
  due: number;
  onTime: number;
  late: number;
  overdueOpen: number;
  notYetDue: number;
}

export interface HotlineCounts {
  totals: HotlineTotals;
  byCallerType: CountMap;
  byNonServiceType: CountMap;
  byItem: CountMap;
  byHour: CountMap;
  byShift: CountMap;
  byDistrict: CountMap;
  byOperator: OperatorCounts[];
  referrals: ReferralCount[];
  followUps: FollowUpCounts;
}

/** Calls of the period by who called: one row per combination (a few hundred), summed in JS. */
interface CallerCell {
  kind: 'service' | 'nonService';
  direction: 'inbound' | 'outbound';
  caller: number | null;
  nonService: number | null;
  district: number | null;
  n: number;
  durationSec: number;
}

/** Calls of the period by when and by whom. */
interface TimeCell {
  shift: number | null;
  operator: number;
  hour: number;
  n: number;
  service: number;
  durationSec: number;
}

const bump = <K>(m: Map<K, number>, k: K, n: number) => m.set(k, (m.get(k) ?? 0) + n);

/**
 * The period's calls are read in two passes over the covering index hotline_calls_started
 * (0006_performance.sql) and one join with their items, instead of a pass per table: at a busy
 * bureau's 60,000 calls a year, each pass costs 10–20 ms whatever it counts (issue 8).
 */
export function hotlineCounts(db: Db, range: Range, now: string): HotlineCounts {
  const p = { fromInstant: range.fromInstant, toInstant: range.toInstant };
  const serviceSeconds = `coalesce(sum(CASE WHEN c.kind = 'service' THEN c.duration_sec END), 0)`;
  const callers = db
    .prepare(
      `SELECT c.kind, c.direction, c.caller_type_id AS caller, c.non_service_type_id AS nonService, c.district_id AS district,
              count(*) AS n, ${serviceSeconds} AS durationSec
         FROM hotline_calls c WHERE ${IN_PERIOD} GROUP BY 1, 2, 3, 4, 5`,
    )
    .all(p) as CallerCell[];
  // Taiwan keeps no daylight saving time, so Taipei's hour is always UTC + 8; instants are stored
  // as toISOString() gives them ('YYYY-MM-DDTHH:…Z'), so the UTC hour is characters 12–13.
  const times = db
    .prepare(
      `SELECT c.shift_id AS shift, c.operator_id AS operator, (CAST(substr(c.started_at, 12, 2) AS INTEGER) + 8) % 24 AS hour,
              count(*) AS n, coalesce(sum(c.kind = 'service'), 0) AS service, ${serviceSeconds} AS durationSec
         FROM hotline_calls c WHERE ${IN_PERIOD} GROUP BY 1, 2, 3`,
    )
    .all(p) as TimeCell[];
  // Items are counted by joining once, not by a lookup per call.
  const itemCells = db
    .prepare(
      `SELECT i.service_item_id AS item, c.operator_id AS operator, count(*) AS n
         FROM hotline_calls c JOIN hotline_call_items i ON i.call_id = c.id
        WHERE ${IN_PERIOD} GROUP BY 1, 2`,
    )
    .all(p) as { item: number; operator: number; n: number }[];
  const clientFamily = new Set(db.prepare(CLIENT_FAMILY_IDS).pluck().all() as number[]);

  const totals: Omit<HotlineTotals, 'items'> = { total: 0, service: 0, nonService: 0, inbound: 0, outbound: 0, clientFamily: 0, durationSec: 0 };
  const byCallerType: CountMap = new Map();
  const byNonServiceType: CountMap = new Map();
  const byDistrict: CountMap = new Map();
  for (const c of callers) {
    totals.total += c.n;
    totals[c.kind] += c.n;
    totals[c.direction] += c.n;
    if (c.caller !== null && clientFamily.has(c.caller)) totals.clientFamily += c.n;
    totals.durationSec += c.durationSec;
    if (c.kind === 'service') {
      bump(byCallerType, c.caller, c.n);
      bump(byDistrict, c.district, c.n);
    } else bump(byNonServiceType, c.nonService, c.n);
  }

  const byHour: CountMap = new Map();
  const byShift: CountMap = new Map();
  const operators = new Map<number, Omit<OperatorCounts, 'id' | 'name' | 'items'>>();
  for (const t of times) {
    bump(byHour, t.hour, t.n);
    bump(byShift, t.shift, t.n);
    const o = operators.get(t.operator) ?? { calls: 0, service: 0, durationSec: 0 };
    operators.set(t.operator, { calls: o.calls + t.n, service: o.service + t.service, durationSec: o.durationSec + t.durationSec });
  }

  const byItem: CountMap = new Map();
  const operatorItems = new Map<number, number>();
  for (const i of itemCells) {
    bump(byItem, i.item, i.n);
    bump(operatorItems, i.operator, i.n);
  }

  const names = new Map(
    (db.prepare('SELECT id, display_name AS name FROM accounts WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify([...operators.keys()])) as {
      id: number;
      name: string;
    }[]).map((a) => [a.id, a.name]),
  );
  // Most calls first, then by name (SQLite's binary order, as before) and id.
  const byOperator: OperatorCounts[] = [...operators]
    .filter(([id]) => names.has(id))
    .map(([id, o]) => ({ id, name: names.get(id) ?? '', ...o, items: operatorItems.get(id) ?? 0 }))
    .sort((a, b) => b.calls - a.calls || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || a.id - b.id);

  // 轉介 are dated by the day they were made (referred_on), not by the call.
  const referrals = db
    .prepare(
      `SELECT unit_id AS unitId, status, count(*) AS n FROM hotline_referrals
        WHERE referred_on BETWEEN @from AND @to GROUP BY unit_id, status`,
    )
    .all({ from: range.from, to: range.to }) as ReferralCount[];

  // Follow-ups due in the period; "on time" = done no later than due.
  const followUps = db
    .prepare(
      `SELECT count(*) AS due,
              coalesce(sum(done_at IS NOT NULL AND done_at <= due_at), 0) AS onTime,
              coalesce(sum(done_at IS NOT NULL AND done_at > due_at), 0) AS late,
              coalesce(sum(done_at IS NULL AND due_at < @now), 0) AS overdueOpen,
              coalesce(sum(done_at IS NULL AND due_at >= @now), 0) AS notYetDue
         FROM hotline_follow_ups WHERE due_at >= @fromInstant AND due_at < @toInstant`,
    )
    .get({ ...p, now }) as FollowUpCounts;

  return {
    totals: { ...totals, items: [...byItem.values()].reduce((a, b) => a + b, 0) },
    byCallerType,
    byNonServiceType,
    byItem,
    byHour,
    byShift,
    byDistrict,
    byOperator,
    referrals,
    followUps,
  };
}

export interface HotlineMonth {
  month: string;
  total: number;
  service: number;
  clientFamily: number;
  items: number;
}

/** Calls per Taipei calendar month 'YYYY-MM' over the trend range. */
export function hotlineByMonth(db: Db, range: Range): Map<string, HotlineMonth> {
  const p = { fromInstant: range.fromInstant, toInstant: range.toInstant };
  const month = `strftime('%Y-%m', c.started_at, '+8 hours')`;
  const items = new Map(
    (db.prepare(`SELECT ${month} AS month, count(*) AS n FROM hotline_calls c JOIN hotline_call_items i ON i.call_id = c.id WHERE ${IN_PERIOD} GROUP BY 1`).all(p) as {
      month: string;
      n: number;
    }[]).map((r) => [r.month, r.n]),
  );
  const rows = db
    .prepare(
      `SELECT ${month} AS month, count(*) AS total,
              coalesce(sum(c.kind = 'service'), 0) AS service,
              coalesce(sum(c.caller_type_id IN ${CLIENT_FAMILY}), 0) AS clientFamily
         FROM hotline_calls c WHERE ${IN_PERIOD} GROUP BY 1`,
    )
    .all(p) as Omit<HotlineMonth, 'items'>[];
  return new Map(rows.map((r) => [r.month, { ...r, items: items.get(r.month) ?? 0 }]));
}
