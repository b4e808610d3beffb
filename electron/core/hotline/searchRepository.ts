import type { Db } from '../db/open';
import { maskPhone, type CallKind, type CallSummary, type Direction, type ReferralStatus } from '../../../shared/domain/hotline';

/** Filters already turned into stored values (instants, phone key) by the service. */
export interface CallFilter {
  from?: string;
  to?: string;
  shiftId?: number;
  operatorId?: number;
  callerTypeId?: number;
  serviceItemId?: number;
  flagId?: number;
  flagged?: boolean;
  referralStatus?: ReferralStatus;
  kind?: CallKind;
  nonServiceTypeId?: number;
  phoneKey?: string;
  excludeId?: number;
  /** each term must occur in the notes or the flag actions */
  terms?: string[];
}

interface SummaryRow {
  id: number;
  kind: CallKind;
  non_service_type_id: number | null;
  direction: Direction;
  started_at: string;
  duration_sec: number;
  shift_id: number | null;
  operator_id: number;
  operator_name: string;
  caller_type_id: number | null;
  phone: string;
  notes_excerpt: string;
  item_ids: string | null;
  flag_ids: string | null;
  referral_statuses: string | null;
  open_follow_ups: number;
}

const ids = (s: string | null) => (s ? s.split(',').map(Number).sort((a, b) => a - b) : []);

const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** FTS5 phrase syntax: the whole term in double quotes, inner quotes doubled. */
const phrase = (term: string) => `"${term.replace(/"/g, '""')}"`;

function where(filter: CallFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    clauses.push(sql);
    params.push(...values);
  };
  if (filter.from) add('c.started_at >= ?', filter.from);
  if (filter.to) add('c.started_at < ?', filter.to);
  if (filter.shiftId !== undefined) add('c.shift_id = ?', filter.shiftId);
  if (filter.operatorId !== undefined) add('c.operator_id = ?', filter.operatorId);
  if (filter.callerTypeId !== undefined) add('c.caller_type_id = ?', filter.callerTypeId);
  if (filter.kind) add('c.kind = ?', filter.kind);
  if (filter.nonServiceTypeId !== undefined) add('c.non_service_type_id = ?', filter.nonServiceTypeId);
  if (filter.phoneKey) add('c.phone_key = ?', filter.phoneKey);
  if (filter.excludeId !== undefined) add('c.id <> ?', filter.excludeId);
  if (filter.serviceItemId !== undefined) add('EXISTS (SELECT 1 FROM hotline_call_items i WHERE i.call_id = c.id AND i.service_item_id = ?)', filter.serviceItemId);
  if (filter.flagId !== undefined) add('EXISTS (SELECT 1 FROM hotline_call_flags f WHERE f.call_id = c.id AND f.risk_flag_id = ?)', filter.flagId);
  if (filter.flagged) add('EXISTS (SELECT 1 FROM hotline_call_flags f WHERE f.call_id = c.id)');
  if (filter.referralStatus) add('EXISTS (SELECT 1 FROM hotline_referrals r WHERE r.call_id = c.id AND r.status = ?)', filter.referralStatus);
  for (const term of filter.terms ?? []) {
    // trigram indexes 3-character sequences: shorter terms cannot MATCH, LIKE still finds them.
    if ([...term].length >= 3) add('c.id IN (SELECT rowid FROM hotline_call_text WHERE hotline_call_text MATCH ?)', phrase(term));
    else add("c.id IN (SELECT rowid FROM hotline_call_text WHERE body LIKE ? ESCAPE '\\')", likePattern(term));
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function countCalls(db: Db, filter: CallFilter): number {
  const w = where(filter);
  return (db.prepare(`SELECT count(*) AS n FROM hotline_calls c ${w.sql}`).get(...w.params) as { n: number }).n;
}

/** Newest first; `limit`/`offset` page through the result, a null limit gives every match (exports). */
export function findCallSummaries(db: Db, filter: CallFilter, limit: number | null, offset: number): CallSummary[] {
  const w = where(filter);
  const rows = db
    .prepare(
      `SELECT c.id, c.kind, c.non_service_type_id, c.direction, c.started_at, c.duration_sec, c.shift_id, c.operator_id,
         a.display_name AS operator_name, c.caller_type_id, c.phone, substr(c.notes, 1, 120) AS notes_excerpt,
         (SELECT group_concat(service_item_id) FROM hotline_call_items WHERE call_id = c.id) AS item_ids,
         (SELECT group_concat(risk_flag_id) FROM hotline_call_flags WHERE call_id = c.id) AS flag_ids,
         (SELECT group_concat(status) FROM hotline_referrals WHERE call_id = c.id) AS referral_statuses,
         (SELECT count(*) FROM hotline_follow_ups WHERE call_id = c.id AND done_at IS NULL) AS open_follow_ups
       FROM hotline_calls c JOIN accounts a ON a.id = c.operator_id
       ${w.sql}
       ORDER BY c.started_at DESC, c.id DESC
       LIMIT ? OFFSET ?`,
    )
    // LIMIT -1 is SQLite's "no limit".
    .all(...w.params, limit ?? -1, offset) as SummaryRow[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    nonServiceTypeId: r.non_service_type_id,
    direction: r.direction,
    startedAt: r.started_at,
    durationSec: r.duration_sec,
    shiftId: r.shift_id,
    operatorId: r.operator_id,
    operatorName: r.operator_name,
    callerTypeId: r.caller_type_id,
    phoneMasked: maskPhone(r.phone),
    serviceItemIds: ids(r.item_ids),
    flagIds: ids(r.flag_ids),
    notesExcerpt: r.notes_excerpt,
    referralStatuses: r.referral_statuses ? (r.referral_statuses.split(',') as ReferralStatus[]) : [],
    openFollowUps: r.open_follow_ups,
  }));
}

/** Calls in a window counted by kind and non-service type, for handovers and the home counters. */
export function countCallsByType(db: Db, from: string, to: string): { kind: CallKind; typeId: number | null; n: number }[] {
  return db
    .prepare(
      `SELECT kind, non_service_type_id AS typeId, count(*) AS n FROM hotline_calls
       WHERE started_at >= ? AND started_at < ? GROUP BY kind, non_service_type_id`,
    )
    .all(from, to) as { kind: CallKind; typeId: number | null; n: number }[];
}

/** Calls in a window that carry at least one risk flag, with what was done about each. */
export function flaggedCallsIn(db: Db, from: string, to: string): { id: number; startedAt: string; operatorName: string; flagIds: number[]; actions: string[] }[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.started_at AS startedAt, a.display_name AS operatorName,
         json_group_array(f.risk_flag_id) AS flagIds, json_group_array(f.action_taken) AS actions
       FROM hotline_calls c
       JOIN accounts a ON a.id = c.operator_id
       JOIN hotline_call_flags f ON f.call_id = c.id
       WHERE c.started_at >= ? AND c.started_at < ?
       GROUP BY c.id ORDER BY c.started_at, c.id`,
    )
    .all(from, to) as { id: number; startedAt: string; operatorName: string; flagIds: string; actions: string }[];
  return rows.map((r) => ({ ...r, flagIds: JSON.parse(r.flagIds) as number[], actions: JSON.parse(r.actions) as string[] }));
}
