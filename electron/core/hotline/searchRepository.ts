import type { Db } from '../db/open';
import { maskPhone, type CallKind, type CallSummary, type Direction, type ReferralStatus } from '../../../shared/domain/hotline';
import { countMatches, textQuery, type TextQuery } from './textSearch';

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

/**
 * How a search reaches the notes index, worked out once for its count and its page (issue 8).
 * `matches`: calls the index finds for the words alone (null without words); `reach`: how the
 * newest page of them is found (see REACH).
 */
export interface SearchPlan {
  text: TextQuery | null;
  matches: number | null;
  reach: 'byId' | 'walk' | 'probe';
}

/**
 * The newest page of matching calls, three ways, each slow where another is fast (ten years of
 * calls, npm run bench):
 * - byId: fetch every match by id, then sort — for a few thousand matches;
 * - walk: go through the calls newest first (hotline_calls_started) keeping those in the list of
 *   matches, which stops after a page — for a common word (the list is built once);
 * - probe: the same walk asking the index about each call — for a word in most calls, where even
 *   building the list of matches costs more than the ~30 calls walked.
 */
const WALK_ABOVE = 3000;
const PROBE_ABOVE_SHARE = 0.5;

export function planSearch(db: Db, filter: CallFilter): SearchPlan {
  const text = filter.terms && filter.terms.length > 0 ? textQuery(db, filter.terms) : null;
  const matches = text?.match && !text.impossible ? countMatches(db, text.match) : null;
  if (matches === null || matches <= WALK_ABOVE) return { text, matches, reach: 'byId' };
  // The largest id stands in for the number of calls (calls are never deleted): no count needed.
  const calls = (db.prepare('SELECT max(id) FROM hotline_calls').pluck().get() as number | null) ?? 0;
  return { text, matches, reach: matches > calls * PROBE_ABOVE_SHARE ? 'probe' : 'walk' };
}

/** Only words, no other filter: the count is the index's own. */
const wordsOnly = (f: CallFilter) => Object.entries(f).every(([k, v]) => k === 'terms' || v === undefined);

/** `page`: the clauses for a page of rows (the count always uses the list of matches). */
function where(filter: CallFilter, plan: SearchPlan, page = false): { sql: string; params: unknown[] } {
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
  const text = plan.text;
  if (text?.impossible) add('0');
  const reach = page ? plan.reach : 'byId';
  if (text?.match && reach === 'probe') add('EXISTS (SELECT 1 FROM hotline_call_text t WHERE t.hotline_call_text MATCH ? AND t.rowid = c.id)', text.match);
  // `+c.id` keeps SQLite from looking every match up by id: it walks by start time instead.
  else if (text?.match) add(`${reach === 'walk' ? '+c.id' : 'c.id'} IN (SELECT rowid FROM hotline_call_text WHERE hotline_call_text MATCH ?)`, text.match);
  // A single common character has too many trigrams to OR: those few searches still scan.
  for (const term of text?.scan ?? []) add("c.id IN (SELECT rowid FROM hotline_call_text WHERE body LIKE ? ESCAPE '\\')", likePattern(term));
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function countCalls(db: Db, filter: CallFilter, plan: SearchPlan = planSearch(db, filter)): number {
  if (plan.matches !== null && plan.text?.scan.length === 0 && wordsOnly(filter)) return plan.matches;
  const w = where(filter, plan);
  return (db.prepare(`SELECT count(*) AS n FROM hotline_calls c ${w.sql}`).get(...w.params) as { n: number }).n;
}

/** Newest first; `limit`/`offset` page through the result, a null limit gives every match (exports). */
export function findCallSummaries(db: Db, filter: CallFilter, limit: number | null, offset: number, plan: SearchPlan = planSearch(db, filter)): CallSummary[] {
  // Every match (an export): asking the index call by call would be the slowest way.
  const w = where(filter, limit === null && plan.reach === 'probe' ? { ...plan, reach: 'walk' } : plan, true);
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
