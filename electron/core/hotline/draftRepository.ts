import type { Db } from '../db/open';
import type { CallDraft, DraftPayload } from '../../../shared/domain/hotline';

interface DraftRow {
  id: number;
  owner_id: number;
  started_at: string;
  payload: string;
  created_at: string;
  updated_at: string;
}

const toDraft = (r: DraftRow): CallDraft => ({
  id: r.id,
  startedAt: r.started_at,
  payload: JSON.parse(r.payload) as DraftPayload,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function insertDraft(db: Db, ownerId: number, startedAt: string, payload: DraftPayload, at: string): number {
  const info = db
    .prepare(
      `INSERT INTO hotline_drafts (owner_id, started_at, payload, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(ownerId, startedAt, JSON.stringify(payload), at, ownerId, at, ownerId);
  return Number(info.lastInsertRowid);
}

export function updateDraftPayload(db: Db, id: number, payload: DraftPayload, at: string, by: number): void {
  db.prepare('UPDATE hotline_drafts SET payload = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(JSON.stringify(payload), at, by, id);
}

export function findDraft(db: Db, id: number): (CallDraft & { ownerId: number }) | null {
  const row = db.prepare('SELECT * FROM hotline_drafts WHERE id = ?').get(id) as DraftRow | undefined;
  return row ? { ...toDraft(row), ownerId: row.owner_id } : null;
}

/** Oldest first: the first line that rang is the first tab. */
export function listDrafts(db: Db, ownerId: number): CallDraft[] {
  return (db.prepare('SELECT * FROM hotline_drafts WHERE owner_id = ? ORDER BY created_at, id').all(ownerId) as DraftRow[]).map(toDraft);
}

export function deleteDraft(db: Db, id: number): void {
  db.prepare('DELETE FROM hotline_drafts WHERE id = ?').run(id);
}
