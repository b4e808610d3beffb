/**
 * Hotline figures of a period: the calls' own figures from the counts kept per day
 * (hotlineDayCounts.ts), referrals and follow-ups counted from their records (0002_hotline.sql).
 * A change of the hotline schema is fixed here and in hotlineDayCounts.ts, nowhere else.
 */
import type { Db } from '../db/open';
import type { CountMap, Range } from './common';
import { dimCounts, monthlyDimCounts } from './hotlineDayCounts';

/** Ids of caller types the supervisor marked "counts as client or family" (表 seed 004: 個案與家屬). */
const CLIENT_FAMILY_IDS = `SELECT id FROM ref_items WHERE kind = 'callerType' AND json_extract(extra, '$.countsAsClientOrFamily') = 1`;

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

const bump = (m: CountMap, k: number | null, n: number) => {
  if (n !== 0) m.set(k, (m.get(k) ?? 0) + n);
};

/** Day counts store 0 for "not recorded"; the tables show that as null. */
const ref = (key: number) => (key === 0 ? null : key);

/**
 * The period's call figures come from the counts kept per day (hotlineDayCounts.ts), summed
 * here into the report's maps: the same figures as counting the calls themselves, which
 * tests/unit/stats/hotlineDayCounts.test.ts checks after every kind of write.
 */
export function hotlineCounts(db: Db, range: Range, now: string): HotlineCounts {
  const p = { fromInstant: range.fromInstant, toInstant: range.toInstant };
  const clientFamily = new Set(db.prepare(CLIENT_FAMILY_IDS).pluck().all() as number[]);

  const totals: Omit<HotlineTotals, 'items'> = { total: 0, service: 0, nonService: 0, inbound: 0, outbound: 0, clientFamily: 0, durationSec: 0 };
  const byCallerType: CountMap = new Map();
  const byNonServiceType: CountMap = new Map();
  const byDistrict: CountMap = new Map();
  const byHour: CountMap = new Map();
  const byShift: CountMap = new Map();
  const byItem: CountMap = new Map();
  const operators = new Map<number, Omit<OperatorCounts, 'id' | 'name'>>();
  const operator = (id: number) => operators.get(id) ?? operators.set(id, { calls: 0, service: 0, items: 0, durationSec: 0 }).get(id)!;
  for (const r of dimCounts(db, range.from, range.to)) {
    switch (r.dim) {
      case 'kind':
        totals.total += r.calls;
        totals.service += r.service;
        totals.nonService += r.calls - r.service;
        totals.durationSec += r.durationSec;
        break;
      case 'direction':
        totals[r.key === 1 ? 'inbound' : 'outbound'] += r.calls;
        break;
      case 'caller':
        if (clientFamily.has(r.key)) totals.clientFamily += r.calls;
        bump(byCallerType, ref(r.key), r.service);
        break;
      case 'nonService':
        bump(byNonServiceType, ref(r.key), r.calls - r.service);
        break;
      case 'district':
        bump(byDistrict, ref(r.key), r.service);
        break;
      case 'hour':
        bump(byHour, r.key, r.calls);
        break;
      case 'shift':
        bump(byShift, ref(r.key), r.calls);
        break;
      case 'item':
        bump(byItem, r.key, r.calls);
        break;
      case 'operator': {
        const o = operator(r.key);
        o.calls += r.calls;
        o.service += r.service;
        o.durationSec += r.durationSec;
        break;
      }
      case 'operatorItems':
        operator(r.key).items += r.calls;
        break;
    }
  }

  const names = new Map(
    (db.prepare('SELECT id, display_name AS name FROM accounts WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify([...operators.keys()])) as {
      id: number;
      name: string;
    }[]).map((a) => [a.id, a.name]),
  );
  // Most calls first, then by name (SQLite's binary order, as before) and id.
  const byOperator: OperatorCounts[] = [...operators]
    .filter(([id, o]) => names.has(id) && o.calls > 0)
    .map(([id, o]) => ({ id, name: names.get(id) ?? '', ...o }))
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

/** Calls per Taipei calendar month 'YYYY-MM' over the trend range, from the day counts. */
export function hotlineByMonth(db: Db, range: Range): Map<string, HotlineMonth> {
  const clientFamily = new Set(db.prepare(CLIENT_FAMILY_IDS).pluck().all() as number[]);
  const months = new Map<string, HotlineMonth>();
  for (const r of monthlyDimCounts(db, range.from, range.to, ['kind', 'caller', 'item'])) {
    const m = months.get(r.month) ?? months.set(r.month, { month: r.month, total: 0, service: 0, clientFamily: 0, items: 0 }).get(r.month)!;
    if (r.dim === 'kind') {
      m.total += r.calls;
      m.service += r.service;
    } else if (r.dim === 'caller') {
      if (clientFamily.has(r.key)) m.clientFamily += r.calls;
    } else m.items += r.calls;
  }
  return months;
}
