import { test, expect } from './harness';
import { pdfText } from '../support/pdf';
import { formatDateForLang } from '../../shared/lib/rocDate';
import { formatTime } from '../../shared/lib/time';
import { as, refId, seedStaff, signIn } from './hotlineSupport';

test('a supervisor reads the call log, edits a call any time, reads its edit history and prints it masked or in full', async ({ desk }) => {
  const { page } = desk;
  const staff = await seedStaff(desk);
  const now = Date.now();
  const saved = await as(desk, 'seed-chen', 'hotline:saveCall', {
    draftId: null,
    call: {
      direction: 'inbound',
      startedAt: new Date(now - 600_000).toISOString(),
      endedAt: new Date(now - 300_000).toISOString(),
      operatorId: staff.chen,
      callerTypeId: await refId(desk, 'callerType', 'public'),
      gender: null,
      ageGroupId: null,
      districtId: null,
      phone: '0987-654-321',
      serviceItemIds: [await refId(desk, 'serviceItem', 'drug-hazard-lecture')],
      notes: '詢問講習請假方式',
      flags: [],
    },
  });

  await signIn(page, 'boss');
  await expect(page.getByTestId('main-nav').getByRole('button', { name: '來電紀錄' })).toBeVisible();
  await expect(page.getByTestId('main-nav').getByRole('button', { name: '專線接聽' })).toHaveCount(0);
  await page.getByTestId('main-nav').getByRole('button', { name: '來電紀錄' }).click();
  await page.getByTestId('call-row').first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('call-notes')).toHaveText('詢問講習請假方式');

  // Edit: bad input first (end before start), then a real correction.
  await dialog.getByRole('button', { name: '編輯' }).click();
  await dialog.getByLabel('紀錄內容').fill('詢問講習請假方式，已說明需檢附證明');
  await dialog.getByLabel('結束日期').fill(formatDateForLang(new Date(now - 2 * 86_400_000), 'zh-TW', 'short'));
  await page.keyboard.press('Control+Enter');
  await expect(dialog.getByText('結束時間不可早於開始時間')).toBeVisible();
  await desk.shot('01-edit-refused');
  const after = new Date(now - 60_000);
  await dialog.getByLabel('結束日期').fill(formatDateForLang(after, 'zh-TW', 'short'));
  await dialog.getByLabel('結束時間').fill(formatTime(after));
  await dialog.getByRole('button', { name: '儲存 (Ctrl+Enter)' }).click();
  await expect(dialog.getByTestId('call-notes')).toHaveText('詢問講習請假方式，已說明需檢附證明');
  await expect(dialog).toContainText('已修改 1 次');

  await dialog.getByRole('button', { name: '修改紀錄' }).click();
  const history = page.getByTestId('history-entry');
  await expect(history).toContainText('王督導');
  await expect(history).toContainText('詢問講習請假方式');
  await expect(history).toContainText('已說明需檢附證明');
  await desk.shot('02-history');
  await page.getByRole('dialog').last().getByRole('button', { name: '關閉' }).click();

  // Print the record: the phone is masked unless the printer chooses otherwise.
  await dialog.getByRole('button', { name: '列印' }).click();
  await page.getByTestId('print-save-pdf').click();
  await expect(page.getByTestId('print-done')).toBeVisible();
  const masked = pdfText((await page.getByTestId('print-done').textContent())?.replace(/^已儲存：/, '') ?? '');
  expect(masked).toMatch(new RegExp(`專線來電紀錄\\s*#${saved.call.id}`));
  expect(masked).toContain('0987-***-321');
  expect(masked).not.toContain('0987-654-321');
  await page.getByRole('dialog').last().getByRole('button', { name: '關閉' }).click();
  await dialog.getByLabel('列印完整電話號碼').check();
  await dialog.getByRole('button', { name: '列印' }).click();
  await page.getByTestId('print-save-pdf').click();
  await expect(page.getByTestId('print-done')).toBeVisible();
  const full = pdfText((await page.getByTestId('print-done').textContent())?.replace(/^已儲存：/, '') ?? '');
  expect(full).toContain('0987-654-321');
  const audit = desk.core.db.prepare("SELECT details FROM audit_log WHERE action = 'savePdf' AND entity_id = 'hotline.call' ORDER BY id").all() as { details: string }[];
  expect(audit.map((a) => JSON.parse(a.details).params.showFull)).toEqual([false, true]);
});
