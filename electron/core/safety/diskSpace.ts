/**
 * Free room on the drives the desk writes to (shown to supervisors before a full disk stops every
 * save; electron/core/db/storageErrors.ts says what happens when it does), and a folder read that
 * cannot hang the app on a network share that stopped answering.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DiskSpace } from '../../../shared/api/channels/safety';
import { lowSpace } from '../../../shared/domain/safety';

/** Free bytes for this process where `target` is, or would be once created; null when unknown (an unreachable share). */
export async function freeBytes(target: string): Promise<number | null> {
  let dir = path.resolve(target);
  for (;;) {
    try {
      const s = await fs.promises.statfs(dir);
      return s.bavail * s.bsize;
    } catch (e) {
      // A backup folder is created by the first backup: measure the drive it will be on.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return null;
      const parent = path.dirname(dir);
      if (parent === dir) return null;
      dir = parent;
    }
  }
}

const sizeOf = (file: string): number => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

/** How long a page waits for the backup folder before it says the folder is not answering. */
export const FOLDER_WAIT_MS = 3000;

export const NOT_ANSWERING = Symbol('not answering');

/**
 * Reads a folder (`read`) on the thread pool, waiting at most `ms`. A read still hanging from an
 * earlier call is not started again: each would hold one of the pool's four threads (which also
 * hash passwords) until the operating system gives up on the share.
 */
export function createFolderProbe(ms = FOLDER_WAIT_MS) {
  const hanging = new Map<string, Promise<unknown>>();
  return async function probe<T>(folder: string, read: () => Promise<T>): Promise<T | typeof NOT_ANSWERING> {
    if (hanging.has(folder)) return NOT_ANSWERING;
    const reading = read();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<typeof NOT_ANSWERING>((resolve) => (timer = setTimeout(() => resolve(NOT_ANSWERING), ms)));
    try {
      const first = await Promise.race([reading, late]);
      if (first === NOT_ANSWERING) {
        hanging.set(folder, reading);
        reading.then(
          () => hanging.delete(folder),
          () => hanging.delete(folder),
        );
      }
      return first;
    } finally {
      clearTimeout(timer);
    }
  };
}

export async function diskSpace(dbFile: string, backupFreeBytes: number | null): Promise<DiskSpace> {
  const databaseBytes = sizeOf(dbFile) + sizeOf(`${dbFile}-wal`);
  const dataFreeBytes = await freeBytes(path.dirname(dbFile));
  return { databaseBytes, dataFreeBytes, backupFreeBytes, low: lowSpace(databaseBytes, dataFreeBytes, backupFreeBytes) };
}
