import Database from 'better-sqlite3';
import { migrate, readMigrations, refuseNewerDatabase, type MigrationReport } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  migrationsDir: string;
  readonly?: boolean;
}

/**
 * Opens the one database file and sets every pragma on every open — better-sqlite3
 * reopens WAL databases at synchronous=NORMAL, so nothing set once can be trusted later.
 */
export function openDatabase(file: string, options: OpenOptions): { db: Db; migrations: MigrationReport } {
  const db = new Database(file, { readonly: options.readonly ?? false, timeout: 5000 });
  try {
    // Before any pragma: a newer file must be left exactly as it is (journal_mode writes the header).
    if (!options.readonly) refuseNewerDatabase(db, readMigrations(options.migrationsDir).length);
    applyPragmas(db);
    const migrations = options.readonly ? { from: currentVersion(db), to: currentVersion(db), applied: [] } : migrate(db, options.migrationsDir);
    return { db, migrations };
  } catch (err) {
    db.close();
    throw err;
  }
}

export function applyPragmas(db: Db): void {
  // WAL: readers never block the writer, and a crash mid-write leaves the last
  // committed state intact (https://sqlite.org/wal.html).
  if (!db.readonly) db.pragma('journal_mode = WAL');
  // FULL: with WAL, NORMAL may lose the last commits on power loss; FULL fsyncs the
  // WAL on every commit. A hotline call acknowledged to the operator must survive a
  // power cut, and our writes are few and small, so the cost is irrelevant.
  db.pragma('synchronous = FULL');
  // SQLite leaves foreign keys off unless asked, per connection.
  db.pragma('foreign_keys = ON');
  // Wait (instead of failing with SQLITE_BUSY) while a backup or another reader holds a lock.
  db.pragma('busy_timeout = 5000');
}

export function currentVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
