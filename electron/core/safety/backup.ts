/**
 * Online backups and restore (issue 7 §3). A backup is `VACUUM INTO` a temporary name in the
 * backup folder — a consistent snapshot taken inside one read transaction while the app keeps
 * writing, encrypted with the same key as the database — then fsynced, opened with the key and
 * checked with integrity_check, and only then renamed to its final name. A half-written or
 * unverified copy therefore never carries a backup's name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_NAME_RE, type BackupInfo } from '../../../shared/api/channels/safety';
import { BACKUP_KINDS, type BackupKind } from '../../../shared/domain/safety';
import { taipeiDateKey } from '../../../shared/lib/time';
import { readMigrations } from '../db/migrate';
import { currentVersion, DatabaseKeyError, openKeyed, type Db } from '../db/open';
import { appError, AppError } from '../errors';
import type { SafetyRuntime } from './runtime';
import { readSetting } from './settings';

export function backupFolder(db: Db, runtime: SafetyRuntime): string {
  return readSetting(db, 'backup.folder') ?? runtime.defaultBackupDir;
}

function stampOf(at: string): string {
  // 2025-03-05T14:00:00.000Z → 20250305-140000 (UTC, so names sort by time everywhere).
  return at.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/** What a backup's name says: its kind and when it was made (UTC). */
function nameInfo(name: string): Omit<BackupInfo, 'sizeBytes'> | null {
  const m = BACKUP_NAME_RE.exec(name);
  if (!m) return null;
  const [, d = '', t = '', , kind = 'manual'] = m;
  const createdAt = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.000Z`;
  return { name, kind: kind as BackupKind, createdAt };
}

function infoOf(folder: string, name: string): BackupInfo | null {
  const named = nameInfo(name);
  if (!named) return null;
  try {
    return { ...named, sizeBytes: fs.statSync(path.join(folder, name)).size };
  } catch {
    return null;
  }
}

const newestFirst = (list: (BackupInfo | null)[]): BackupInfo[] =>
  list.filter((b): b is BackupInfo => b !== null).sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));

/** Newest first. Throws when the folder cannot be read (a network drive that is not there). */
export function listBackups(folder: string): BackupInfo[] {
  if (!fs.existsSync(folder)) return [];
  return newestFirst(fs.readdirSync(folder).map((name) => infoOf(folder, name)));
}

/**
 * listBackups without holding the main thread: a share that stopped answering keeps a thread of
 * the pool waiting on the operating system, not every window of the app.
 */
export async function listBackupsAsync(folder: string): Promise<BackupInfo[]> {
  let names: string[];
  try {
    names = await fs.promises.readdir(folder);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const infos = names.map(async (name) => {
    const named = nameInfo(name);
    if (!named) return null;
    try {
      return { ...named, sizeBytes: (await fs.promises.stat(path.join(folder, name))).size };
    } catch {
      return null;
    }
  });
  return newestFirst(await Promise.all(infos));
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable. Windows cannot open a directory for fsync; NTFS journals renames itself. */
function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface VerifiedCopy {
  version: number;
}

/**
 * Opens a copy with the key, read-only, and runs the full integrity_check. Refuses a copy
 * written by a newer version of the app (it could not be opened after a restore).
 */
export function verifyCopy(file: string, key: Buffer | null, latestVersion: number): VerifiedCopy {
  let db: Db;
  try {
    db = openKeyed(file, { key: key ?? undefined, readonly: true, fileMustExist: true });
  } catch (e) {
    if (e instanceof DatabaseKeyError) throw appError('validation', 'safety:backup.wrongKey', { field: 'name' });
    throw appError('validation', 'safety:backup.unreadable', { field: 'name' });
  }
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw appError('validation', 'safety:backup.damaged', { field: 'name' });
    const version = currentVersion(db);
    if (version > latestVersion) throw appError('validation', 'safety:backup.fromNewerApp', { field: 'name' });
    return { version };
  } finally {
    db.close();
  }
}

/**
 * Verifies a copy with the key it was made with: today's, or one the database had before a key
 * change (backups keep the key of their day). Says which key opened it.
 */
export function verifyWithKnownKeys(file: string, runtime: Pick<SafetyRuntime, 'dbKey' | 'retiredKeys'>, latestVersion: number): VerifiedCopy & { key: Buffer | null } {
  const keys = [runtime.dbKey, ...(runtime.dbKey ? runtime.retiredKeys : [])];
  for (const [i, key] of keys.entries()) {
    try {
      return { ...verifyCopy(file, key, latestVersion), key };
    } catch (e) {
      const wrongKey = e instanceof AppError && e.error.messageKey === 'safety:backup.wrongKey';
      if (!wrongKey || i === keys.length - 1) throw e;
    }
  }
  throw appError('validation', 'safety:backup.wrongKey', { field: 'name' });
}

function uniqueName(folder: string, at: string, kind: BackupKind): string {
  const stamp = stampOf(at);
  for (let n = 0; n < 1000; n++) {
    const name = `desk-${stamp}${n === 0 ? '' : `-${n}`}-${kind}.sqlite3`;
    if (!fs.existsSync(path.join(folder, name))) return name;
  }
  throw appError('conflict', 'safety:backup.tooMany');
}

/** Keeps the newest `keep` backups of one kind; the others are deleted. */
export function rotateBackups(folder: string, kind: BackupKind, keep: number): string[] {
  const removed: string[] = [];
  for (const b of listBackups(folder).filter((x) => x.kind === kind).slice(keep)) {
    fs.rmSync(path.join(folder, b.name), { force: true });
    removed.push(b.name);
  }
  return removed;
}

/**
 * Automatic backups are one per Taipei day: once `kept` is verified and named, the day's earlier
 * automatic backups go. So "keep 14" keeps 14 days, however often the app was closed.
 */
export function supersedeSameDay(folder: string, kept: BackupInfo): string[] {
  const day = taipeiDateKey(kept.createdAt);
  const removed: string[] = [];
  for (const b of listBackups(folder)) {
    if (b.kind === kept.kind && b.name !== kept.name && b.createdAt < kept.createdAt && taipeiDateKey(b.createdAt) === day) {
      fs.rmSync(path.join(folder, b.name), { force: true });
      removed.push(b.name);
    }
  }
  return removed;
}

/** A half-written copy this old was left by a backup that did not live to finish (killed, power cut). */
const STALE_PARTIAL_MS = 12 * 3_600_000;

const PARTIAL = '.partial';
const isPartial = (name: string) => name.startsWith('.') && name.endsWith(PARTIAL) && BACKUP_NAME_RE.test(name.slice(1, -PARTIAL.length));

/**
 * Deletes the `.partial` copies that backups cut short left in the folder: each is a whole
 * encrypted copy of the database, and nothing else ever removes it. Only old ones: the folder may
 * be a share where another desk is writing its own copy right now. What cannot be deleted stays.
 */
export function sweepPartials(folder: string, at: string): string[] {
  const removed: string[] = [];
  const before = Date.parse(at) - STALE_PARTIAL_MS;
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!isPartial(name)) continue;
    try {
      const file = path.join(folder, name);
      if (fs.statSync(file).mtimeMs > before) continue;
      fs.rmSync(file, { force: true });
      removed.push(name);
    } catch {
      // Open elsewhere or gone already: the next backup tries again.
    }
  }
  return removed;
}

/**
 * Everything a backup needs, as plain data: it is carried out on a worker thread (backupRunner.ts)
 * with its own connection, so the desk keeps answering while a big file is copied and checked.
 */
export interface BackupJob {
  dbFile: string;
  /** the database key (a Uint8Array once it has crossed to the worker); null when not encrypted */
  key: Uint8Array | null;
  folder: string;
  kind: BackupKind;
  at: string;
  keep: number;
  latestVersion: number;
  /** automatic backups are one per Taipei day: the day's earlier ones go once this one is named */
  onePerDay: boolean;
}

export function backupJob(db: Db, runtime: SafetyRuntime, kind: BackupKind, at: string): BackupJob {
  if (!BACKUP_KINDS.includes(kind)) throw new Error(`unknown backup kind ${kind}`);
  return {
    dbFile: runtime.dbFile,
    key: runtime.dbKey,
    folder: backupFolder(db, runtime),
    kind,
    at,
    keep: readSetting(db, 'backup.keep'),
    latestVersion: readMigrations(runtime.migrationsDir).length,
    onePerDay: kind === 'auto',
  };
}

/** `VACUUM INTO` from a connection of its own: one read transaction, while the desk's connection keeps writing (WAL). */
function vacuumInto(dbFile: string, key: Buffer | null, target: string): void {
  const source = openKeyed(dbFile, { key: key ?? undefined, fileMustExist: true });
  try {
    // A bound parameter: the folder is the supervisor's text and may hold quotes.
    source.prepare('VACUUM INTO ?').run(target);
  } finally {
    source.close();
  }
}

/**
 * Carries out a backup: the copy under a temporary name, fsynced, verified with the key, then
 * named; then the older ones of its kind rotated out. Touches only files and its own
 * connection, never the desk's, so it runs the same on a worker thread or in line.
 */
export function runBackupJob(job: BackupJob): BackupInfo {
  const { folder, at, kind } = job;
  const key = job.key ? Buffer.from(job.key) : null;
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch {
    throw appError('conflict', 'safety:backup.folderUnavailable', { params: { folder } });
  }
  sweepPartials(folder, at);
  const name = uniqueName(folder, at, kind);
  const partial = path.join(folder, `.${name}${PARTIAL}`);
  try {
    fs.rmSync(partial, { force: true });
    vacuumInto(job.dbFile, key, partial);
    fsyncFile(partial);
    verifyCopy(partial, key, job.latestVersion);
    fs.renameSync(partial, path.join(folder, name));
    fsyncDir(folder);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    if (e instanceof AppError) throw e;
    throw appError('conflict', 'safety:backup.failed', { params: { folder } });
  }
  rotateBackups(folder, kind, job.keep);
  const info = infoOf(folder, name);
  if (!info) throw appError('conflict', 'safety:backup.failed', { params: { folder } });
  if (job.onePerDay) supersedeSameDay(folder, info);
  return info;
}

/** A backup in line, blocking: for a restore's safety copy and the last one as the app quits. */
export function createBackup(db: Db, runtime: SafetyRuntime, kind: BackupKind, at: string): BackupInfo {
  return runBackupJob(backupJob(db, runtime, kind, at));
}

/** Where a file waits, beside the database, to replace it (a rename within one folder is atomic). */
export const stagedPath = (runtime: Pick<SafetyRuntime, 'dbFile'>): string => `${runtime.dbFile}.restoring`;

/**
 * Removes a staged file, with its journal, that a restore or key change killed midway left
 * beside the database. It is never needed: the database is replaced only by a complete, checked
 * copy, in one rename. Called as the core starts, when no restore or key change can be running.
 */
export function discardStaged(runtime: Pick<SafetyRuntime, 'dbFile'>): boolean {
  const staged = stagedPath(runtime);
  const found = fs.existsSync(staged);
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${staged}${suffix}`, { force: true });
  return found;
}

/** Copies `source` to the staging name, fsynced; the caller may still change it before swapIn. */
export function stageCopy(runtime: Pick<SafetyRuntime, 'dbFile'>, source: string): string {
  const staged = stagedPath(runtime);
  fs.copyFileSync(source, staged);
  fsyncFile(staged);
  return staged;
}

/**
 * Puts a staged file in place of the database. The running connection is closed first and the
 * core is halted: the app relaunches and opens the new file from scratch.
 */
export function swapIn(db: Db, runtime: SafetyRuntime, staged: string): void {
  const target = runtime.dbFile;
  fsyncFile(staged);
  // Fold the WAL into the file and end the connection: no page of the old database may be
  // applied on top of the new one.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  runtime.halted = true;
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(staged, target);
  fsyncDir(path.dirname(target));
}
