import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, type Desk } from './harness';
import { as, OWN_PASSWORD, seedStaff, signIn } from './hotlineSupport';
import { DatabaseKeyError, openKeyed } from '../../electron/core/db/open';
import { formatRecoveryKey } from '../../electron/core/safety/recoveryKey';
import { writeSetting } from '../../electron/core/safety/settings';
import { pdfText } from '../support/pdf';

const KEY = randomBytes(32);
test.use({ deskStart: { dbKey: KEY } });

/** Staff seeded through the dispatcher, with the supervisor's recovery key already confirmed. */
async function seedConfirmed(desk: Desk) {
  const staff = await seedStaff(desk);
  await as(desk, 'seed', 'safety:confirmRecoveryKey', { stored: true });
  return staff;
}

test('first supervisor: the recovery key is shown once, printed through the print path, and must be confirmed', async ({ desk }) => {
  const { page } = desk;
  await page.getByLabel('姓名').fill('林督導');
  await page.getByLabel('登入帳號').fill('lin');
  await page.getByLabel('密碼', { exact: true }).fill('night-shift-2025');
  await page.getByLabel('再次輸入密碼').fill('night-shift-2025');
  await page.getByRole('button', { name: '建立並登入' }).click();

  await expect(page.getByRole('heading', { name: '請保存資料庫復原金鑰' })).toBeVisible();
  const expected = formatRecoveryKey(KEY);
  await expect(page.getByTestId('recovery-key')).toHaveAttribute('aria-label', expected);
  await expect(page.getByTestId('recovery-key').locator('span')).toHaveText(expected.split('-'));
  await desk.shot('01-recovery-key');

  // On paper, through the one print dialog.
  await page.getByRole('button', { name: '列印復原金鑰' }).click();
  await expect(page.getByTestId('print-preview')).toBeVisible();
  await page.getByTestId('print-save-pdf').click();
  await expect(page.getByTestId('print-done')).toBeVisible();
  const pdf = (await page.getByTestId('print-done').textContent())?.replace(/^已儲存：/, '') ?? '';
  const text = pdfText(pdf);
  expect(text).toMatch(/資料庫\s*復原\s*金鑰/);
  for (const group of expected.split('-')) expect(text).toContain(group);
  await page.getByRole('dialog').getByRole('button', { name: '關閉' }).click();

  // Not without the box ticked.
  await page.getByRole('button', { name: '繼續' }).click();
  await expect(page.getByText('請先勾選已妥善保存復原金鑰')).toBeVisible();
  await page.getByLabel('我已將復原金鑰列印（或抄寫）並交付妥善保管').check();
  await page.getByRole('button', { name: '繼續' }).click();
  await expect(page.getByRole('heading', { name: '管理總覽' })).toBeVisible();

  // Never again: after a reload the app opens directly, and the channel refuses.
  await page.reload();
  await expect(page.getByRole('heading', { name: '管理總覽' })).toBeVisible();
  const again = await page.evaluate(() => window.api.safety.recoveryKey({}));
  expect(again).toMatchObject({ ok: false, error: { messageKey: 'safety:recoveryKey.alreadyConfirmed' } });
});

test('idle lock: the screen locks after the idle time, keys do not reach the app, and the typed call survives', async ({ desk }) => {
  const { page } = desk;
  await seedConfirmed(desk);
  await as(desk, 'seed', 'safety:setSessionPolicy', { idleMinutes: 2 });
  await page.clock.install();
  await signIn(page, 'chen');
  await expect(page.getByRole('heading', { name: '專線接聽' })).toBeVisible();
  await page.keyboard.press('F2');
  await expect(page.getByLabel('紀錄內容')).toBeFocused();
  await page.keyboard.type('來電者詢問戒治門診，尚未說完');
  await page.getByLabel('回電電話').fill('0912-345-678');

  // Two idle minutes later the lock screen covers everything.
  await page.clock.fastForward('02:10');
  await expect(page.getByRole('heading', { name: '畫面已鎖定' })).toBeVisible();
  // Opaque: at the spot where the notes are, what is on top is the lock screen.
  const box = await page.getByLabel('紀錄內容').boundingBox();
  const covered = await page.evaluate(({ x, y }) => Boolean(document.elementFromPoint(x, y)?.closest('[data-testid="lock-screen"]')), {
    x: (box?.x ?? 0) + 5,
    y: (box?.y ?? 0) + 5,
  });
  expect(covered).toBe(true);
  await desk.shot('02-locked');
  // Main refuses the window's calls while it is locked, whatever the renderer does.
  expect(await page.evaluate(() => window.api.hotline.drafts({}))).toMatchObject({ ok: false, error: { code: 'locked' } });
  // The app's own shortcuts are dead while locked: F2 starts no second call.
  await page.keyboard.press('F2');

  await page.getByLabel('密碼').fill('wrong-password');
  await page.getByRole('button', { name: '解除鎖定' }).click();
  await expect(page.getByText('密碼錯誤')).toBeVisible();
  await page.getByLabel('密碼').fill(OWN_PASSWORD);
  await page.getByRole('button', { name: '解除鎖定' }).click();
  await expect(page.getByRole('heading', { name: '畫面已鎖定' })).toBeHidden();

  // Everything is where it was, in the same (never unmounted) form.
  await expect(page.getByTestId('draft-tab')).toHaveCount(1);
  await expect(page.getByLabel('紀錄內容')).toHaveValue('來電者詢問戒治門診，尚未說完');
  await expect(page.getByLabel('回電電話')).toHaveValue('0912-345-678');
  await page.getByLabel('紀錄內容').press('End');
  await page.keyboard.type('，稍後回電');
  await expect(page.getByLabel('紀錄內容')).toHaveValue('來電者詢問戒治門診，尚未說完，稍後回電');

  // Locking by hand before leaving the desk, and main's "screen locked" signal, do the same.
  await page.getByTestId('lock-now').click();
  await expect(page.getByRole('heading', { name: '畫面已鎖定' })).toBeVisible();
  await page.getByLabel('密碼').fill(OWN_PASSWORD);
  await page.getByLabel('密碼').press('Enter');
  await expect(page.getByRole('heading', { name: '畫面已鎖定' })).toBeHidden();
  desk.core.dispatcher.lockAll();
  await desk.emit('safety:locked');
  await expect(page.getByRole('heading', { name: '畫面已鎖定' })).toBeVisible();
  const trail = desk.core.db.prepare("SELECT action FROM audit_log WHERE entity = 'session' ORDER BY id").all();
  expect(trail).toEqual([{ action: 'lock' }, { action: 'unlock' }, { action: 'lock' }, { action: 'unlock' }]);
});

test('supervisor: audit trail search and CSV export; backups; restore restarts the app', async ({ desk }) => {
  const { page } = desk;
  const staff = await seedConfirmed(desk);
  await as(desk, 'seed-chen', 'hotline:startDraft', {});
  await signIn(page, 'boss');
  await page.getByTestId('main-nav').getByRole('button', { name: '稽核紀錄' }).click();
  await expect(page.getByRole('heading', { name: '稽核紀錄' })).toBeVisible();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();

  await page.getByLabel('人員').click();
  await page.getByRole('option', { name: '陳小華（chen）' }).click();
  await page.getByLabel('起日').fill('abc');
  await page.getByTestId('audit-search').click();
  await expect(page.getByText('請輸入正確的日期')).toBeVisible();
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  await page.getByLabel('起日').fill(today);
  await page.getByTestId('audit-search').click();
  const chenEntries = (desk.core.db.prepare('SELECT count(*) AS n FROM audit_log WHERE account_id = ?').get(staff.chen) as { n: number }).n;
  expect(chenEntries).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('audit-row')).toHaveCount(chenEntries);
  await expect(page.getByTestId('audit-row').first()).toContainText('陳小華');
  await desk.shot('03-audit');

  await page.getByTestId('audit-export').click();
  await expect(page.getByTestId('audit-exported')).toContainText(`已匯出 ${chenEntries} 筆`);
  const csv = fs.readFileSync(desk.fileSaver.saved.at(-1) ?? '', 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('chen,陳小華,signIn');
  expect(csv.split('\r\n').filter((l) => l.includes('chen,陳小華'))).toHaveLength(chenEntries);

  // Backups: one on demand, listed; then a restore of it.
  await page.getByTestId('main-nav').getByRole('button', { name: '資料安全' }).click();
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-made')).toBeVisible();
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  // The room left where the database and its backups are written (this machine's real drives).
  await expect(page.getByTestId('disk-space')).toHaveText(/^資料庫 \d+(\.\d)? [KMG]B；資料磁碟剩餘 \d+\.\d [MG]B；備份資料夾剩餘 \d+\.\d [MG]B$/);
  await desk.shot('04-data-safety');
  await page.getByTestId('backup-row').getByRole('button', { name: '還原' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: '還原並重新啟動' })).toBeDisabled();
  await dialog.getByLabel('輸入「還原」以確認').fill('還原');
  await desk.shot('05-restore-confirm');
  await dialog.getByRole('button', { name: '還原並重新啟動' }).click();
  await expect(page.getByTestId('safety-restarting')).toBeVisible();
  expect(desk.core.safety.halted).toBe(true);
  const backups = fs.readdirSync(path.join(desk.dir, 'backups'));
  expect(backups.filter((f) => f.endsWith('-preRestore.sqlite3'))).toHaveLength(1);
});

test('supervisor home: a backup share that went away and backups two days late are said first, with the way to data safety', async ({ desk }) => {
  const { page } = desk;
  await seedConfirmed(desk);
  const share = path.join(desk.dir, 'share');
  await as(desk, 'seed', 'safety:setBackupPolicy', { folder: share, keep: 5 });
  // The network drive went away (something else now answers at its path), three days after the last automatic backup.
  fs.rmSync(share, { recursive: true });
  fs.writeFileSync(share, 'not a folder');
  const threeDaysAgo = new Date(Date.now() - 72 * 3_600_000).toISOString();
  writeSetting(desk.core.db, 'backup.lastAutoAt', threeDaysAgo, threeDaysAgo, null);

  await signIn(page, 'boss');
  await expect(page.getByTestId('home-backup-folder')).toContainText(`無法使用備份資料夾 ${share}（網路磁碟是否已連線？）`);
  await expect(page.getByTestId('home-backup-overdue')).toContainText('已超過兩天');
  await desk.shot('06-home-backup-warnings');
  await page.getByTestId('home-backup-overdue').getByRole('button', { name: '資料安全' }).click();
  await expect(page.getByRole('heading', { name: '資料安全' })).toBeVisible();
  await expect(page.getByTestId('backup-now')).toBeVisible();
});

test('Linux with a plain-text keyring: nothing works until a supervisor accepts it on record', async ({ desk }) => {
  const { page } = desk;
  await seedConfirmed(desk);
  // The same database, now started where only basic_text is available.
  desk.core.safety.keyStorage = { backend: 'basic_text', weak: true };
  await signIn(page, 'chen');
  await expect(page.getByRole('heading', { name: '這台電腦沒有安全的金鑰圈' })).toBeVisible();
  await expect(page.getByText('請通知督導登入處理')).toBeVisible();
  await page.getByRole('button', { name: '改由其他人登入（登出）' }).click();

  await signIn(page, 'boss');
  await expect(page.getByTestId('weak-keyring')).toBeVisible();
  await desk.shot('06-weak-keyring');
  await page.getByRole('button', { name: '接受並繼續' }).click();
  await expect(page.getByText('請勾選接受風險')).toBeVisible();
  await page.getByLabel('我了解風險，並以督導身分接受在此電腦上使用').check();
  await page.getByRole('button', { name: '接受並繼續' }).click();
  await expect(page.getByRole('heading', { name: '管理總覽' })).toBeVisible();
  await page.getByTestId('main-nav').getByRole('button', { name: '資料安全' }).click();
  await expect(page.getByTestId('encryption-section')).toContainText('王督導 於');
});

test.describe('changing the database key', () => {
  /** The key file as main keeps it, in memory: the last key committed and the one it replaced. */
  const committed: { key: Buffer; old: Buffer }[] = [];
  test.use({
    deskStart: {
      dbKey: KEY,
      safety: {
        keyStore: {
          stage: async () => undefined,
          commit: async (key, old) => void committed.push({ key, old }),
          discard: async () => undefined,
        },
      },
    },
  });

  test('after the recovery key was used, a supervisor changes the key and the app restarts on the re-encrypted file', async ({ desk }) => {
    const { page } = desk;
    await seedConfirmed(desk);
    // As main reports it after the recovery screen put the key back.
    desk.core.safety.keyStorage = { ...desk.core.safety.keyStorage, recoveredAt: new Date().toISOString() };
    await signIn(page, 'boss');
    // The supervisor's home says so first, and leads to the page where the key is changed.
    await expect(page.getByTestId('home-key-recovered')).toContainText('復原金鑰已經拆封，請更換資料庫金鑰');
    await page.getByTestId('home-key-recovered').getByRole('button', { name: '資料安全' }).click();
    await expect(page.getByTestId('key-recovered')).toContainText('復原金鑰已經拆封，請更換資料庫金鑰');
    await page.getByTestId('change-key').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: '更換資料庫金鑰' })).toBeVisible();
    await expect(dialog.getByTestId('change-key-submit')).toBeDisabled();
    await dialog.getByLabel('輸入「更換」以確認').fill('更換');
    await desk.shot('01-change-key-confirm');
    await dialog.getByTestId('change-key-submit').click();
    await expect(page.getByTestId('safety-restarting')).toBeVisible();
    await expect(page.getByText('資料庫檔案已更換，程式正在重新啟動…')).toBeVisible();
    expect(desk.core.safety.halted).toBe(true);

    const [change] = committed;
    expect(committed).toHaveLength(1);
    expect(change?.old.equals(KEY)).toBe(true);
    const file = path.join(desk.dir, 'desk.sqlite3');
    expect(() => openKeyed(file, { key: KEY, readonly: true })).toThrow(DatabaseKeyError);
    const db = openKeyed(file, { key: change?.key, readonly: true });
    try {
      expect(db.prepare("SELECT action FROM audit_log WHERE action = 'changeKey'").all()).toEqual([{ action: 'changeKey' }]);
    } finally {
      db.close();
    }
  });
});
