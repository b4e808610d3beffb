import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/open';
import { makeTempDir } from '../../support/core';

const MIGRATIONS_DIR = path.join(process.cwd(), 'electron/core/db/migrations');

let dir: string;
let db: Db;
beforeAll(() => {
  dir = makeTempDir('dufang-schema-');
  db = openDatabase(path.join(dir, 'schema.sqlite'), { migrationsDir: MIGRATIONS_DIR }).db;
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface MasterRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

// Ordinary tables only: FTS5 search indexes (virtual tables and their shadow tables) are
// maintained by SQLite from the tables they index and can be neither STRICT nor audited.
const tables = () =>
  (
    db
      .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((r) => r.name);

const columnsOf = (table: string) => (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name);

describe('schema', () => {
  it('matches the committed snapshot (a schema change must be a deliberate new migration)', async () => {
    const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all() as MasterRow[];
    const normalised = rows.map((r) => ({ ...r, sql: r.sql === null ? null : r.sql.replace(/\s+/g, ' ').trim() }));
    await expect(`${JSON.stringify(normalised, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/schema.json');
  });

  it('every table about people or work records who created and last changed each row, and when', () => {
    // hotline_day_counts/_days_counted: figures derived from the calls, recounted at will (0006).
    const exempt = new Set(['app_meta', 'account_roles', 'audit_log', 'hotline_day_counts', 'hotline_days_counted']);
    const checked = tables().filter((t) => !exempt.has(t));
    expect(checked.length).toBeGreaterThan(0);
    for (const table of checked) {
      expect({ table, columns: columnsOf(table) }).toEqual({
        table,
        columns: expect.arrayContaining(['created_at', 'created_by', 'updated_at', 'updated_by']),
      });
    }
  });

  it('every table is STRICT, so a wrong type is refused instead of stored', () => {
    const list = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = ? AND type = 'table' AND name NOT LIKE ?").all('main', 'sqlite_%') as {
      name: string;
      strict: number;
    }[];
    expect(list.length).toBe(tables().length);
    for (const t of list) expect(t).toEqual({ name: t.name, strict: 1 });
  });

  it('audit_log is append-only: UPDATE and DELETE are refused by triggers', () => {
    db.prepare("INSERT INTO audit_log (at, account_id, action, entity) VALUES ('2025-03-05T00:00:00.000Z', NULL, 'test', 'x')").run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'forged'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT action FROM audit_log').all()).toEqual([{ action: 'test' }]);
  });
});
