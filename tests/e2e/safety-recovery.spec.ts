import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { CHANNEL_NAMES } from '../../shared/api/contract';
import { openDatabase } from '../../electron/core/db/open';
import { memoryPreferences } from '../../electron/core/prefs/memoryStore';
import { createRecoveryDispatcher } from '../../electron/core/safety/recovery';
import { formatRecoveryKey } from '../../electron/core/safety/recoveryKey';
import { ARTIFACTS, serveRenderer } from './harness';

/**
 * The app as main starts it when the key cannot be unwrapped (electron/main/index.ts
 * startRecovery): no core, only the recovery dispatcher behind window.api.
 */
test('the key is lost: the recovery screen opens the database with the sealed recovery key', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-recovery-'));
  const dbFile = path.join(dir, 'desk.sqlite3');
  const key = randomBytes(32);
  openDatabase(dbFile, { migrationsDir: path.resolve(__dirname, '../../electron/core/db/migrations'), key }).db.close();
  const recovered: Buffer[] = [];
  const dispatcher = createRecoveryDispatcher({ dbFile, reason: 'keyUnreadable', prefs: memoryPreferences(), onRecovered: async (k) => void recovered.push(k) });
  const server = await serveRenderer();
  try {
    await page.exposeBinding('__deskInvoke', (_source, channel: string, payload: unknown) => dispatcher.dispatch('recovery-window', channel, payload));
    await page.addInitScript((names: string[]) => {
      const w = window as unknown as { api: Record<string, unknown>; __deskInvoke(c: string, p: unknown): Promise<unknown> };
      const api: Record<string, Record<string, (p: unknown) => Promise<unknown>>> = {};
      for (const name of names) {
        const [domain, method] = name.split(':') as [string, string];
        (api[domain] ??= {})[method] = (p: unknown) => w.__deskInvoke(name, p ?? {});
      }
      w.api = { ...api, on: () => () => undefined };
    }, CHANNEL_NAMES);
    await page.goto(server.url);

    await expect(page.getByRole('heading', { name: '以復原金鑰開啟資料庫' })).toBeVisible();
    await expect(page.getByText('作業系統的金鑰圈無法解開資料庫的加密金鑰')).toBeVisible();
    const input = page.getByTestId('recovery-key-input');

    // A mistyped group: the checksum says so, instead of "wrong key".
    const right = formatRecoveryKey(key);
    await input.fill(right.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')));
    await page.getByRole('button', { name: '開啟資料庫' }).click();
    await expect(page.getByText('有字元打錯了（檢查碼不符），請逐組核對')).toBeVisible();
    // Another database's key.
    await input.fill(formatRecoveryKey(randomBytes(32)));
    await input.press('Enter');
    await expect(page.getByText('這不是這個資料庫的復原金鑰')).toBeVisible();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'safety-recovery-01-wrong-key.png') });
    expect(recovered).toEqual([]);

    // The sealed key, typed the way people type it: lower case, spaces, O for 0.
    await input.fill(right.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o'));
    await input.press('Enter');
    await expect(page.getByTestId('recovery-done')).toBeVisible();
    expect(recovered).toHaveLength(1);
    expect(recovered[0]?.equals(key)).toBe(true);
  } finally {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
