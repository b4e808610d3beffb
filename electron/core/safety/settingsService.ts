/** The supervisor's safety settings; every change is audited with its before and after. */
import fs from 'node:fs';
import path from 'node:path';
import type { SafetySettings } from '../../../shared/api/channels/safety';
import type { RetentionKind } from '../../../shared/domain/safety';
import { appendAudit } from '../audit/repository';
import { requireActor, type HandlerContext } from '../context';
import { fieldError } from '../errors';
import { readSetting, retentionMonths, writeSetting, type SettingKey, type SettingValue } from './settings';

export function safetySettings(ctx: HandlerContext): SafetySettings {
  return {
    idleMinutes: readSetting(ctx.db, 'session.idleMinutes'),
    backupFolder: readSetting(ctx.db, 'backup.folder'),
    defaultBackupFolder: ctx.safety.defaultBackupDir,
    backupKeep: readSetting(ctx.db, 'backup.keep'),
    retention: retentionMonths(ctx.db),
  };
}

function change<K extends SettingKey>(ctx: HandlerContext, key: K, value: SettingValue<K>): void {
  const actor = requireActor(ctx);
  const at = ctx.now();
  const before = readSetting(ctx.db, key);
  if (JSON.stringify(before) === JSON.stringify(value)) return;
  writeSetting(ctx.db, key, value, at, actor.id);
  appendAudit(ctx.db, { at, accountId: actor.id, action: 'update', entity: 'safetySetting', entityId: key, details: { before, after: value } });
}

export function setSessionPolicy(ctx: HandlerContext, input: { idleMinutes: number }): SafetySettings {
  ctx.db.transaction(() => change(ctx, 'session.idleMinutes', input.idleMinutes))();
  return safetySettings(ctx);
}

/**
 * A backup folder must be an absolute path the app can write now (a network drive that is not
 * connected is refused here, not discovered by the next night's backup).
 */
function checkFolder(typed: string): string {
  if (!path.isAbsolute(typed)) throw fieldError('folder', 'safety:backup.folderNotAbsolute');
  const folder = path.resolve(typed);
  const probe = path.join(folder, `.desk-write-test-${process.pid}-${Date.now()}`);
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe, { force: true });
  } catch {
    throw fieldError('folder', 'safety:backup.folderNotWritable');
  }
  return folder;
}

export function setBackupPolicy(ctx: HandlerContext, input: { folder: string | null; keep: number }): SafetySettings {
  // Empty = back to the default folder beside the database.
  const folder = input.folder === null || input.folder === '' ? null : checkFolder(input.folder);
  ctx.db.transaction(() => {
    change(ctx, 'backup.folder', folder);
    change(ctx, 'backup.keep', input.keep);
  })();
  return safetySettings(ctx);
}

export function setRetention(ctx: HandlerContext, input: { retention: Partial<Record<RetentionKind, number | null>> }): SafetySettings {
  const next = { ...retentionMonths(ctx.db), ...input.retention };
  ctx.db.transaction(() => change(ctx, 'retention.months', next))();
  return safetySettings(ctx);
}
