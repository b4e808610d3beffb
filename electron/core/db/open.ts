// The one place that loads the SQLite driver. better-sqlite3-multiple-ciphers is better-sqlite3
// with SQLite3MultipleCiphers compiled in: same API, plus encryption of the file and its WAL.
import Driver from 'better-sqlite3-multiple-ciphers';
import type BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import { migrate, readMigrations, refuseNewerDatabase, type MigrationReport } from './migrate';
import { cacheStatements } from './statementCache';

export type Db = BetterSqlite3.Database;

/** The raw database key: 32 random bytes (electron/main/dbKey.ts makes and keeps it). */
export const DB_KEY_BYTES = 32;

export interface OpenOptions {
  migrationsDir: string;
  readonly?: boolean;
  /** the raw key; without it the file is plain SQLite (only tests open files that way) */
  key?: Buffer;
}

/** Thrown when the file cannot be read with the key given (wrong key, no key, or not a database). */
export class DatabaseKeyError extends Error {
  constructor(readonly file: string) {
    super(`The database ${file} cannot be read with this key: it was encrypted with another key, or it is not a database.`);
    this.name = 'DatabaseKeyError';
  }
}

/**
 * Durability, in the order they are set on every open (docs/data-safety in the README):
 * - WAL: a crash mid-write leaves the last committed state intact, and readers never block the
 *   writer (https://sqlite.org/wal.html).
 * - synchronous = FULL: with WAL, NORMAL may lose the last commits on power loss; FULL fsyncs the
 *   WAL on every commit. A call acknowledged to the operator must survive a power cut, and our
 *   writes are few and small. better-sqlite3 reopens a WAL file at NORMAL, hence every open.
 * - foreign_keys: SQLite leaves them off unless asked, per connection.
 * - busy_timeout: wait (instead of SQLITE_BUSY) while a backup or another reader holds a lock.
 * tests/durability/ kills a writer with these pragmas at random moments (they are passed to it
 * from here, so the test cannot drift from the app).
 */
export const DURABILITY_PRAGMAS = ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'busy_timeout = 5000'] as const;

/**
 * Privacy, on every open too:
 * - temp_store = MEMORY: SQLite3MultipleCiphers does not encrypt temporary files (sorts, temp
 *   tables, statement journals), and this build defaults to files (TEMP_STORE=1).
 * - secure_delete = ON: freed pages are zeroed, so what retention anonymised or a person
 *   deleted is not left in free space for anyone holding the key.
 */
export const PRIVACY_PRAGMAS = ['temp_store = MEMORY', 'secure_delete = ON'] as const;

/**
 * Speed (issue 8, measured on ten years of data with `npm run bench`):
 * - cache_size: a page cache of 64 MiB instead of 16. Every page the cache misses is read and
 *   decrypted again (AES + HMAC per 4 KiB page); the pages the desk reads over and over
 *   (attendees for check-in, a year of calls for statistics) are tens of MiB. A check-in lookup
 *   among the people who may walk in went from 56 ms to 2.3 ms.
 * - wal_autocheckpoint: the WAL is checkpointed in idle time (db/maintenance.ts); the commit
 *   that crosses this many pages (40 MiB, a long burst of writes) still does it itself.
 */
export const PERFORMANCE_PRAGMAS = ['cache_size = -65536', 'wal_autocheckpoint = 10000'] as const;

/**
 * The cipher: SQLCipher 4's format (AES-256-CBC + HMAC-SHA512 per page), so the file opens in
 * DB Browser for SQLCipher with the recovery key given as a raw hex key. A raw 32-byte key skips
 * the passphrase KDF: the key is random, not a password, so stretching it adds nothing.
 * These must run before anything else touches the file.
 */
export function keyPragmas(key: Buffer): string[] {
  return ["cipher = 'sqlcipher'", 'legacy = 4', `key = ${rawKey(key)}`];
}

/** A raw key as SQLite3MultipleCiphers takes it: a blob literal, so it skips the passphrase KDF. */
function rawKey(key: Buffer): string {
  if (key.length !== DB_KEY_BYTES) throw new Error(`A database key has ${DB_KEY_BYTES} bytes`);
  return `"x'${key.toString('hex')}'"`;
}

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** True when the file exists and starts with SQLite's plain-text header (i.e. is not encrypted). */
export function isPlaintextDatabase(file: string): boolean {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(PLAIN_HEADER.length);
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(PLAIN_HEADER);
  } catch {
    return false;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * Opens a file with the key set and proves the key works, without migrating or changing the
 * journal mode: for checking backups and recovery keys. The caller closes it.
 */
export function openKeyed(file: string, options: { key?: Buffer; readonly?: boolean; fileMustExist?: boolean } = {}): Db {
  const db = new Driver(file, { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false, timeout: 5000 }) as unknown as Db;
  try {
    if (options.key) for (const p of keyPragmas(options.key)) db.pragma(p);
    // Before the first read: an integrity check of a big file may spill to temporary storage.
    db.pragma('temp_store = MEMORY');
    try {
      // The first read decrypts page 1: a wrong key fails here, not somewhere later.
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (e) {
      if (e instanceof Error && 'code' in e && e.code === 'SQLITE_NOTADB') throw new DatabaseKeyError(file);
      throw e;
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * A database from before encryption (plain SQLite) is encrypted in place with the key, once.
 * SQLite3MultipleCiphers cannot rekey in WAL mode, so the file leaves WAL first (which also
 * folds the plain-text WAL into the file before that is encrypted).
 */
function encryptInPlace(file: string, key: Buffer, latestVersion: number): void {
  const db = new Driver(file, { timeout: 5000 }) as unknown as Db;
  try {
    refuseNewerDatabase(db, latestVersion);
    db.pragma('journal_mode = DELETE');
    const [cipher, legacy] = keyPragmas(key);
    db.pragma(cipher as string);
    db.pragma(legacy as string);
    db.pragma(`rekey = ${rawKey(key)}`);
  } finally {
    db.close();
  }
}

/**
 * Re-encrypts a file nobody has open from one key to another (a key change, or a backup made
 * under an earlier key being restored). Outside WAL mode for the same reason as above; the
 * app's next open puts the file back in WAL.
 */
export function rekeyFile(file: string, from: Buffer, to: Buffer): void {
  const db = openKeyed(file, { key: from, fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey = ${rawKey(to)}`);
  } finally {
    db.close();
  }
}

/**
 * Opens the one database file and sets every pragma on every open — better-sqlite3
 * reopens WAL databases at synchronous=NORMAL, so nothing set once can be trusted later.
 */
export function openDatabase(file: string, options: OpenOptions): { db: Db; migrations: MigrationReport } {
  const latest = readMigrations(options.migrationsDir).length;
  if (options.key && !options.readonly && isPlaintextDatabase(file)) encryptInPlace(file, options.key, latest);
  const db = openKeyed(file, { key: options.key, readonly: options.readonly });
  try {
    // Before any other pragma: a newer file must be left exactly as it is (journal_mode writes the header).
    if (!options.readonly) refuseNewerDatabase(db, latest);
    applyPragmas(db);
    cacheStatements(db);
    const migrations = options.readonly ? { from: currentVersion(db), to: currentVersion(db), applied: [] } : migrate(db, options.migrationsDir);
    return { db, migrations };
  } catch (err) {
    db.close();
    throw err;
  }
}

export function applyPragmas(db: Db): void {
  for (const p of [...DURABILITY_PRAGMAS, ...PRIVACY_PRAGMAS, ...PERFORMANCE_PRAGMAS]) {
    // A read-only connection cannot change the journal mode; the file already has it.
    if (db.readonly && p.startsWith('journal_mode')) continue;
    db.pragma(p);
  }
}

export function currentVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
