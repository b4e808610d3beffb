import { z } from 'zod';
import { channel } from '../define';
import { emptyInput, idSchema, langSchema } from '../common';
import {
  BACKUP_KEEP,
  IDLE_MINUTES,
  RETENTION_KINDS,
  RETENTION_MONTHS,
  type BackupKind,
  type RetentionKind,
} from '../../domain/safety';

/** How the database key is protected on this computer (electron/main/dbKey.ts). */
export interface KeyringInfo {
  /** 'dpapi', 'keychain', 'gnome_libsecret', 'kwallet5', 'basic_text' …; 'none' when the file is not encrypted (tests) */
  backend: string;
  /** the keyring is plain-text equivalent (Linux without a secret service) */
  weak: boolean;
  /** the supervisor's recorded acceptance of a weak keyring */
  acceptance: { at: string; byName: string } | null;
  /** when the key on this computer was put back from the recovery key (ISO); null once the key was changed since */
  recoveredAt: string | null;
}

export interface SafetyStatus {
  encrypted: boolean;
  idleMinutes: number;
  /** a supervisor has not yet confirmed storing the recovery key (always false for other roles) */
  recoveryKeyPending: boolean;
  keyring: KeyringInfo;
  /** weak keyring not accepted yet: the app refuses everything but the acceptance */
  blocked: boolean;
  /** this window is locked (idle, or the screen was locked) and waits for the password */
  locked: boolean;
}

export type StartupState =
  | { mode: 'ready' }
  /** the key could not be unwrapped (keyring changed, profile moved): the recovery key is needed */
  | { mode: 'recovery'; reason: 'keyMissing' | 'keyUnreadable' | 'keyMismatch'; dbFile: string }
  /** the database file was replaced (a restore, a key change); the application is restarting */
  | { mode: 'restarting' };

export interface BackupInfo {
  name: string;
  kind: BackupKind;
  /** ISO instant, from the file name */
  createdAt: string;
  sizeBytes: number;
}

export interface BackupOverview {
  folder: string;
  /** the folder used when the supervisor has chosen none */
  defaultFolder: string;
  keep: number;
  lastAutomaticAt: string | null;
  backups: BackupInfo[];
  /** the folder cannot be read (e.g. the network drive is not connected) */
  folderProblem: string | null;
  space: DiskSpace;
}

export interface DiskSpace {
  /** the database file with its WAL */
  databaseBytes: number;
  /** free on the database's drive and in the backup folder; null when the system cannot tell */
  dataFreeBytes: number | null;
  backupFreeBytes: number | null;
  /** drives short of room (shared/domain/safety.ts lowSpace) */
  low: ('data' | 'backup')[];
}

export interface AuditRow {
  id: number;
  at: string;
  accountId: number | null;
  accountName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** JSON text, as stored */
  details: string;
}

export interface AuditPage {
  rows: AuditRow[];
  total: number;
}

export interface AuditFacets {
  actions: string[];
  entities: string[];
  accounts: { id: number; displayName: string; loginName: string }[];
}

/** The CSV (UTF-8 with a byte-order mark, so Excel on zh-TW Windows reads the Chinese) as saved. */
export interface AuditExport {
  saved: boolean;
  /** where the file was written; null when the person cancelled the save dialog */
  path: string | null;
  rows: number;
}

export interface SafetySettings {
  idleMinutes: number;
  /** null = the default folder */
  backupFolder: string | null;
  defaultBackupFolder: string;
  backupKeep: number;
  retention: Record<RetentionKind, number | null>;
}

export interface RetentionReport {
  ranAt: string;
  kinds: { kind: RetentionKind; months: number | null; cutoff: string | null; anonymised: number }[];
}

const dateKey = z
  .string({ error: 'validation.invalidType' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'safety:errors.date')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'safety:errors.date');

const shortFilter = z.string({ error: 'validation.invalidType' }).trim().max(64, 'validation.tooLong');

const auditFilterShape = {
  from: dateKey.optional(),
  to: dateKey.optional(),
  accountId: idSchema.optional(),
  action: shortFilter.optional(),
  entity: shortFilter.optional(),
  entityId: shortFilter.optional(),
  /** substring of the details */
  text: z.string({ error: 'validation.invalidType' }).trim().max(100, 'validation.tooLong').optional(),
};

const fromNotAfterTo = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;
const FROM_AFTER_TO = { message: 'safety:errors.toBeforeFrom', path: ['to'] };

export const auditFilterSchema = z.object(auditFilterShape).strict().refine(fromNotAfterTo, FROM_AFTER_TO);
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const AUDIT_PAGE_MAX = 200;

/** File names the backup job writes: desk-20250305-140000-auto.sqlite3 (UTC time, so names sort). */
export const BACKUP_NAME_RE = /^desk-(\d{8})-(\d{6})(?:-(\d{1,3}))?-(auto|manual|preRestore)\.sqlite3$/;

const months = z
  .number({ error: 'validation.invalidType' })
  .int('validation.invalidType')
  .min(RETENTION_MONTHS.min, 'validation.tooSmall')
  .max(RETENTION_MONTHS.max, 'validation.tooBig')
  .nullable();

const retentionShape = Object.fromEntries(RETENTION_KINDS.map((k) => [k, months])) as Record<RetentionKind, typeof months>;

export const safetyChannels = {
  /** Public: the renderer asks before anything else whether the database could be opened. */
  'safety:startup': channel<StartupState>()(emptyInput, 'public'),
  /** Public, answered only while the app waits for a recovery key (electron/core/safety/recovery.ts). */
  'safety:recover': channel<{ restarting: true }>()(
    z.object({ recoveryKey: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(200, 'validation.tooLong') }).strict(),
    'public',
  ),
  'safety:status': channel<SafetyStatus>()(emptyInput, 'signedIn'),
  'safety:lock': channel<null>()(emptyInput, 'signedIn'),
  /**
   * Named under auth: it is the sign-in of a locked window, with the same lockout rules. It
   * lives here because the lock is part of the session hardening (issue 7 §5).
   */
  'auth:unlock': channel<null>()(
    z.object({ password: z.string({ error: 'validation.required' }).min(1, 'validation.required').max(128, 'validation.tooLong') }).strict(),
    'signedIn',
  ),
  'safety:recoveryKey': channel<{ recoveryKey: string }>()(emptyInput, ['supervisor']),
  'safety:confirmRecoveryKey': channel<null>()(
    z.object({ stored: z.literal(true, { error: 'safety:recoveryKey.mustConfirm' }) }).strict(),
    ['supervisor'],
  ),
  'safety:acceptWeakKeyring': channel<SafetyStatus>()(
    z.object({ accept: z.literal(true, { error: 'safety:keyring.mustAccept' }) }).strict(),
    ['supervisor'],
  ),
  'safety:settings': channel<SafetySettings>()(emptyInput, ['supervisor']),
  'safety:setSessionPolicy': channel<SafetySettings>()(
    z
      .object({
        idleMinutes: z
          .number({ error: 'validation.invalidType' })
          .int('validation.invalidType')
          .min(IDLE_MINUTES.min, 'validation.tooSmall')
          .max(IDLE_MINUTES.max, 'validation.tooBig'),
      })
      .strict(),
    ['supervisor'],
  ),
  'safety:setBackupPolicy': channel<SafetySettings>()(
    z
      .object({
        folder: z.string({ error: 'validation.invalidType' }).trim().max(1000, 'validation.tooLong').nullable(),
        keep: z
          .number({ error: 'validation.invalidType' })
          .int('validation.invalidType')
          .min(BACKUP_KEEP.min, 'validation.tooSmall')
          .max(BACKUP_KEEP.max, 'validation.tooBig'),
      })
      .strict(),
    ['supervisor'],
  ),
  'safety:setRetention': channel<SafetySettings>()(z.object({ retention: z.object(retentionShape).strict() }).strict(), ['supervisor']),
  'safety:pickBackupFolder': channel<{ folder: string | null }>()(emptyInput, ['supervisor']),
  'safety:backups': channel<BackupOverview>()(emptyInput, ['supervisor']),
  'safety:backupNow': channel<BackupInfo>()(emptyInput, ['supervisor']),
  'safety:restoreBackup': channel<{ restarting: true; safetyCopy: BackupInfo }>()(
    z.object({ name: z.string({ error: 'validation.required' }).regex(BACKUP_NAME_RE, 'safety:backup.unknownFile') }).strict(),
    ['supervisor'],
  ),
  /** A new database key and recovery key; the file is re-encrypted and the app restarts (electron/core/safety/keyChange.ts). */
  'safety:changeKey': channel<{ restarting: true }>()(
    z.object({ confirm: z.literal(true, { error: 'safety:changeKey.mustConfirm' }) }).strict(),
    ['supervisor'],
  ),
  'safety:auditFacets': channel<AuditFacets>()(emptyInput, ['supervisor']),
  'safety:auditSearch': channel<AuditPage>()(
    z
      .object({
        ...auditFilterShape,
        offset: z.number({ error: 'validation.invalidType' }).int('validation.invalidType').min(0, 'validation.tooSmall').max(10_000_000, 'validation.tooBig'),
        limit: z.number({ error: 'validation.invalidType' }).int('validation.invalidType').min(1, 'validation.tooSmall').max(AUDIT_PAGE_MAX, 'validation.tooBig'),
      })
      .strict()
      .refine(fromNotAfterTo, FROM_AFTER_TO),
    ['supervisor'],
  ),
  'safety:auditExport': channel<AuditExport>()(
    z.object({ ...auditFilterShape, lang: langSchema }).strict().refine(fromNotAfterTo, FROM_AFTER_TO),
    ['supervisor'],
  ),
  'safety:runRetention': channel<RetentionReport>()(emptyInput, ['supervisor']),
} as const;
