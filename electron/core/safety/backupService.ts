/** Backups for supervisors: overview, one on demand, and restore (which first backs up the current file). */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupOverview } from '../../../shared/api/channels/safety';
import { appendAudit } from '../audit/repository';
import { readMigrations } from '../db/migrate';
import { openDatabase, rekeyFile } from '../db/open';
import { requireActor, type HandlerContext } from '../context';
import { appError, AppError } from '../errors';
import { diskSpace, freeBytes, NOT_ANSWERING } from './diskSpace';
import { backupFolder, backupJob, createBackup, listBackups, listBackupsAsync, stageCopy, swapIn, verifyCopy, verifyWithKnownKeys } from './backup';
import { readSetting } from './settings';

export async function backupOverview(ctx: HandlerContext): Promise<BackupOverview> {
  const folder = backupFolder(ctx.db, ctx.safety);
  const read = await ctx.safety
    .probeFolder(folder, async () => ({ backups: await listBackupsAsync(folder), free: await freeBytes(folder) }))
    .catch((): typeof NOT_ANSWERING => NOT_ANSWERING);
  const answered = read === NOT_ANSWERING ? null : read;
  return {
    folder,
    defaultFolder: ctx.safety.defaultBackupDir,
    keep: readSetting(ctx.db, 'backup.keep'),
    lastAutomaticAt: readSetting(ctx.db, 'backup.lastAutoAt'),
    backups: answered?.backups ?? [],
    folderProblem: answered ? null : 'safety:backup.folderUnavailable',
    space: await diskSpace(ctx.safety.dbFile, answered?.free ?? null),
  };
}

export async function backupNow(ctx: HandlerContext): Promise<BackupInfo> {
  const actor = requireActor(ctx);
  const at = ctx.now();
  const info = await ctx.safety.backups.run(() => backupJob(ctx.db, ctx.safety, 'manual', at));
  appendAudit(ctx.db, { at, accountId: actor.id, action: 'backup', entity: 'database', entityId: info.name, details: { kind: 'manual', sizeBytes: info.sizeBytes } });
  return info;
}

export async function pickBackupFolder(ctx: HandlerContext): Promise<{ folder: string | null }> {
  return { folder: await ctx.safety.pickFolder() };
}

/**
 * Restores a chosen backup: verify it (key, integrity, version), back up the current file,
 * replace the file, write the restore into the restored database's own audit trail, and
 * hand over to the app, which relaunches. The running core refuses every call from here on.
 * A backup made before the key was changed is re-encrypted with today's key on its way in.
 */
export function restoreBackup(ctx: HandlerContext, input: { name: string }): Promise<{ restarting: true; safetyCopy: BackupInfo }> {
  // In the backups' line: no backup is copying the file this replaces. Once its turn comes the
  // restore runs to its end without yielding, so no call writes in between.
  return ctx.safety.backups.exclusive(() => restoreNow(ctx, input));
}

function restoreNow(ctx: HandlerContext, input: { name: string }): { restarting: true; safetyCopy: BackupInfo } {
  const actor = requireActor(ctx);
  const folder = backupFolder(ctx.db, ctx.safety);
  const source = path.join(folder, input.name);
  const backups = listBackups(folder);
  const chosen = backups.find((b) => b.name === input.name);
  if (!chosen) throw appError('notFound', 'safety:backup.unknownFile', { field: 'name' });
  const latest = readMigrations(ctx.safety.migrationsDir).length;
  const { key: backupKey } = verifyWithKnownKeys(source, ctx.safety, latest);
  const currentKey = ctx.safety.dbKey;
  const reencrypt = backupKey !== null && currentKey !== null && !backupKey.equals(currentKey);

  const at = ctx.now();
  const safetyCopy = createBackup(ctx.db, ctx.safety, 'preRestore', at);
  appendAudit(ctx.db, { at, accountId: actor.id, action: 'restoreStarted', entity: 'database', entityId: chosen.name, details: { safetyCopy: safetyCopy.name } });

  const staged = stageCopy(ctx.safety, source);
  if (reencrypt) {
    try {
      rekeyFile(staged, backupKey, currentKey);
      verifyCopy(staged, currentKey, latest);
    } catch (e) {
      fs.rmSync(staged, { force: true });
      throw e instanceof AppError ? e : appError('conflict', 'safety:backup.failed', { params: { folder } });
    }
  }
  swapIn(ctx.db, ctx.safety, staged);
  // The restored file is what the app opens next: its trail must say it was restored, by whom.
  // Opening it also migrates a backup from an older version of the app.
  const { db } = openDatabase(ctx.safety.dbFile, { migrationsDir: ctx.safety.migrationsDir, key: currentKey ?? undefined });
  try {
    const restoredBy = db.prepare('SELECT id FROM accounts WHERE id = ?').get(actor.id) ? actor.id : null;
    appendAudit(db, {
      at,
      accountId: restoredBy,
      action: 'restore',
      entity: 'database',
      entityId: chosen.name,
      details: { from: chosen.name, backupCreatedAt: chosen.createdAt, safetyCopy: safetyCopy.name, by: actor.loginName, ...(reencrypt ? { reencrypted: true } : {}) },
    });
  } finally {
    db.close();
  }
  ctx.safety.onRestored();
  return { restarting: true, safetyCopy };
}
