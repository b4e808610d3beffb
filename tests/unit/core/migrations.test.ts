import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../../electron/core/bootstrap';
import { DatabaseFromFutureError, migrate, readMigrations } from '../../../electron/core/db/migrate';
import { openDatabase, type Db } from '../../../electron/core/db/open';
import { memoryPreferences } from '../../../electron/core/prefs/memoryStore';
import { fakePrintHost, makeTempDir } from '../../support/core';

const MIGRATIONS_DIR = path.join(process.cwd(), 'electron/core/db/migrations');
const MIGRATION_COUNT = fs.readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).length;

const dirs: string[] = [];
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = makeTempDir('dufang-migrate-');
  dirs.push(d);
  return d;
}

function openTracked(file: string, migrationsDir = MIGRATIONS_DIR): Db {
  const { db } = openDatabase(file, { migrationsDir });
  open.push(db);
  return db;
}

function pragmas(db: Db) {
  return {
    journal_mode: db.pragma('journal_mode', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }),
    foreign_keys: db.pragma('foreign_keys', { simple: true }),
    busy_timeout: db.pragma('busy_timeout', { simple: true }),
  };
}

const EXPECTED_PRAGMAS = { journal_mode: 'wal', synchronous: 2, foreign_keys: 1, busy_timeout: 5000 };

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function userTables(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );
}

/** A database "written by a newer app": our schema plus a version we do not know. */
function futureDatabase(file: string, journalMode: 'wal' | 'delete'): void {
  const db = new Database(file);
  db.pragma(`journal_mode = ${journalMode}`);
  db.exec('CREATE TABLE from_the_future (id INTEGER PRIMARY KEY, note TEXT) STRICT');
  db.prepare('INSERT INTO from_the_future (note) VALUES (?)').run('keep me');
  db.pragma(`user_version = ${MIGRATION_COUNT + 7}`);
  db.close();
}

describe('openDatabase on a fresh file', () => {
  it('applies every migration and records the version in user_version', () => {
    const file = path.join(tempDir(), 'fresh.sqlite');
    const { db, migrations } = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    open.push(db);
    expect(MIGRATION_COUNT).toBeGreaterThan(0);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATION_COUNT);
    expect(migrations).toMatchObject({ from: 0, to: MIGRATION_COUNT });
    expect(migrations.applied).toHaveLength(MIGRATION_COUNT);
    expect(userTables(db)).toEqual(expect.arrayContaining(['accounts', 'account_roles', 'ref_items', 'app_meta', 'audit_log']));
  });

  it('sets WAL, synchronous=FULL, foreign keys and busy timeout', () => {
    const db = openTracked(path.join(tempDir(), 'fresh.sqlite'));
    expect(pragmas(db)).toEqual(EXPECTED_PRAGMAS);
  });

  it('sets the same pragmas again on reopen (better-sqlite3 would reopen a WAL file at synchronous=NORMAL)', () => {
    const file = path.join(tempDir(), 'reopen.sqlite');
    openTracked(file).close();

    // What a bare reopen gives: the reason the pragmas are set on every open.
    const bare = new Database(file);
    const bareSync = bare.pragma('synchronous', { simple: true });
    bare.close();
    expect(bareSync).not.toBe(2);

    const { db, migrations } = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    open.push(db);
    expect(migrations.applied).toEqual([]);
    expect(pragmas(db)).toEqual(EXPECTED_PRAGMAS);
  });

  it('enforces foreign keys on reopen', () => {
    const file = path.join(tempDir(), 'fk.sqlite');
    openTracked(file).close();
    const db = openTracked(file);
    expect(() => db.prepare("INSERT INTO account_roles (account_id, role) VALUES (999, 'operator')").run()).toThrow(/FOREIGN KEY/);
  });

  it('the pragmas hold for the database the core runs on', () => {
    const dir = tempDir();
    const core = startCore({
      dbFile: path.join(dir, 'app.sqlite'),
      appRoot: process.cwd(),
      clock: () => new Date('2025-03-05T00:00:00Z'),
      prefs: memoryPreferences(),
      printHost: fakePrintHost(),
      sleep: async () => undefined,
      scryptCost: 2 ** 10,
    });
    try {
      expect(pragmas(core.db)).toEqual(EXPECTED_PRAGMAS);
    } finally {
      core.close();
    }
  });
});

describe('a database from a newer version of the app', () => {
  for (const mode of ['wal', 'delete'] as const) {
    it(`is refused with DatabaseFromFutureError and left byte-for-byte untouched (journal_mode=${mode})`, () => {
      const dir = tempDir();
      const file = path.join(dir, 'future.sqlite');
      futureDatabase(file, mode);
      const before = sha256(file);

      let error: unknown;
      try {
        openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DatabaseFromFutureError);
      expect(error).toMatchObject({ fileVersion: MIGRATION_COUNT + 7, appVersion: MIGRATION_COUNT });
      expect((error as Error).message).toMatch(/Update the application/);

      expect(sha256(file)).toBe(before);
      // nothing left beside it either (a -wal file would hold changes)
      expect(fs.readdirSync(dir)).toEqual(['future.sqlite']);
    });
  }

  it('is refused by startCore too, without seeding anything into it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'future.sqlite');
    futureDatabase(file, 'wal');
    const before = sha256(file);
    expect(() =>
      startCore({
        dbFile: file,
        appRoot: process.cwd(),
        clock: () => new Date(),
        prefs: memoryPreferences(),
        printHost: fakePrintHost(),
        sleep: async () => undefined,
        scryptCost: 2 ** 10,
      }),
    ).toThrow(DatabaseFromFutureError);
    expect(sha256(file)).toBe(before);
    const check = new Database(file, { readonly: true });
    expect(userTables(check)).toEqual(['from_the_future']);
    check.close();
  });
});

describe('migrations run in one transaction', () => {
  function migrationsWithBroken0002(): string {
    const dir = tempDir();
    for (const f of fs.readdirSync(MIGRATIONS_DIR)) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
    const next = String(MIGRATION_COUNT + 1).padStart(4, '0');
    fs.writeFileSync(
      path.join(dir, `${next}_broken.sql`),
      `CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT;
       ALTER TABLE accounts ADD COLUMN nickname TEXT;
       INSERT INTO no_such_table (x) VALUES (1);`,
    );
    return dir;
  }

  it('a failing migration leaves an existing database at its version and schema', () => {
    const file = path.join(tempDir(), 'app.sqlite');
    const first = openTracked(file);
    const schemaBefore = first.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    first.close();

    expect(() => openDatabase(file, { migrationsDir: migrationsWithBroken0002() })).toThrow(/no_such_table/);

    const db = openTracked(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATION_COUNT);
    expect(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(schemaBefore);
    expect(userTables(db)).not.toContain('half_done');
  });

  it('a failure on a fresh file leaves it empty at version 0: earlier migrations roll back too', () => {
    const file = path.join(tempDir(), 'fresh.sqlite');
    expect(() => openDatabase(file, { migrationsDir: migrationsWithBroken0002() })).toThrow();
    const db = new Database(file);
    open.push(db);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(userTables(db)).toEqual([]);
  });

  it('migrate() applies only what is above user_version', () => {
    const file = path.join(tempDir(), 'app.sqlite');
    const db = openTracked(file);
    expect(migrate(db, MIGRATIONS_DIR)).toEqual({ from: MIGRATION_COUNT, to: MIGRATION_COUNT, applied: [] });
  });
});

describe('migration numbering', () => {
  it('a gap is detected before anything runs', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '0001_init.sql'), 'CREATE TABLE a (id INTEGER PRIMARY KEY);');
    fs.writeFileSync(path.join(dir, '0003_later.sql'), 'CREATE TABLE c (id INTEGER PRIMARY KEY);');
    expect(() => readMigrations(dir)).toThrow(/gap or duplicate at 0003_later\.sql/);

    const file = path.join(tempDir(), 'gap.sqlite');
    expect(() => openDatabase(file, { migrationsDir: dir })).toThrow(/gap/);
    const db = new Database(file);
    open.push(db);
    expect(userTables(db)).toEqual([]);
  });

  it('a duplicate number is detected', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '0001_init.sql'), 'SELECT 1;');
    fs.writeFileSync(path.join(dir, '0001_again.sql'), 'SELECT 1;');
    expect(() => readMigrations(dir)).toThrow(/gap or duplicate/);
  });

  it('the shipped migrations are numbered 0001… without gaps', () => {
    const list = readMigrations(MIGRATIONS_DIR);
    expect(list.map((m) => m.version)).toEqual(Array.from({ length: MIGRATION_COUNT }, (_, i) => i + 1));
  });
});
