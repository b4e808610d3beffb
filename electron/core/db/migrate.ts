import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './open';

export interface MigrationReport {
  from: number;
  to: number;
  applied: string[];
}

/** Thrown when the file was written by a newer version of the app: we never touch it. */
export class DatabaseFromFutureError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(`The database is version ${fileVersion}, this application knows up to ${appVersion}. Update the application.`);
    this.name = 'DatabaseFromFutureError';
  }
}

const FILE_RE = /^(\d{4})_[a-z0-9_]+\.sql$/;

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir: string): MigrationFile[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => FILE_RE.test(f))
    .sort();
  const list = files.map((name) => ({
    version: Number(FILE_RE.exec(name)?.[1]),
    name,
    sql: fs.readFileSync(path.join(dir, name), 'utf8'),
  }));
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration numbering has a gap or duplicate at ${m.name}`);
  });
  return list;
}

/**
 * Reads `user_version` (a read, no write) and throws when the file is newer than `latest`.
 * openDatabase calls it before any pragma: `journal_mode = WAL` alone rewrites the file
 * header of a database in rollback-journal mode.
 */
export function refuseNewerDatabase(db: Db, latest: number): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > latest) throw new DatabaseFromFutureError(version, latest);
  return version;
}

/**
 * Applies the numbered .sql files above `user_version`, all in ONE transaction, so a
 * failure leaves the file exactly as it was. A newer file is refused before any write.
 */
export function migrate(db: Db, dir: string): MigrationReport {
  const migrations = readMigrations(dir);
  const latest = migrations.length;
  const from = refuseNewerDatabase(db, latest);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, applied: [] };
  db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    // user_version is stored in the header page, so it commits (or rolls back) with the rest.
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from, to: latest, applied: pending.map((m) => m.name) };
}
