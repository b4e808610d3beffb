/**
 * The unattended part of the hardening: the daily automatic backup and the retention run.
 * Main calls runDue() at start and every hour (electron/main/safetyGlue.ts); each job runs
 * when its last run is a day old, so a PC switched off at night catches up next morning.
 * Main also calls backupOnQuit() as the app closes: a desk that closes at five has the day's
 * work in a backup that night, not only the next morning. Automatic backups are one per Taipei
 * day (a later one replaces the day's earlier one), so closing the app often does not push the
 * older days out of the N kept.
 */
import type { BackupInfo, RetentionReport } from '../../../shared/api/channels/safety';
import { BACKUP_INTERVAL_HOURS } from '../../../shared/domain/safety';
import { appendAudit } from '../audit/repository';
import type { CoreDeps } from '../context';
import { AppError } from '../errors';
import { backupJob, createBackup } from './backup';
import { runRetention } from './retention';
import { readSetting, writeSetting } from './settings';

const DAY_MS = BACKUP_INTERVAL_HOURS * 3_600_000;

export interface JobsReport {
  backup: BackupInfo | 'failed' | null;
  retention: RetentionReport | 'failed' | null;
}

export interface SafetyJobs {
  runDue(): Promise<JobsReport>;
  /** an automatic backup if anything was written since the last one this run of the app made (or since it started) */
  backupOnQuit(): JobsReport['backup'];
}

const due = (last: string | null, now: Date) => last === null || now.getTime() - Date.parse(last) >= DAY_MS || Date.parse(last) > now.getTime();

export function createSafetyJobs(deps: CoreDeps, log: (e: unknown) => void = console.error): SafetyJobs {
  const totalChanges = () => deps.db.prepare('SELECT total_changes()').pluck().get() as number;
  // Rows this connection had written when it last finished an automatic backup (or opened).
  let changesAtBackup = 0;
  const usable = () => !deps.safety.halted && deps.db.open;

  /** The day's backup on record: the setting, the audit entry, and what had been written when it was asked for. */
  function record(info: BackupInfo, at: string, details: Record<string, unknown>, changesBefore: number): void {
    const beforeRecord = totalChanges();
    deps.db.transaction(() => {
      writeSetting(deps.db, 'backup.lastAutoAt', at, at, null);
      appendAudit(deps.db, { at, accountId: null, action: 'backup', entity: 'database', entityId: info.name, details: { ...details, sizeBytes: info.sizeBytes } });
    })();
    // Its own two rows are not work to back up; rows saved while it copied may be, so they count.
    changesAtBackup = changesBefore + (totalChanges() - beforeRecord);
  }

  function failed(e: unknown, at: string, details: Record<string, unknown>): 'failed' {
    // Recorded where a supervisor looks (the audit trail and the backup page), retried next hour.
    const reason = e instanceof AppError ? e.error.messageKey : 'safety:backup.failed';
    if (usable()) appendAudit(deps.db, { at, accountId: null, action: 'backupFailed', entity: 'database', details: { ...details, reason } });
    log(e);
    return 'failed';
  }

  /** On the backup worker: the desk keeps answering while a big file is copied and checked. */
  async function scheduledBackup(now: Date): Promise<BackupInfo | 'failed'> {
    const at = now.toISOString();
    const details = { kind: 'auto' };
    const changesBefore = totalChanges();
    try {
      const info = await deps.safety.backups.run(() => backupJob(deps.db, deps.safety, 'auto', at));
      // Closed or restored while it copied: the copy is made; the file it would be recorded in is gone.
      if (usable()) record(info, at, details, changesBefore);
      return info;
    } catch (e) {
      return failed(e, at, details);
    }
  }

  /** In line: the app is closing and waits for it (the windows are already gone). */
  function quitBackup(now: Date): BackupInfo | 'failed' {
    const at = now.toISOString();
    const details = { kind: 'auto', onQuit: true };
    const changesBefore = totalChanges();
    try {
      const info = createBackup(deps.db, deps.safety, 'auto', at);
      record(info, at, details, changesBefore);
      return info;
    } catch (e) {
      return failed(e, at, details);
    }
  }

  // The hour's check while the last one is still copying must not queue the day's backup twice.
  let copying = false;
  async function backupIfDue(now: Date): Promise<JobsReport['backup']> {
    if (copying || !due(readSetting(deps.db, 'backup.lastAutoAt'), now)) return null;
    copying = true;
    try {
      return await scheduledBackup(now);
    } finally {
      copying = false;
    }
  }

  async function retentionIfDue(now: Date): Promise<JobsReport['retention']> {
    if (!due(readSetting(deps.db, 'retention.lastRunAt'), now)) return null;
    try {
      return await runRetention(deps.db, deps.safety, now, null);
    } catch (e) {
      // Cut short by a restore or the app closing is not a failure: the next run finishes it.
      if (usable()) log(e);
      return 'failed';
    }
  }

  return {
    async runDue() {
      if (!usable()) return { backup: null, retention: null };
      const now = deps.clock();
      // Retention first: what it anonymises today is not carried into today's backup.
      const retention = await retentionIfDue(now);
      return { backup: usable() ? await backupIfDue(now) : null, retention };
    },
    backupOnQuit() {
      if (!usable() || totalChanges() === changesAtBackup) return null;
      return quitBackup(deps.clock());
    },
  };
}
