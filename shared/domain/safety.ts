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
