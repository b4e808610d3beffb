/**
 * Changing the database key (更換資料庫金鑰). Once the sealed recovery key has been opened, or
 * someone who saw it has left, everyone who read it can decrypt a copy of the file: a new key
 * and a new recovery key end that. The file is never rekeyed in place — SQLite3MultipleCiphers
 * cannot do that atomically in WAL mode — but copied, re-encrypted, verified, and renamed over
 * the old one, exactly as a restore replaces it:
 *
 * 1. the new key is kept beside the current one (main: desk.key.json, wrapped by the keyring);
 * 2. `VACUUM INTO` a staged copy, rekey the copy, record the change in the copy's own trail and
 *    ask the supervisors for the new recovery key again, integrity_check it with the new key;
 * 3. rename the copy over the database (the core halts), make the new key the key, relaunch.
 *
 * Steps 2 and 3 run without yielding, so no other call can write to the old file after the copy
 * was taken. A crash before the rename leaves the old file and the old key; after it, the new
 * file with the new key still pending, which main's next start promotes (dbKey.ts).
 * Backups made before keep the old key; the key store keeps it to restore them.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { appendAudit } from '../audit/repository';
import { requireActor, type HandlerContext } from '../context';
import { readMigrations } from '../db/migrate';
import { DB_KEY_BYTES, openKeyed, rekeyFile } from '../db/open';
import { appError, AppError } from '../errors';
import { stagedPath, swapIn, verifyCopy } from './backup';
import { writeSetting } from './settings';

export function changeDatabaseKey(ctx: HandlerContext): Promise<{ restarting: true }> {
  // In the backups' line: no backup holds the file open while it is replaced (backupRunner.ts).
  return ctx.safety.backups.exclusive(() => changeKeyNow(ctx));
}

async function changeKeyNow(ctx: HandlerContext): Promise<{ restarting: true }> {
  const actor = requireActor(ctx);
  const runtime = ctx.safety;
  const oldKey = runtime.dbKey;
  if (!oldKey) throw appError('conflict', 'safety:recoveryKey.notEncrypted');
  const store = runtime.keyStore;
  if (!store) throw appError('conflict', 'safety:changeKey.unavailable');
  const newKey = randomBytes(DB_KEY_BYTES);
  const at = ctx.now();

  try {
    await store.stage(newKey);
  } catch {
    throw appError('conflict', 'safety:changeKey.keyringFailed');
  }

  // From here to the rename, nothing awaits: the copy is the whole database until it replaces it.
  const staged = stagedPath(runtime);
  try {
    fs.rmSync(staged, { force: true });
    ctx.db.prepare('VACUUM INTO ?').run(staged);
    rekeyFile(staged, oldKey, newKey);
    const copy = openKeyed(staged, { key: newKey, fileMustExist: true });
    try {
      copy.transaction(() => {
        // The recovery key on paper no longer opens the file: a supervisor must print the new one.
        writeSetting(copy, 'recoveryKey.confirmed', null, at, actor.id);
        appendAudit(copy, { at, accountId: actor.id, action: 'changeKey', entity: 'database', details: { by: actor.loginName } });
      })();
    } finally {
      copy.close();
    }
    verifyCopy(staged, newKey, readMigrations(runtime.migrationsDir).length);
  } catch (e) {
    fs.rmSync(staged, { force: true });
    await store.discard().catch(() => undefined);
    appendAudit(ctx.db, { at, accountId: actor.id, action: 'changeKeyFailed', entity: 'database', details: { error: errorName(e) } });
    throw appError('conflict', 'safety:changeKey.failed');
  }

  swapIn(ctx.db, runtime, staged);
  // The file needs the new key now. Should this fail, main's next start still finds the pending key.
  await store.commit(newKey, oldKey).catch(() => undefined);
  runtime.onRestored();
  return { restarting: true };
}

/** For the trail: what kind of failure, never a message that could quote data. */
function errorName(e: unknown): string {
  if (e instanceof AppError) return e.error.messageKey;
  if (e instanceof Error && 'code' in e && typeof e.code === 'string') return e.code;
  return e instanceof Error ? e.name : 'unknown';
}
