import type { safetyChannels } from '../../../shared/api/channels/safety';
import type { HandlersFor } from '../handlers';
import { appendAudit } from '../audit/repository';
import { requireActor } from '../context';
import { appError } from '../errors';
import { csvBytes } from '../export/csv';
import { taipeiDateKey } from '../../../shared/lib/time';
import { auditFacets, auditTable, searchAudit } from './auditLog';
import { backupNow, backupOverview, pickBackupFolder, restoreBackup } from './backupService';
import { changeDatabaseKey } from './keyChange';
import { runRetention } from './retention';
import { acceptWeakKeyring, confirmRecoveryKey, lock, recoveryKey, safetyStatus, unlock } from './session';
import { safetySettings, setBackupPolicy, setRetention, setSessionPolicy } from './settingsService';

export const safetyHandlers: HandlersFor<typeof safetyChannels> = {
  // A core that answers at all opened its database; recovery mode has its own dispatcher (recovery.ts).
  'safety:startup': (ctx) => (ctx.safety.halted ? { mode: 'restarting' } : { mode: 'ready' }),
  'safety:recover': () => {
    throw appError('conflict', 'safety:recovery.notNeeded');
  },
  'safety:status': (ctx) => safetyStatus(ctx),
  'safety:lock': (ctx) => lock(ctx),
  'auth:unlock': (ctx, input) => unlock(ctx, input),
  'safety:recoveryKey': (ctx) => recoveryKey(ctx),
  'safety:confirmRecoveryKey': (ctx) => confirmRecoveryKey(ctx),
  'safety:acceptWeakKeyring': (ctx) => acceptWeakKeyring(ctx),
  'safety:settings': (ctx) => safetySettings(ctx),
  'safety:setSessionPolicy': (ctx, input) => setSessionPolicy(ctx, input),
  'safety:setBackupPolicy': (ctx, input) => setBackupPolicy(ctx, input),
  'safety:setRetention': (ctx, input) => setRetention(ctx, input),
  'safety:pickBackupFolder': (ctx) => pickBackupFolder(ctx),
  'safety:backups': (ctx) => backupOverview(ctx),
  'safety:backupNow': (ctx) => backupNow(ctx),
  'safety:restoreBackup': (ctx, input) => restoreBackup(ctx, input),
  'safety:changeKey': (ctx) => changeDatabaseKey(ctx),
  'safety:auditFacets': (ctx) => auditFacets(ctx.db),
  'safety:auditSearch': (ctx, { offset, limit, ...filter }) => searchAudit(ctx.db, filter, offset, limit),
  'safety:auditExport': async (ctx, { lang, ...filter }) => {
    const actor = requireActor(ctx);
    if (!ctx.fileSaver) throw appError('conflict', 'safety:audit.cannotSave');
    const table = auditTable(ctx.db, filter, lang);
    if (table === null) throw appError('validation', 'safety:audit.tooMany');
    const at = ctx.now();
    // Named by the Taipei date the staff see, not the UTC one.
    const name = `audit-log-${taipeiDateKey(at)}.csv`;
    const path = await ctx.fileSaver.saveFile(csvBytes(table), name, [{ name: 'CSV', extensions: ['csv'] }]);
    const rows = table.length - 1;
    if (path !== null) appendAudit(ctx.db, { at, accountId: actor.id, action: 'export', entity: 'auditLog', details: { filter, rows, format: 'csv' } });
    return { saved: path !== null, path, rows };
  },
  'safety:runRetention': (ctx) => runRetention(ctx.db, ctx.safety, ctx.clock(), requireActor(ctx).id),
};
