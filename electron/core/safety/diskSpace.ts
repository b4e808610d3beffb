/**
 * Free room on the drives the desk writes to (shown to supervisors before a full disk stops every
 * save; electron/core/db/storageErrors.ts says what happens when it does).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DiskSpace } from '../../../shared/api/channels/safety';
import { lowSpace } from '../../../shared/domain/safety';

/** Free bytes for this process where `target` is, or would be once created; null when unknown (an unreachable share). */
export function freeBytes(target: string): number | null {
  let dir = path.resolve(target);
  // A backup folder is created by the first backup: measure the drive it will be on.
  while (!fs.existsSync(dir)) {
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

const sizeOf = (file: string): number => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

export function diskSpace(dbFile: string, backupDir: string): DiskSpace {
  const databaseBytes = sizeOf(dbFile) + sizeOf(`${dbFile}-wal`);
  const dataFreeBytes = freeBytes(path.dirname(dbFile));
  const backupFreeBytes = freeBytes(backupDir);
  return { databaseBytes, dataFreeBytes, backupFreeBytes, low: lowSpace(databaseBytes, dataFreeBytes, backupFreeBytes) };
}
