import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseKeyError, openDatabase, openKeyed } from '../../../electron/core/db/open';
import { cleanedUp } from '../../support/cleanup';
import { okValue, SUPERVISOR } from '../../support/core';

const MIGRATIONS = path.join(process.cwd(), 'electron/core/db/migrations');
const HOUR = 3_600_000;

const scratch = cleanedUp();
const tempDir = () => scratch.tempDir('dufang-backup-');

async function encryptedCore(backupDir = tempDir()) {
  const key = randomBytes(32);
  let restored = 0;
  const t = scratch.core({ dbKey: key, safety: { defaultBackupDir: backupDir, onRestored: () => void restored++ } });
  await t.setupSupervisor('admin');
  return { t, key, backupDir, restoredCount: () => restored };
}

const accountNames = (file: string, key: Buffer) => {
  const db = openKeyed(file, { key, readonly: true });
  try {
    return (db.prepare('SELECT login_name AS n FROM accounts ORDER BY id').all() as { n: string }[]).map((r) => r.n);
  } finally {
    db.close();
  }
};

/** The backup folder is a network drive that went away: a file now sits where the folder was. */
async function unreachableShare(t: Awaited<ReturnType<typeof encryptedCore>>['t']): Promise<string> {
  const share = path.join(tempDir(), 'share');
  okValue(await t.call('admin', 'safety:setBackupPolicy', { folder: share, keep: 5 }));
  fs.rmSync(share, { recursive: true });
  fs.writeFileSync(share, 'not a folder');
  return share;
}

describe('backups', () => {
  it('one on demand: a verified, encrypted copy in the folder, listed, audited', async () => {
    const { t, key, backupDir } = await encryptedCore();
    const info = okValue(await t.call('admin', 'safety:backupNow', {}));
    expect(info).toMatchObject({ kind: 'manual', name: 'desk-20250305-010000-manual.sqlite3', createdAt: '2025-03-05T01:00:00.000Z' });
    const file = path.join(backupDir, info.name);
    expect(fs.readdirSync(backupDir)).toEqual([info.name]);
    expect(info.sizeBytes).toBe(fs.statSync(file).size);
    expect(() => openKeyed(file, { readonly: true })).toThrow(DatabaseKeyError);
    expect(accountNames(file, key)).toEqual([SUPERVISOR.loginName]);
    const overview = okValue(await t.call('admin', 'safety:backups', {}));
    expect(overview).toMatchObject({ folder: backupDir, keep: 14, backups: [info], folderProblem: null });
    expect(t.core.db.prepare("SELECT action, entity_id FROM audit_log WHERE action = 'backup'").all()).toEqual([{ action: 'backup', entity_id: info.name }]);
  });

  it('automatic: once a day from the job main runs every hour, rotating the oldest out', async () => {
    const { t, backupDir } = await encryptedCore();
    okValue(await t.call('admin', 'safety:setBackupPolicy', { folder: null, keep: 3 }));
    const made: string[] = [];
    for (let hour = 0; hour < 24 * 5; hour++) {
      const report = await t.core.jobs.runDue();
      if (report.backup && report.backup !== 'failed') made.push(report.backup.name);
      expect(report.backup).not.toBe('failed');
      t.clock.advance(HOUR);
    }
    expect(made).toHaveLength(5);
    const kept = okValue(await t.call('admin', 'safety:backups', {})).backups.map((b) => b.name);
    expect(kept).toEqual(made.slice(-3).reverse());
    expect(fs.readdirSync(backupDir).sort()).toEqual([...kept].sort());
    expect(okValue(await t.call('admin', 'safety:backups', {})).lastAutomaticAt).toBe('2025-03-09T01:00:00.000Z');
  });

  it('on quit: the day’s work goes into that day’s automatic backup, which replaces the day’s earlier one', async () => {
    const { t, key, backupDir } = await encryptedCore();
    okValue(await t.call('admin', 'safety:setBackupPolicy', { folder: null, keep: 3 }));
    // 09:00 Taipei: the morning's scheduled backup.
    const morning = (await t.core.jobs.runDue()).backup;
    if (!morning || morning === 'failed') throw new Error('no morning backup');
    // Nothing written since: quitting makes no backup.
    expect(t.core.jobs.backupOnQuit()).toBeNull();
    // The day's work, then the app is closed at 17:00.
    okValue(await t.call('admin', 'accounts:create', { displayName: '下午新人', loginName: 'afternoon', roles: ['counter'], password: 'Temp#12345', passwordConfirm: 'Temp#12345' }));
    t.clock.advance(8 * HOUR);
    const evening = t.core.jobs.backupOnQuit();
    if (!evening || evening === 'failed') throw new Error('no backup on quit');
    expect(evening.kind).toBe('auto');
    expect(accountNames(path.join(backupDir, evening.name), key)).toEqual([SUPERVISOR.loginName, 'afternoon']);
    // One automatic backup for the day: the evening's replaced the morning's.
    expect(fs.readdirSync(backupDir)).toEqual([evening.name]);
    const entry = t.core.db.prepare("SELECT details FROM audit_log WHERE action = 'backup' ORDER BY id DESC").get() as { details: string };
    expect(JSON.parse(entry.details)).toMatchObject({ kind: 'auto', onQuit: true });
    expect(okValue(await t.call('admin', 'safety:backups', {})).lastAutomaticAt).toBe(t.clock.now.toISOString());
    // The next morning's job is not due yet (the last backup is 16 hours old); the next day's quit makes the next day's.
    t.clock.advance(16 * HOUR);
    expect((await t.core.jobs.runDue()).backup).toBeNull();
    okValue(await t.call('admin', 'accounts:list', {}));
    t.clock.advance(8 * HOUR);
    const nextDay = t.core.jobs.backupOnQuit();
    if (!nextDay || nextDay === 'failed') throw new Error('no backup on the second quit');
    expect(fs.readdirSync(backupDir).sort()).toEqual([evening.name, nextDay.name].sort());
  });

  it('a failed backup on quit is recorded; after a restore, quitting leaves the new file alone', async () => {
    const { t } = await encryptedCore();
    const share = await unreachableShare(t);
    expect(t.core.jobs.backupOnQuit()).toBe('failed');
    const failed = t.core.db.prepare("SELECT details FROM audit_log WHERE action = 'backupFailed'").get() as { details: string };
    expect(JSON.parse(failed.details)).toEqual({ kind: 'auto', onQuit: true, reason: 'safety:backup.folderUnavailable' });
    // After a restore replaced the file, quitting does nothing to it.
    fs.rmSync(share);
    const before = okValue(await t.call('admin', 'safety:backupNow', {}));
    okValue(await t.call('admin', 'safety:restoreBackup', { name: before.name }));
    expect(t.core.jobs.backupOnQuit()).toBeNull();
  });

  it('half-written copies that a killed backup left are swept by the next backup, but not one another desk may be writing', async () => {
    const { t, backupDir } = await encryptedCore();
    const first = okValue(await t.call('admin', 'safety:backupNow', {}));
    // The app's clock says 2025-03-05 01:00; the files' times are set against it.
    const now = t.clock.now.getTime();
    const leftover = (name: string, ageMs: number) => {
      const file = path.join(backupDir, name);
      fs.writeFileSync(file, 'half a database');
      fs.utimesSync(file, new Date(now - ageMs), new Date(now - ageMs));
      return name;
    };
    const killed = leftover('.desk-20250303-220000-auto.sqlite3.partial', 27 * HOUR);
    const writing = leftover('.desk-20250305-005900-manual.sqlite3.partial', 60_000);
    const notOurs = leftover('.notes.partial', 27 * HOUR);
    t.clock.advance(HOUR);
    const second = okValue(await t.call('admin', 'safety:backupNow', {}));
    expect(fs.readdirSync(backupDir).sort()).toEqual([writing, notOurs, first.name, second.name].sort());
    expect(fs.existsSync(path.join(backupDir, killed))).toBe(false);
  });

  it('a staged copy that a killed restore or key change left beside the database is removed at the next start', async () => {
    const { t, key } = await encryptedCore();
    const staged = `${t.dbFile}.restoring`;
    fs.copyFileSync(t.dbFile, staged);
    fs.writeFileSync(`${staged}-journal`, 'hot journal of the killed rekey');
    t.core.close();
    const reopened = scratch.core({ dbFile: t.dbFile, dbKey: key });
    expect(fs.existsSync(staged)).toBe(false);
    expect(fs.existsSync(`${staged}-journal`)).toBe(false);
    expect(reopened.logs).toEqual([`discarded ${staged}, left by an unfinished restore or key change`]);
    // The database itself is untouched.
    expect(accountNames(t.dbFile, key)).toEqual([SUPERVISOR.loginName]);
  });

  it('a folder chosen by the supervisor must be absolute and writable; an unreachable one is refused at the field', async () => {
    const { t } = await encryptedCore();
    const share = path.join(tempDir(), 'share', 'desk');
    expect(await t.call('admin', 'safety:setBackupPolicy', { folder: 'relative/path', keep: 5 })).toMatchObject({
      ok: false,
      error: { field: 'folder', messageKey: 'safety:backup.folderNotAbsolute' },
    });
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, 'x');
    expect(await t.call('admin', 'safety:setBackupPolicy', { folder: path.join(blocker, 'sub'), keep: 5 })).toMatchObject({
      ok: false,
      error: { field: 'folder', messageKey: 'safety:backup.folderNotWritable' },
    });
    const settings = okValue(await t.call('admin', 'safety:setBackupPolicy', { folder: share, keep: 5 }));
    expect(settings).toMatchObject({ backupFolder: share, backupKeep: 5 });
    const info = okValue(await t.call('admin', 'safety:backupNow', {}));
    expect(fs.existsSync(path.join(share, info.name))).toBe(true);
  });

  it('a failed automatic backup is in the audit trail and is tried again an hour later', async () => {
    const { t } = await encryptedCore();
    const share = await unreachableShare(t);
    expect((await t.core.jobs.runDue()).backup).toBe('failed');
    const failed = t.core.db.prepare("SELECT details FROM audit_log WHERE action = 'backupFailed'").get() as { details: string };
    expect(JSON.parse(failed.details)).toEqual({ kind: 'auto', reason: 'safety:backup.folderUnavailable' });
    expect(t.logs).toHaveLength(1);
    fs.rmSync(share);
    t.clock.advance(HOUR);
    expect((await t.core.jobs.runDue()).backup).toMatchObject({ kind: 'auto' });
  });
});

describe('restore', () => {
  it('backs up the current file first, replaces it, halts the core, and the reopened core has the backup', async () => {
    const { t, key, backupDir, restoredCount } = await encryptedCore();
    const before = okValue(await t.call('admin', 'safety:backupNow', {}));
    // Work done after the backup, which the restore takes back.
    okValue(await t.call('admin', 'accounts:create', { displayName: '後來的人', loginName: 'later', roles: ['counter'], password: 'Temp#12345', passwordConfirm: 'Temp#12345' }));
    t.clock.advance(HOUR);

    const result = okValue(await t.call('admin', 'safety:restoreBackup', { name: before.name }));
    expect(result.safetyCopy.kind).toBe('preRestore');
    expect(restoredCount()).toBe(1);
    // The pre-restore copy holds the work the restore takes back.
    expect(accountNames(path.join(backupDir, result.safetyCopy.name), key)).toEqual([SUPERVISOR.loginName, 'later']);
    // Until the app restarts, the old core answers nothing but "restarting".
    expect(await t.call('admin', 'accounts:list', {})).toEqual({ ok: false, error: { code: 'locked', messageKey: 'safety:restore.restarting' } });
    expect(await t.call('admin', 'safety:startup', {})).toEqual({ ok: true, value: { mode: 'restarting' } });
    expect(await t.core.jobs.runDue()).toEqual({ backup: null, retention: null });

    const reopened = scratch.core({ dbFile: t.dbFile, dbKey: key });
    expect(reopened.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(okValue(await reopened.call('x', 'auth:signIn', { loginName: SUPERVISOR.loginName, password: SUPERVISOR.password })).loginName).toBe(SUPERVISOR.loginName);
    expect(okValue(await reopened.call('x', 'accounts:list', {})).map((a) => a.loginName)).toEqual([SUPERVISOR.loginName]);
    const trail = reopened.core.db.prepare("SELECT action, entity_id, account_id FROM audit_log WHERE action = 'restore'").all();
    expect(trail).toEqual([{ action: 'restore', entity_id: before.name, account_id: 1 }]);
  });

  it('refuses a damaged backup, a backup under another key, and a name that is not a backup — and changes nothing', async () => {
    const { t, backupDir } = await encryptedCore();
    const good = okValue(await t.call('admin', 'safety:backupNow', {}));
    // Damage: flip bytes in the middle of a copy.
    const damaged = path.join(backupDir, 'desk-20250101-000000-manual.sqlite3');
    const bytes = fs.readFileSync(path.join(backupDir, good.name));
    bytes.fill(0x55, 5000, 6000);
    fs.writeFileSync(damaged, bytes);
    // Another installation's backup.
    const other = scratch.core({ dbKey: randomBytes(32), safety: { defaultBackupDir: backupDir } });
    await other.setupSupervisor('admin');
    t.clock.advance(HOUR);
    const foreign = okValue(await other.call('admin', 'safety:backupNow', {}));
    const countBefore = fs.readdirSync(backupDir).length;
    const rowsBefore = t.rowCounts();

    expect(await t.call('admin', 'safety:restoreBackup', { name: path.basename(damaged) })).toMatchObject({ ok: false, error: { field: 'name' } });
    expect(await t.call('admin', 'safety:restoreBackup', { name: foreign.name })).toMatchObject({ ok: false, error: { messageKey: 'safety:backup.wrongKey' } });
    expect(await t.call('admin', 'safety:restoreBackup', { name: '../app.sqlite' })).toMatchObject({ ok: false, error: { code: 'validation', messageKey: 'safety:backup.unknownFile' } });
    expect(await t.call('admin', 'safety:restoreBackup', { name: 'desk-20240101-000000-auto.sqlite3' })).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(fs.readdirSync(backupDir)).toHaveLength(countBefore);
    expect(t.core.safety.halted).toBe(false);
    expect(t.rowCounts()).toEqual(rowsBefore);
  });

  it('a backup made by an older version of the app is migrated when opened after the restore', async () => {
    const { t, key, backupDir } = await encryptedCore();
    // A copy at schema version 1, as an early installation would have made it.
    const old = path.join(tempDir(), 'old.sqlite3');
    const oldMigrations = tempDir();
    fs.copyFileSync(path.join(MIGRATIONS, '0001_init.sql'), path.join(oldMigrations, '0001_init.sql'));
    const { db } = openDatabase(old, { migrationsDir: oldMigrations, key });
    db.prepare("VACUUM INTO ?").run(path.join(backupDir, 'desk-20240101-000000-manual.sqlite3'));
    db.close();
    okValue(await t.call('admin', 'safety:restoreBackup', { name: 'desk-20240101-000000-manual.sqlite3' }));
    const reopened = scratch.core({ dbFile: t.dbFile, dbKey: key });
    const version = reopened.core.db.pragma('user_version', { simple: true });
    expect(version).toBe(fs.readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).length);
  });
});
