import type { Db } from '../db/open';
import type { Handover, HandoverSummary } from '../../../shared/domain/hotline';

interface HandoverRow {
  id: number;
  shift_id: number | null;
  window_start: string;
  window_end: string;
  summary: string;
  notes: string;
  created_at: string;
  created_by: number;
  created_by_name: string;
  acknowledged_at: string | null;
  acknowledged_by_name: string | null;
}

const SELECT = `SELECT h.*, c.display_name AS created_by_name, k.display_name AS acknowledged_by_name
  FROM hotline_handovers h
  JOIN accounts c ON c.id = h.created_by
  LEFT JOIN accounts k ON k.id = h.acknowledged_by`;

const toHandover = (r: HandoverRow): Handover & { createdBy: number } => ({
  id: r.id,
  shiftId: r.shift_id,
  windowStart: r.window_start,
  windowEnd: r.window_end,
  summary: JSON.parse(r.summary) as HandoverSummary,
  notes: r.notes,
  createdAt: r.created_at,
  createdBy: r.created_by,
  createdByName: r.created_by_name,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedByName: r.acknowledged_by_name,
});

export function insertHandover(db: Db, summary: HandoverSummary, notes: string, at: string, by: number): number {
  const info = db
    .prepare(
      `INSERT INTO hotline_handovers (shift_id, window_start, window_end, summary, notes, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(summary.shiftId, summary.windowStart, summary.windowEnd, JSON.stringify(summary), notes, at, by, at, by);
  return Number(info.lastInsertRowid);
}

export function acknowledgeHandoverRow(db: Db, id: number, at: string, by: number): void {
  db.prepare('UPDATE hotline_handovers SET acknowledged_at = ?, acknowledged_by = ?, updated_at = ?, updated_by = ? WHERE id = ? AND acknowledged_at IS NULL').run(
    at,
    by,
    at,
    by,
    id,
  );
}

export function findHandover(db: Db, id: number): (Handover & { createdBy: number }) | null {
  const row = db.prepare(`${SELECT} WHERE h.id = ?`).get(id) as HandoverRow | undefined;
  return row ? toHandover(row) : null;
}

export function latestHandover(db: Db): (Handover & { createdBy: number }) | null {
  const row = db.prepare(`${SELECT} ORDER BY h.created_at DESC, h.id DESC LIMIT 1`).get() as HandoverRow | undefined;
  return row ? toHandover(row) : null;
}

/** Newest first; a null limit gives every handover (exports). LIMIT -1 is SQLite's "no limit". */
export function listHandovers(db: Db, limit: number | null): (Handover & { createdBy: number })[] {
  return (db.prepare(`${SELECT} ORDER BY h.created_at DESC, h.id DESC LIMIT ?`).all(limit ?? -1) as HandoverRow[]).map(toHandover);
}
