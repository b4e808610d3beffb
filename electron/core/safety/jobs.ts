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
import { createBackup, supersedeSameDay } from './backup';
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

  function autoBackup(now: Date, trigger: 'schedule' | 'quit'): BackupInfo | 'failed' {
    const at = now.toISOString();
    const details = trigger === 'quit' ? { kind: 'auto', onQuit: true } : { kind: 'auto' };
    try {
      const info = createBackup(deps.db, deps.safety, 'auto', at);
      supersedeSameDay(deps.db, deps.safety, info);
      deps.db.transaction(() => {
        writeSetting(deps.db, 'backup.lastAutoAt', at, at, null);
        appendAudit(deps.db, { at, accountId: null, action: 'backup', entity: 'database', entityId: info.name, details: { ...details, sizeBytes: info.sizeBytes } });
      })();
      changesAtBackup = totalChanges();
      return info;
    } catch (e) {
      // Recorded where a supervisor looks (the audit trail and the backup page), retried next hour.
      const reason = e instanceof AppError ? e.error.messageKey : 'safety:backup.failed';
      appendAudit(deps.db, { at, accountId: null, action: 'backupFailed', entity: 'database', details: { ...details, reason } });
      log(e);
      return 'failed';
    }
  }

  function backupIfDue(now: Date): JobsReport['backup'] {
    if (!due(readSetting(deps.db, 'backup.lastAutoAt'), now)) return null;
    return autoBackup(now, 'schedule');
  }

  function retentionIfDue(now: Date): JobsReport['retention'] {
    if (!due(readSetting(deps.db, 'retention.lastRunAt'), now)) return null;
    try {
      return runRetention(deps.db, now, null);
    } catch (e) {
      log(e);
      return 'failed';
    }
  }

  const usable = () => !deps.safety.halted && deps.db.open;

  return {
    async runDue() {
      if (!usable()) return { backup: null, retention: null };
      const now = deps.clock();
      // Retention first: what it anonymises today is not carried into today's backup.
      const retention = retentionIfDue(now);
      return { backup: backupIfDue(now), retention };
    },
    backupOnQuit() {
      if (!usable() || totalChanges() === changesAtBackup) return null;
      return autoBackup(deps.clock(), 'quit');
    },
  };
}
