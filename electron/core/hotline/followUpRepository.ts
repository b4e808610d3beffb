import type { Db } from '../db/open';
import { maskPhone, type FollowUp } from '../../../shared/domain/hotline';

interface FollowUpRow {
  id: number;
  call_id: number;
  due_at: string;
  owner_id: number;
  owner_name: string;
  note: string;
  done_at: string | null;
  done_by_name: string | null;
  outcome: string | null;
  phone: string;
  created_at: string;
}

export interface NewFollowUp {
  callId: number;
  dueAt: string;
  ownerId: number;
  note: string;
}

// The follow-ups lead (CROSS JOIN fixes the order): every list is chosen and ordered by one of
// their indexes. Left free, the planner may loop over the few accounts and sort what it finds.
const SELECT = `SELECT f.*, o.display_name AS owner_name, d.display_name AS done_by_name, c.phone
  FROM hotline_follow_ups f
  CROSS JOIN accounts o ON o.id = f.owner_id
  LEFT JOIN accounts d ON d.id = f.done_by
  CROSS JOIN hotline_calls c ON c.id = f.call_id`;

const toFollowUp = (r: FollowUpRow): FollowUp => ({
  id: r.id,
  callId: r.call_id,
  dueAt: r.due_at,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  note: r.note,
  doneAt: r.done_at,
  doneByName: r.done_by_name,
  outcome: r.outcome,
  phoneMasked: maskPhone(r.phone),
  createdAt: r.created_at,
});

export function insertFollowUp(db: Db, f: NewFollowUp, at: string, by: number): number {
  const info = db
    .prepare(
      `INSERT INTO hotline_follow_ups (call_id, due_at, owner_id, note, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(f.callId, f.dueAt, f.ownerId, f.note, at, by, at, by);
  return Number(info.lastInsertRowid);
}

/** Only open ones change: a follow-up done twice keeps its first outcome. Returns how many changed. */
export function completeFollowUp(db: Db, id: number, outcome: string, at: string, by: number): number {
  return db
    .prepare('UPDATE hotline_follow_ups SET done_at = ?, done_by = ?, outcome = ?, updated_at = ?, updated_by = ? WHERE id = ? AND done_at IS NULL')
    .run(at, by, outcome, at, by, id).changes;
}

export function findFollowUp(db: Db, id: number): FollowUp | null {
  const row = db.prepare(`${SELECT} WHERE f.id = ?`).get(id) as FollowUpRow | undefined;
  return row ? toFollowUp(row) : null;
}

export function listFollowUpsOfCall(db: Db, callId: number): FollowUp[] {
  return (db.prepare(`${SELECT} WHERE f.call_id = ? ORDER BY f.due_at, f.id`).all(callId) as FollowUpRow[]).map(toFollowUp);
}

/**
 * Open ones by due time (soonest first); done ones most recently done first, of which the
 * screen shows the latest `doneLimit`; null gives them all (exports).
 */
export function listFollowUps(db: Db, opts: { open: boolean; ownerId?: number; doneLimit?: number | null }): FollowUp[] {
  const owner = opts.ownerId !== undefined ? 'AND f.owner_id = ?' : '';
  const args: number[] = opts.ownerId !== undefined ? [opts.ownerId] : [];
  if (opts.open) return (db.prepare(`${SELECT} WHERE f.done_at IS NULL ${owner} ORDER BY f.due_at, f.id`).all(...args) as FollowUpRow[]).map(toFollowUp);
  // LIMIT -1 is SQLite's "no limit".
  const limit = opts.doneLimit === undefined ? 500 : (opts.doneLimit ?? -1);
  const sql = `${SELECT} WHERE f.done_at IS NOT NULL ${owner} ORDER BY f.done_at DESC, f.id DESC LIMIT ?`;
  return (db.prepare(sql).all(...args, limit) as FollowUpRow[]).map(toFollowUp);
}

export function countOpenFollowUps(db: Db, dueBefore: string, dueFrom?: string): number {
  const row = dueFrom
    ? db.prepare('SELECT count(*) AS n FROM hotline_follow_ups WHERE done_at IS NULL AND due_at >= ? AND due_at < ?').get(dueFrom, dueBefore)
    : db.prepare('SELECT count(*) AS n FROM hotline_follow_ups WHERE done_at IS NULL AND due_at < ?').get(dueBefore);
  return (row as { n: number }).n;
}
