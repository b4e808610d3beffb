/**
 * Rules of the hardening features (issue 7) that both sides need: the limits of the
 * supervisor's settings and the record kinds the retention job knows.
 */

/** Idle time before a window locks (issue 7 §5: default 10 minutes). */
export const IDLE_MINUTES = { default: 10, min: 1, max: 240 } as const;

/** How many backups of each kind (automatic, on demand, before a restore) are kept. */
export const BACKUP_KEEP = { default: 14, min: 1, max: 365 } as const;

/** Hours between automatic backups. */
export const BACKUP_INTERVAL_HOURS = 24;

export const BACKUP_KINDS = ['auto', 'manual', 'preRestore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/**
 * Record kinds with personal data that expire. Each has an anonymiser in
 * electron/core/safety/retention/ that clears the personal fields of rows older than the
 * supervisor's period and keeps the rows, so counts and statistics stay right.
 */
export const RETENTION_KINDS = ['hotlineCalls', 'lectureAttendees', 'counterVisits'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** Months; null = no period set, nothing of that kind is anonymised. */
export const RETENTION_MONTHS = { min: 1, max: 1200 } as const;

/** What a supervisor sees where a name used to be, after anonymisation. */
export const ANONYMISED_NAME = '（已匿名）';

/** Recovery key: 14 groups of 4 characters (Crockford base32 of the key and a checksum). */
export const RECOVERY_KEY_GROUPS = 14;
export const RECOVERY_KEY_GROUP_LENGTH = 4;

const GIB = 1024 ** 3;

/**
 * Which drives are short of room. The data drive needs a whole copy of the database beside it
 * for a restore or a key change, and room to grow: under twice the database (at least 1 GiB) it
 * is low, and on a full disk no record can be saved. The backup folder is low under two more
 * backups (a backup is a copy of the database). Unknown free space warns of nothing.
 */
export function lowSpace(databaseBytes: number, dataFreeBytes: number | null, backupFreeBytes: number | null): ('data' | 'backup')[] {
  const low: ('data' | 'backup')[] = [];
  if (dataFreeBytes !== null && dataFreeBytes < Math.max(GIB, 2 * databaseBytes)) low.push('data');
  if (backupFreeBytes !== null && backupFreeBytes < 2 * databaseBytes) low.push('backup');
  return low;
}

/** 1.2 GB, 350.0 MB, 12 KB: sizes as staff read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= GIB) return `${(bytes / GIB).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
