/**
 * The unattended part of the hardening: the daily automatic backup and the retention run.
 * Main calls runDue() at start and every hour (electron/main/safetyGlue.ts); each job runs
 * when its last run is a day old, so a PC switched off at night catches up next morning.
 */
import type { BackupInfo, RetentionReport } from '../../../shared/api/channels/safety';
import { BACKUP_INTERVAL_HOURS } from '../../../shared/domain/safety';
import { appendAudit } from '../audit/repository';
import type { CoreDeps } from '../context';
import { AppError } from '../errors';
import { createBackup } from './backup';
import { runRetention } from './retention';
import { readSetting, writeSetting } from './settings';

const DAY_MS = BACKUP_INTERVAL_HOURS * 3_600_000;

export interface JobsReport {
  backup: BackupInfo | 'failed' | null;
  retention: RetentionReport | 'failed' | null;
}

export interface SafetyJobs {
  runDue(): Promise<JobsReport>;
}

const due = (last: string | null, now: Date) => last === null || now.getTime() - Date.parse(last) >= DAY_MS || Date.parse(last) > now.getTime();

export function createSafetyJobs(deps: CoreDeps, log: (e: unknown) => void = console.error): SafetyJobs {
  function backupIfDue(now: Date): JobsReport['backup'] {
    if (!due(readSetting(deps.db, 'backup.lastAutoAt'), now)) return null;
    const at = now.toISOString();
    try {
      const info = createBackup(deps.db, deps.safety, 'auto', at);
      deps.db.transaction(() => {
        writeSetting(deps.db, 'backup.lastAutoAt', at, at, null);
        appendAudit(deps.db, { at, accountId: null, action: 'backup', entity: 'database', entityId: info.name, details: { kind: 'auto', sizeBytes: info.sizeBytes } });
      })();
      return info;
    } catch (e) {
      // Recorded where a supervisor looks (the audit trail and the backup page), retried next hour.
      const reason = e instanceof AppError ? e.error.messageKey : 'safety:backup.failed';
      appendAudit(deps.db, { at, accountId: null, action: 'backupFailed', entity: 'database', details: { kind: 'auto', reason } });
      log(e);
      return 'failed';
    }
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

  return {
    async runDue() {
      if (deps.safety.halted || !deps.db.open) return { backup: null, retention: null };
      const now = deps.clock();
      return { backup: backupIfDue(now), retention: retentionIfDue(now) };
    },
  };
}
