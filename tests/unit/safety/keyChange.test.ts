import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseKeyError, openKeyed } from '../../../electron/core/db/open';
import { formatRecoveryKey } from '../../../electron/core/safety/recoveryKey';
import type { KeyStore } from '../../../electron/core/safety/runtime';
import { cleanedUp } from '../../support/cleanup';
import { okValue, SUPERVISOR } from '../../support/core';

const HOUR = 3_600_000;

const scratch = cleanedUp();

/** The key file as main keeps it, in memory: what was staged, committed, discarded, in order. */
function memoryKeyStore(opts: { failStage?: boolean } = {}) {
  const log: string[] = [];
  let pending: Buffer | null = null;
  let committed: { key: Buffer; retired: Buffer } | null = null;
  const store: KeyStore = {
    async stage(key) {
      if (opts.failStage) throw new Error('keyring gone');
      log.push('stage');
      pending = key;
    },
    async commit(key, old) {
      log.push('commit');
      committed = { key, retired: old };
      pending = null;
    },
    async discard() {
      log.push('discard');
      pending = null;
    },
  };
  return { store, log, pending: () => pending, committed: () => committed };
}

async function encryptedCore(keyStore?: KeyStore) {
  const key = randomBytes(32);
  const backupDir = scratch.tempDir('dufang-keychange-');
  let relaunches = 0;
  const t = scratch.core({ dbKey: key, safety: { defaultBackupDir: backupDir, keyStore, onRestored: () => void relaunches++ } });
  await t.setupSupervisor('admin');
  okValue(await t.call('admin', 'safety:confirmRecoveryKey', { stored: true }));
  return { t, key, backupDir, relaunches: () => relaunches };
}

const opensWith = (file: string, key: Buffer): boolean => {
  try {
    openKeyed(file, { key, readonly: true, fileMustExist: true }).close();
    return true;
  } catch (e) {
    if (e instanceof DatabaseKeyError) return false;
    throw e;
  }
};

describe('changing the database key', () => {
  it('re-encrypts the file with a new key, asks for the new recovery key, and restarts', async () => {
    const keys = memoryKeyStore();
    const { t, key, relaunches } = await encryptedCore(keys.store);
    okValue(await t.call('admin', 'accounts:create', { displayName: '陳小華', loginName: 'chen', roles: ['operator'], password: 'Temp#12345', passwordConfirm: 'Temp#12345' }));
    t.clock.advance(HOUR);

    expect(okValue(await t.call('admin', 'safety:changeKey', { confirm: true }))).toEqual({ restarting: true });

    // Staged before the file changed, committed after: a crash in between is main's to resolve.
    expect(keys.log).toEqual(['stage', 'commit']);
    const committed = keys.committed();
    if (!committed) throw new Error('no key committed');
    expect(committed.retired.equals(key)).toBe(true);
    expect(committed.key.equals(key)).toBe(false);
    expect(relaunches()).toBe(1);
    expect(t.core.safety.halted).toBe(true);
    expect(await t.call('admin', 'accounts:list', {})).toEqual({ ok: false, error: { code: 'locked', messageKey: 'safety:restore.restarting' } });
    expect(fs.readdirSync(path.dirname(t.dbFile)).filter((f) => f.startsWith(path.basename(t.dbFile)))).toEqual([path.basename(t.dbFile)]);

    // The old key (and so the old recovery key) no longer opens the file; the new one does.
    expect(opensWith(t.dbFile, key)).toBe(false);
    const reopened = scratch.core({ dbFile: t.dbFile, dbKey: committed.key });
    expect(reopened.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reopened.core.db.pragma('journal_mode', { simple: true })).toBe('wal');
    okValue(await reopened.call('admin', 'auth:signIn', { loginName: SUPERVISOR.loginName, password: SUPERVISOR.password }));
    expect(okValue(await reopened.call('admin', 'accounts:list', {})).map((a) => a.loginName)).toEqual([SUPERVISOR.loginName, 'chen']);
    // The supervisor is asked to print and seal the new recovery key, as at setup.
    expect(okValue(await reopened.call('admin', 'safety:status', {})).recoveryKeyPending).toBe(true);
    expect(okValue(await reopened.call('admin', 'safety:recoveryKey', {})).recoveryKey).toBe(formatRecoveryKey(committed.key));
    const trail = reopened.core.db.prepare("SELECT action, entity, account_id AS accountId, details FROM audit_log WHERE action = 'changeKey'").all();
    expect(trail).toEqual([{ action: 'changeKey', entity: 'database', accountId: 1, details: JSON.stringify({ by: SUPERVISOR.loginName }) }]);
  });

  it('a backup made before the change restores with the old key kept aside, re-encrypted with the new one', async () => {
    const keys = memoryKeyStore();
    const { t, key, backupDir } = await encryptedCore(keys.store);
    const before = okValue(await t.call('admin', 'safety:backupNow', {}));
    t.clock.advance(HOUR);
    okValue(await t.call('admin', 'safety:changeKey', { confirm: true }));
    const newKey = keys.committed()?.key ?? Buffer.alloc(0);

    // Without the old key (lost with the keyring, say) the old backup cannot be restored.
    const forgetful = scratch.core({ dbFile: t.dbFile, dbKey: newKey, safety: { defaultBackupDir: backupDir } });
    okValue(await forgetful.call('admin', 'auth:signIn', { loginName: SUPERVISOR.loginName, password: SUPERVISOR.password }));
    expect(await forgetful.call('admin', 'safety:restoreBackup', { name: before.name })).toMatchObject({ ok: false, error: { messageKey: 'safety:backup.wrongKey' } });
    expect(forgetful.core.safety.halted).toBe(false);
    forgetful.core.close();

    let relaunched = 0;
    const t2 = scratch.core({ dbFile: t.dbFile, dbKey: newKey, start: new Date(t.clock.now.getTime() + HOUR), safety: { defaultBackupDir: backupDir, retiredKeys: [key], onRestored: () => void relaunched++ } });
    okValue(await t2.call('admin', 'auth:signIn', { loginName: SUPERVISOR.loginName, password: SUPERVISOR.password }));
    const result = okValue(await t2.call('admin', 'safety:restoreBackup', { name: before.name }));
    expect(relaunched).toBe(1);
    // The safety copy is made with today's key; the restored file opens with it, not the old one.
    expect(opensWith(path.join(backupDir, result.safetyCopy.name), newKey)).toBe(true);
    expect(opensWith(t.dbFile, key)).toBe(false);
    const reopened = scratch.core({ dbFile: t.dbFile, dbKey: newKey });
    expect(reopened.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const restore = reopened.core.db.prepare("SELECT details FROM audit_log WHERE action = 'restore'").get() as { details: string };
    expect(JSON.parse(restore.details)).toMatchObject({ from: before.name, reencrypted: true });
    // The backup was taken before the change: its trail has no key change.
    expect(reopened.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'changeKey'").get()).toEqual({ n: 0 });
  });

  it('when the new key cannot be kept, nothing changes', async () => {
    const keys = memoryKeyStore({ failStage: true });
    const { t, key, relaunches } = await encryptedCore(keys.store);
    const rows = t.rowCounts();
    expect(await t.call('admin', 'safety:changeKey', { confirm: true })).toEqual({ ok: false, error: { code: 'conflict', messageKey: 'safety:changeKey.keyringFailed' } });
    expect(t.core.safety.halted).toBe(false);
    expect(relaunches()).toBe(0);
    expect(t.rowCounts()).toEqual(rows);
    t.core.close();
    expect(opensWith(t.dbFile, key)).toBe(true);
  });

  it('when the re-encrypted copy fails its check, the copy and the pending key are dropped and the app goes on', async () => {
    const keys = memoryKeyStore();
    const { t, key, relaunches } = await encryptedCore(keys.store);
    // A copy that reads as written by a newer app fails verification, like a damaged one would.
    const realMigrations = t.core.safety.migrationsDir;
    t.core.safety.migrationsDir = scratch.tempDir('dufang-nomigrations-');
    expect(await t.call('admin', 'safety:changeKey', { confirm: true })).toEqual({ ok: false, error: { code: 'conflict', messageKey: 'safety:changeKey.failed' } });
    t.core.safety.migrationsDir = realMigrations;

    expect(keys.log).toEqual(['stage', 'discard']);
    expect(keys.pending()).toBeNull();
    expect(relaunches()).toBe(0);
    expect(t.core.safety.halted).toBe(false);
    expect(fs.existsSync(`${t.dbFile}.restoring`)).toBe(false);
    // The desk keeps working on the same file, and the trail says the change failed.
    okValue(await t.call('admin', 'accounts:create', { displayName: '後來的人', loginName: 'later', roles: ['counter'], password: 'Temp#12345', passwordConfirm: 'Temp#12345' }));
    const failed = t.core.db.prepare("SELECT details FROM audit_log WHERE action = 'changeKeyFailed'").get() as { details: string };
    expect(JSON.parse(failed.details)).toEqual({ error: 'safety:backup.fromNewerApp' });
    t.core.close();
    expect(opensWith(t.dbFile, key)).toBe(true);
  });

  it('needs an encrypted database with a place to keep the key, and the confirmation', async () => {
    const { t } = await encryptedCore();
    expect(await t.call('admin', 'safety:changeKey', { confirm: true })).toMatchObject({ ok: false, error: { messageKey: 'safety:changeKey.unavailable' } });
    expect(await t.callRaw('admin', 'safety:changeKey', { confirm: false })).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ field: 'confirm', messageKey: 'safety:changeKey.mustConfirm' }] } });
    const plain = scratch.core({ safety: { keyStore: memoryKeyStore().store } });
    await plain.setupSupervisor('admin');
    expect(await plain.call('admin', 'safety:changeKey', { confirm: true })).toMatchObject({ ok: false, error: { messageKey: 'safety:recoveryKey.notEncrypted' } });
    const op = await t.signInAs('op', ['operator']);
    expect(op.roles).toEqual(['operator']);
    expect(await t.call('op', 'safety:changeKey', { confirm: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
