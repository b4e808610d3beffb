// @vitest-environment jsdom
/**
 * Room on the drives: the rule that says which is low (shared), what the backups overview
 * measures on real folders, and the warning a supervisor reads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { formatBytes, lowSpace } from '../../../shared/domain/safety';
import { createFolderProbe, freeBytes, NOT_ANSWERING } from '../../../electron/core/safety/diskSpace';
import { initI18n } from '../../../renderer/src/app/i18n';
import { SpaceLines } from '../../../renderer/src/features/safety/SpaceLines';
import { cleanedUp } from '../../support/cleanup';
import { okValue } from '../../support/core';

const MB = 1024 ** 2;
const GB = 1024 ** 3;
const scratch = cleanedUp();

beforeAll(() => {
  initI18n('zh-TW');
});
afterEach(cleanup);

describe('which drive is low', () => {
  it('the data drive under twice the database, and never under 1 GB; the backup folder under two more backups', () => {
    expect(lowSpace(100 * MB, 900 * MB, 10 * GB)).toEqual(['data']);
    expect(lowSpace(100 * MB, 1.1 * GB, 10 * GB)).toEqual([]);
    expect(lowSpace(1.2 * GB, 2.3 * GB, 10 * GB)).toEqual(['data']);
    expect(lowSpace(1.2 * GB, 2.5 * GB, 10 * GB)).toEqual([]);
    expect(lowSpace(100 * MB, 10 * GB, 150 * MB)).toEqual(['backup']);
    expect(lowSpace(100 * MB, 10 * GB, 250 * MB)).toEqual([]);
    expect(lowSpace(1.2 * GB, 100 * MB, 100 * MB)).toEqual(['data', 'backup']);
    // The system could not tell: no warning rather than a false one.
    expect(lowSpace(1.2 * GB, null, null)).toEqual([]);
  });

  it('sizes read as staff read them', () => {
    expect(formatBytes(12_000)).toBe('12 KB');
    expect(formatBytes(350 * MB)).toBe('350.0 MB');
    expect(formatBytes(1.25 * GB)).toBe('1.3 GB');
  });
});

describe('the backups overview measures the real drives', () => {
  it('the database with its WAL, the data drive and the backup folder; a folder not yet created is measured on the drive it will be on', async () => {
    const t = scratch.core();
    await t.setupSupervisor('admin');
    okValue(await t.call('admin', 'safety:setBackupPolicy', { folder: scratch.tempDir('dufang-space-'), keep: 5 }));
    const { space } = okValue(await t.call('admin', 'safety:backups', {}));
    const onDisk = fs.statSync(t.dbFile).size + (fs.existsSync(`${t.dbFile}-wal`) ? fs.statSync(`${t.dbFile}-wal`).size : 0);
    expect(space.databaseBytes).toBe(onDisk);
    const free = fs.statfsSync(path.dirname(t.dbFile));
    // Other programs write meanwhile: the same drive's figure, give or take 256 MB.
    expect(Math.abs((space.dataFreeBytes ?? 0) - free.bavail * free.bsize)).toBeLessThan(256 * MB);
    expect(space.backupFreeBytes).not.toBeNull();
    const notYet = path.join(scratch.tempDir('dufang-space-'), 'not', 'yet');
    expect(await freeBytes(notYet)).not.toBeNull();
    expect(Math.abs(((await freeBytes(notYet)) ?? 0) - ((await freeBytes(path.dirname(path.dirname(notYet)))) ?? 0))).toBeLessThan(256 * MB);
  });

  it('a backup folder that does not answer: the page is told so at once and the desk is not held up', async () => {
    const t = scratch.core({ safety: { defaultBackupDir: scratch.tempDir('dufang-space-') } });
    await t.setupSupervisor('admin');
    // A share that stopped answering: its reads never come back (the operating system would give up much later).
    const hung = new Promise<never>(() => undefined);
    const probe = createFolderProbe(50);
    t.core.safety.probeFolder = (folder, read) => probe(folder, () => hung.then(read));
    const overview = okValue(await t.call('admin', 'safety:backups', {}));
    expect(overview).toMatchObject({ backups: [], folderProblem: 'safety:backup.folderUnavailable' });
    expect(overview.space.backupFreeBytes).toBeNull();
    expect(overview.space.dataFreeBytes).not.toBeNull();
    expect(overview.space.low).not.toContain('backup');
  });
});

describe('createFolderProbe', () => {
  it('waits so long for a folder, then answers "not answering"; a read still hanging is not started again', async () => {
    const probe = createFolderProbe(30);
    let release: (names: string[]) => void = () => undefined;
    const read = vi.fn(() => new Promise<string[]>((resolve) => (release = resolve)));
    expect(await probe('//nas/backups', read)).toBe(NOT_ANSWERING);
    expect(await probe('//nas/backups', read)).toBe(NOT_ANSWERING);
    expect(read).toHaveBeenCalledTimes(1);
    // Another folder is read as usual.
    expect(await probe('D:/backups', async () => ['a'])).toEqual(['a']);
    // Once the share answers (or the system gives up), the folder is read again.
    release(['late']);
    await Promise.resolve();
    await Promise.resolve();
    expect(await probe('//nas/backups', async () => ['now'])).toEqual(['now']);
  });

  it('a read that fails says why, and is not counted as hanging', async () => {
    const probe = createFolderProbe(1000);
    await expect(probe('X:/gone', async () => Promise.reject(new Error('ENOTDIR')))).rejects.toThrow('ENOTDIR');
    expect(await probe('X:/gone', async () => 'read')).toBe('read');
  });
});

describe('<SpaceLines>', () => {
  it('says the sizes, and warns for each drive short of room with what to do', () => {
    render(<SpaceLines space={{ databaseBytes: 1.2 * GB, dataFreeBytes: 2 * GB, backupFreeBytes: null, low: ['data'] }} />);
    expect(screen.getByTestId('disk-space').textContent).toBe('資料庫 1.2 GB；資料磁碟剩餘 2.0 GB；備份資料夾剩餘 無法得知');
    expect(screen.getByTestId('low-space-data').textContent).toContain('資料磁碟只剩 2.0 GB，不到資料庫（1.2 GB）的兩倍或 1 GB');
    expect(screen.queryByTestId('low-space-backup')).toBeNull();
  });
});
