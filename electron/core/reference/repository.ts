import type { Db } from '../db/open';
import type { RefExtra, RefItem, RefKind } from '../../../shared/domain/reference';

interface RefRow {
  id: number;
  kind: RefKind;
  code: string;
  name_zh: string;
  name_en: string;
  sort_order: number;
  extra: string;
  retired_at: string | null;
  updated_at: string;
}

function toItem(r: RefRow): RefItem {
  return {
    id: r.id,
    kind: r.kind,
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    sortOrder: r.sort_order,
    extra: JSON.parse(r.extra) as RefExtra,
    retired: r.retired_at !== null,
    updatedAt: r.updated_at,
  };
}

export function listAllRefItems(db: Db): RefItem[] {
  return (db.prepare('SELECT * FROM ref_items ORDER BY kind, sort_order, id').all() as RefRow[]).map(toItem);
}

export function listRefItems(db: Db, kind: RefKind): RefItem[] {
  return (db.prepare('SELECT * FROM ref_items WHERE kind = ? ORDER BY sort_order, id').all(kind) as RefRow[]).map(toItem);
}

export function findRefItem(db: Db, id: number): RefItem | null {
  const row = db.prepare('SELECT * FROM ref_items WHERE id = ?').get(id) as RefRow | undefined;
  return row ? toItem(row) : null;
}

export function nextSortOrder(db: Db, kind: RefKind): number {
  const row = db.prepare('SELECT coalesce(max(sort_order), 0) + 10 AS n FROM ref_items WHERE kind = ?').get(kind) as { n: number };
  return row.n;
}

export function codeExists(db: Db, kind: RefKind, code: string): boolean {
  return db.prepare('SELECT 1 FROM ref_items WHERE kind = ? AND code = ?').get(kind, code) !== undefined;
}

export interface NewRefItem {
  kind: RefKind;
  code: string;
  nameZh: string;
  nameEn: string;
  sortOrder: number;
  extra: RefExtra;
}

export function insertRefItem(db: Db, item: NewRefItem, at: string, by: number | null): number {
  const info = db
    .prepare(
      `INSERT INTO ref_items (kind, code, name_zh, name_en, sort_order, extra, created_at, created_by, updated_at, updated_by)
       VALUES (@kind, @code, @nameZh, @nameEn, @sortOrder, @extra, @at, @by, @at, @by)`,
    )
    .run({ ...item, extra: JSON.stringify(item.extra), at, by });
  return Number(info.lastInsertRowid);
}

export function updateRefItem(
  db: Db,
  id: number,
  fields: { nameZh: string; nameEn: string; extra: RefExtra },
  at: string,
  by: number,
): void {
  db.prepare(
    'UPDATE ref_items SET name_zh = ?, name_en = ?, extra = ?, updated_at = ?, updated_by = ? WHERE id = ?',
  ).run(fields.nameZh, fields.nameEn, JSON.stringify(fields.extra), at, by, id);
}

export function setSortOrder(db: Db, id: number, sortOrder: number, at: string, by: number): void {
  db.prepare('UPDATE ref_items SET sort_order = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(sortOrder, at, by, id);
}

export function setRetired(db: Db, id: number, retired: boolean, at: string, by: number): void {
  db.prepare(
    'UPDATE ref_items SET retired_at = ?, retired_by = ?, updated_at = ?, updated_by = ? WHERE id = ?',
  ).run(retired ? at : null, retired ? by : null, at, by, id);
}
