/**
 * Backups on the worker thread, as the app runs them: the bundle `npm run build:electron` makes
 * (vite.electron.config.mts --mode worker), built here into a temporary folder and started with
 * node's own Worker. The desk must keep answering while a backup copies and checks the file.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { openKeyed } from '../../../electron/core/db/open';
import { readSetting } from '../../../electron/core/safety/settings';
import { backupWorkerFile, backupWorkerSpawner } from '../../../electron/main/safetyGlue';
import { viteBuild } from '../../bench/run';
import { cleanedUp } from '../../support/cleanup';
import { okValue, SUPERVISOR } from '../../support/core';

const scratch = cleanedUp();
let appDir = '';

beforeAll(() => {
  appDir = fs.mkdtempSync(path.join(process.cwd(), 'node_modules/.cache/backup-worker-'));
  viteBuild(path.dirname(backupWorkerFile(appDir)), ['-c', 'vite.electron.config.mts', '--mode', 'worker']);
  return () => fs.rmSync(appDir, { recursive: true, force: true });
}, 120_000);

async function workerCore() {
  const key = randomBytes(32);
  const backupDir = scratch.tempDir('dufang-backup-');
  const spawned: string[] = [];
  const spawn = backupWorkerSpawner(appDir, (file) => {
    spawned.push(file);
    return new Worker(file);
  });
  const t = scratch.core({ dbKey: key, safety: { defaultBackupDir: backupDir, backupWorker: spawn } });
  await t.setupSupervisor('admin');
  return { t, key, backupDir, spawned };
}

const accountNames = (file: string, key: Buffer) => {
  const db = openKeyed(file, { key, readonly: true });
  try {
    return db.prepare('SELECT login_name FROM accounts ORDER BY id').pluck().all();
  } finally {
    db.close();
  }
};

describe('backups on the worker thread', () => {
  it('a backup on demand: the desk answers and writes while the worker copies; the copy is verified and audited', async () => {
    const { t, key, backupDir, spawned } = await workerCore();
    const order: string[] = [];
    const backup = t.call('admin', 'safety:backupNow', {}).then((r) => (order.push('backup'), r));
    const write = t.call('admin', 'safety:setSessionPolicy', { idleMinutes: 25 }).then((r) => (order.push('write'), r));
    const [made, written] = await Promise.all([backup, write]);
    // In line, the backup would have answered first: nothing else runs until it returns.
    expect(order).toEqual(['write', 'backup']);
    expect(okValue(written).idleMinutes).toBe(25);
    const info = okValue(made);
    expect(spawned).toEqual([path.join(appDir, 'dist', 'worker', 'index.cjs')]);
    expect(fs.readdirSync(backupDir)).toEqual([info.name]);
    expect(info.sizeBytes).toBe(fs.statSync(path.join(backupDir, info.name)).size);
    expect(accountNames(path.join(backupDir, info.name), key)).toEqual([SUPERVISOR.loginName]);
    expect(t.core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'backup' AND entity_id = ?").pluck().get(info.name)).toBe(1);
  });

  it('the automatic backup lets timers run while it copies, and is recorded when it is done', async () => {
    const { t, backupDir } = await workerCore();
    let ticks = 0;
    const heartbeat = setInterval(() => ticks++, 1);
    try {
      const report = await t.core.jobs.runDue();
      expect(report.backup).toMatchObject({ kind: 'auto' });
    } finally {
      clearInterval(heartbeat);
    }
    expect(ticks).toBeGreaterThan(0);
    expect(fs.readdirSync(backupDir)).toHaveLength(1);
    expect(readSetting(t.core.db, 'backup.lastAutoAt')).toBe(t.clock.now.toISOString());
  });

  it('closing the app stops a backup still copying: no error escapes, and nothing is recorded in the closed file', async () => {
    const { t } = await workerCore();
    const job = t.core.jobs.runDue();
    // Let the worker start, then quit as the app does.
    await new Promise((r) => setTimeout(r, 5));
    t.core.close();
    await expect(job).resolves.toMatchObject({ backup: 'failed' });
    expect(t.logs.map(String).join('\n')).toMatch(/backup worker stopped/);
  });

  it('a refusal inside the worker comes back as the same translated error', async () => {
    const { t } = await workerCore();
    const share = path.join(scratch.tempDir(), 'share');
    okValue(await t.call('admin', 'safety:setBackupPolicy', { folder: share, keep: 5 }));
    fs.rmSync(share, { recursive: true });
    fs.writeFileSync(share, 'not a folder');
    expect(await t.call('admin', 'safety:backupNow', {})).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'safety:backup.folderUnavailable' } });
  });

  it('backups take turns; a restore waits for the one copying, and one asked for after it is refused', async () => {
    const { t, backupDir } = await workerCore();
    const first = okValue(await t.call('admin', 'safety:backupNow', {}));
    t.clock.advance(60_000);
    const order: string[] = [];
    const track = <T>(name: string, p: Promise<T>) => p.then((r) => (order.push(name), r));
    const copying = track('copying', t.call('admin', 'safety:backupNow', {}));
    const restore = track('restore', t.call('admin', 'safety:restoreBackup', { name: first.name }));
    const late = track('late', t.call('admin', 'safety:backupNow', {}));
    const [copied, restored, refused] = await Promise.all([copying, restore, late]);
    expect(order).toEqual(['copying', 'restore', 'late']);
    expect(okValue(copied).name).not.toBe(first.name);
    expect(okValue(restored)).toMatchObject({ restarting: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked', messageKey: 'safety:restore.restarting' } });
    // The one on demand before and after, the safety copy of the restore: no half-written file.
    expect(fs.readdirSync(backupDir).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(fs.readdirSync(backupDir)).toHaveLength(3);
  });
});
