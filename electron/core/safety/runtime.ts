import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { KeyringInfo, RetentionReport } from '../../../shared/api/channels/safety';
import { createBackupRunner, type BackupRunner } from './backupRunner';
import { createFolderProbe } from './diskSpace';

/** How the key is kept on this computer; decided by the Electron glue (electron/main/dbKey.ts). */
export interface KeyStorageInfo {
  backend: KeyringInfo['backend'];
  weak: boolean;
  /** when this computer's key was last put back from the recovery key (ISO), until the key is changed */
  recoveredAt?: string | null;
}

/**
 * Keeps the database key across a key change (electron/main/dbKey.ts; tests give a fake). The
 * new key is kept beside the current one before the file changes, so a crash at any moment
 * leaves a file that one of the two opens, and main's next start finds out which.
 */
export interface KeyStore {
  /** keep `newKey` as pending, beside the current key */
  stage(newKey: Buffer): Promise<void>;
  /** the file now needs `newKey`: it becomes the key; `oldKey` is kept only to open older backups */
  commit(newKey: Buffer, oldKey: Buffer): Promise<void>;
  /** the change failed before the file was replaced: forget the pending key */
  discard(): Promise<void>;
}

/** What startCore takes for the hardening features; everything is optional for tests. */
export interface SafetyOptions {
  keyStorage?: KeyStorageInfo;
  /** where backups go while the supervisor has chosen no folder (default: `backups` beside the database) */
  defaultBackupDir?: string;
  /** the app's folder chooser; tests give a fake */
  pickFolder?: () => Promise<string | null>;
  /** called once a restore has replaced the database file: the app relaunches itself */
  onRestored?: () => void;
  /** where a changed key is kept; without one the key cannot be changed */
  keyStore?: KeyStore;
  /** keys this database had before (newest first): backups made then still need them */
  retiredKeys?: Buffer[];
  /** starts the backup worker thread (electron/core/safety/backupWorker.ts, built); without one backups run in line */
  backupWorker?: () => Worker;
  /** ids in a retention run's first slice of each kind (retention/index.ts); tests make it small */
  retentionSlice?: number;
}

/**
 * The part of the core's state that is about the database file itself. One per core; the
 * handlers read it as ctx.safety. `halted` is set when a restore replaced the file under the
 * running core: from then on every call is refused until the app restarts.
 */
export interface SafetyRuntime {
  dbFile: string;
  migrationsDir: string;
  /** null when the database is not encrypted (only tests run that way) */
  dbKey: Buffer | null;
  keyStorage: KeyStorageInfo;
  defaultBackupDir: string;
  pickFolder: () => Promise<string | null>;
  onRestored: () => void;
  keyStore: KeyStore | null;
  retiredKeys: Buffer[];
  halted: boolean;
  /** daily and manual backups, one at a time, off the main thread when the app gave a worker */
  backups: BackupRunner;
  /** reads the backup folder for the pages, giving up on a share that does not answer (diskSpace.ts) */
  probeFolder: ReturnType<typeof createFolderProbe>;
  /** the retention run under way, if any (retention/index.ts) */
  retentionRun: Promise<RetentionReport> | null;
  /** ids in a retention run's first slice of each kind; later slices are sized to take ~10 ms (retention/index.ts) */
  retentionSlice: number;
}

export function createSafetyRuntime(dbFile: string, migrationsDir: string, dbKey: Buffer | undefined, options: SafetyOptions = {}): SafetyRuntime {
  const runtime: SafetyRuntime = {
    dbFile,
    migrationsDir,
    dbKey: dbKey ?? null,
    keyStorage: options.keyStorage ?? { backend: dbKey ? 'unknown' : 'none', weak: false },
    defaultBackupDir: options.defaultBackupDir ?? path.join(path.dirname(dbFile), 'backups'),
    pickFolder: options.pickFolder ?? (async () => null),
    onRestored: options.onRestored ?? (() => undefined),
    keyStore: options.keyStore ?? null,
    retiredKeys: options.retiredKeys ?? [],
    halted: false,
    backups: createBackupRunner(options.backupWorker ?? null, () => runtime.halted),
    probeFolder: createFolderProbe(),
    retentionRun: null,
    retentionSlice: options.retentionSlice ?? 200,
  };
  return runtime;
}
