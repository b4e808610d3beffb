import type { Db } from '../db/open';
import { TEXT_SENTINEL } from './textSearch';
import type { CallFlag, CallHistoryEntry, CallKind, CallRecord, Direction, Gender } from '../../../shared/domain/hotline';

/** The columns of hotline_calls a service writes (who/when are added here). */
export interface CallFields {
  kind: CallKind;
  nonServiceTypeId: number | null;
  direction: Direction;
  startedAt: string;
  endedAt: string;
  durationSec: number;
  shiftId: number | null;
  operatorId: number;
  callerTypeId: number | null;
  gender: Gender | null;
  ageGroupId: number | null;
  districtId: number | null;
  phone: string;
  phoneKey: string;
  notes: string;
}

interface CallRow {
  id: number;
  kind: CallKind;
  non_service_type_id: number | null;
  direction: Direction;
  started_at: string;
  ended_at: string;
  duration_sec: number;
  shift_id: number | null;
  operator_id: number;
  operator_name: string;
  caller_type_id: number | null;
  gender: Gender | null;
  age_group_id: number | null;
  district_id: number | null;
  phone: string;
  notes: string;
  created_at: string;
  created_by: number;
  created_by_name: string;
  updated_at: string;
  updated_by: number;
}

const PARAMS = `@kind, @nonServiceTypeId, @direction, @startedAt, @endedAt, @durationSec, @shiftId, @operatorId,
  @callerTypeId, @gender, @ageGroupId, @districtId, @phone, @phoneKey, @notes`;

export function insertCall(db: Db, f: CallFields, at: string, by: number): number {
  const info = db
    .prepare(
      `INSERT INTO hotline_calls (kind, non_service_type_id, direction, started_at, ended_at, duration_sec, shift_id, operator_id,
         caller_type_id, gender, age_group_id, district_id, phone, phone_key, notes, created_at, created_by, updated_at, updated_by)
       VALUES (${PARAMS}, @at, @by, @at, @by)`,
    )
    .run({ ...f, at, by });
  return Number(info.lastInsertRowid);
}

export function updateCallRow(db: Db, id: number, f: CallFields, at: string, by: number): void {
  db.prepare(
    `UPDATE hotline_calls SET kind = @kind, non_service_type_id = @nonServiceTypeId, direction = @direction,
       started_at = @startedAt, ended_at = @endedAt, duration_sec = @durationSec, shift_id = @shiftId, operator_id = @operatorId,
       caller_type_id = @callerTypeId, gender = @gender, age_group_id = @ageGroupId, district_id = @districtId,
       phone = @phone, phone_key = @phoneKey, notes = @notes, updated_at = @at, updated_by = @by
     WHERE id = @id`,
  ).run({ ...f, id, at, by });
}

/**
 * The call's service items and risk flags become exactly these. A call just inserted has none
 * yet (`fresh`; its id may be reused, but deleting a call cascades to both), so a save skips
 * the two DELETEs.
 */
export function replaceCallItems(db: Db, callId: number, itemIds: readonly number[], at: string, by: number, fresh = false): void {
  if (!fresh) db.prepare('DELETE FROM hotline_call_items WHERE call_id = ?').run(callId);
  const insert = db.prepare(
    `INSERT INTO hotline_call_items (call_id, service_item_id, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const itemId of itemIds) insert.run(callId, itemId, at, by, at, by);
}

export function replaceCallFlags(db: Db, callId: number, flags: readonly CallFlag[], at: string, by: number, fresh = false): void {
  if (!fresh) db.prepare('DELETE FROM hotline_call_flags WHERE call_id = ?').run(callId);
  const insert = db.prepare(
    `INSERT INTO hotline_call_flags (call_id, risk_flag_id, action_taken, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const f of flags) insert.run(callId, f.flagId, f.actionTaken, at, by, at, by);
}

/**
 * Keeps the search index in step with the record: the notes and what was done about each flag,
 * then TEXT_SENTINEL so that 1–2 character words are found through the index too (textSearch.ts).
 */
export function indexCallText(db: Db, callId: number, parts: readonly string[]): void {
  // Also for a new call: ids are not AUTOINCREMENT, and a row deleted by hand leaves its text here.
  db.prepare('DELETE FROM hotline_call_text WHERE rowid = ?').run(callId);
  const body = parts.filter((p) => p.trim() !== '').join('\n');
  if (body !== '') db.prepare('INSERT INTO hotline_call_text (rowid, body) VALUES (?, ?)').run(callId, body + TEXT_SENTINEL);
}

export function findCall(db: Db, id: number): CallRecord | null {
  const row = db
    .prepare(
      `SELECT c.*, op.display_name AS operator_name, cr.display_name AS created_by_name
       FROM hotline_calls c
       JOIN accounts op ON op.id = c.operator_id
       JOIN accounts cr ON cr.id = c.created_by
       WHERE c.id = ?`,
    )
    .get(id) as CallRow | undefined;
  if (!row) return null;
  const items = db.prepare('SELECT service_item_id AS id FROM hotline_call_items WHERE call_id = ? ORDER BY service_item_id').all(id) as { id: number }[];
  const flags = db
    .prepare('SELECT risk_flag_id AS flagId, action_taken AS actionTaken FROM hotline_call_flags WHERE call_id = ? ORDER BY risk_flag_id')
    .all(id) as CallFlag[];
  return {
    id: row.id,
    kind: row.kind,
    nonServiceTypeId: row.non_service_type_id,
    direction: row.direction,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    durationSec: row.duration_sec,
    shiftId: row.shift_id,
    operatorId: row.operator_id,
    operatorName: row.operator_name,
    callerTypeId: row.caller_type_id,
    gender: row.gender,
    ageGroupId: row.age_group_id,
    districtId: row.district_id,
    phone: row.phone,
    notes: row.notes,
    serviceItemIds: items.map((i) => i.id),
    flags,
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function insertCallHistory(db: Db, callId: number, before: unknown, after: unknown, at: string, by: number): void {
  db.prepare(
    `INSERT INTO hotline_call_history (call_id, before_json, after_json, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(callId, JSON.stringify(before), JSON.stringify(after), at, by, at, by);
}

export function listCallHistory(db: Db, callId: number): CallHistoryEntry[] {
  const rows = db
    .prepare(
      `SELECT h.id, h.created_at AS at, a.display_name AS byName, h.before_json, h.after_json
       FROM hotline_call_history h JOIN accounts a ON a.id = h.created_by
       WHERE h.call_id = ? ORDER BY h.id`,
    )
    .all(callId) as { id: number; at: string; byName: string; before_json: string; after_json: string }[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    byName: r.byName,
    before: JSON.parse(r.before_json) as Record<string, unknown>,
    after: JSON.parse(r.after_json) as Record<string, unknown>,
  }));
}

export function countCallHistory(db: Db, callId: number): number {
  return (db.prepare('SELECT count(*) AS n FROM hotline_call_history WHERE call_id = ?').get(callId) as { n: number }).n;
}
