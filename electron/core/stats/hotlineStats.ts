/**
 * Hotline figures counted in SQL from the call records themselves (0002_hotline.sql);
 * nothing is stored. Every query reads the period through the index on
 * hotline_calls(started_at) and reaches items by their primary key (call_id, …).
 * A change of the hotline schema is fixed here and nowhere else.
 */
import type { Db } from '../db/open';
import { countMap, type CountMap, type Range } from './common';

/** Ids of caller types the supervisor marked "counts as client or family" (表 seed 004: 個案與家屬). */
const CLIENT_FAMILY = `(SELECT id FROM ref_items WHERE kind = 'callerType' AND json_extract(extra, '$.countsAsClientOrFamily') = 1)`;

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

type IdCount = { id: number | null; n: number };

export function hotlineCounts(db: Db, range: Range, now: string): HotlineCounts {
  const p = { fromInstant: range.fromInstant, toInstant: range.toInstant };
  const totals = db
    .prepare(
      `SELECT count(*) AS total,
              coalesce(sum(c.kind = 'service'), 0) AS service,
              coalesce(sum(c.kind = 'nonService'), 0) AS nonService,
              coalesce(sum(c.direction = 'inbound'), 0) AS inbound,
              coalesce(sum(c.direction = 'outbound'), 0) AS outbound,
              coalesce(sum(c.caller_type_id IN ${CLIENT_FAMILY}), 0) AS clientFamily,
              coalesce(sum(CASE WHEN c.kind = 'service' THEN c.duration_sec END), 0) AS durationSec
         FROM hotline_calls c WHERE ${IN_PERIOD}`,
    )
    .get(p) as Omit<HotlineTotals, 'items'>;

  const grouped = (expr: string, where = '') =>
    countMap(db.prepare(`SELECT ${expr} AS id, count(*) AS n FROM hotline_calls c WHERE ${IN_PERIOD} ${where} GROUP BY 1`).all(p) as IdCount[]);

  const byItem = countMap(
    db
      .prepare(
        `SELECT i.service_item_id AS id, count(*) AS n
           FROM hotline_calls c JOIN hotline_call_items i ON i.call_id = c.id
          WHERE ${IN_PERIOD} GROUP BY i.service_item_id`,
      )
      .all(p) as IdCount[],
  );

  // Items are counted by joining once per query, not by a lookup per call.
  const itemsOf = (expr: string) =>
    new Map(
      (db.prepare(`SELECT ${expr} AS id, count(*) AS n FROM hotline_calls c JOIN hotline_call_items i ON i.call_id = c.id WHERE ${IN_PERIOD} GROUP BY 1`).all(p) as {
        id: number | string;
        n: number;
      }[]).map((r) => [r.id, r.n]),
    );
  const operatorItems = itemsOf('c.operator_id');
  const byOperator = (
    db
      .prepare(
        `SELECT c.operator_id AS id, a.display_name AS name, count(*) AS calls,
                coalesce(sum(c.kind = 'service'), 0) AS service,
                coalesce(sum(CASE WHEN c.kind = 'service' THEN c.duration_sec END), 0) AS durationSec
           FROM hotline_calls c JOIN accounts a ON a.id = c.operator_id
          WHERE ${IN_PERIOD}
          GROUP BY c.operator_id ORDER BY calls DESC, a.display_name, c.operator_id`,
      )
      .all(p) as Omit<OperatorCounts, 'items'>[]
  ).map((o) => ({ ...o, items: operatorItems.get(o.id) ?? 0 }));

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
    byCallerType: grouped('c.caller_type_id', "AND c.kind = 'service'"),
    byNonServiceType: grouped('c.non_service_type_id', "AND c.kind = 'nonService'"),
    byItem,
    // Taiwan keeps no daylight saving time, so Taipei's hour is always UTC + 8.
    byHour: grouped(`CAST(strftime('%H', c.started_at, '+8 hours') AS INTEGER)`),
    byShift: grouped('c.shift_id'),
    byDistrict: grouped('c.district_id', "AND c.kind = 'service'"),
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
