import { test, expect } from './harness';
import { pdfText } from '../support/pdf';

test('first run → supervisor → language → reference data → operator account → operator sees only their navigation', async ({ desk }) => {
  const { page } = desk;

  // First run: no account exists, the app asks for the first supervisor.
  await expect(page.getByRole('heading', { name: '建立第一位督導帳號' })).toBeVisible();
  await desk.shot('01-setup');
  await page.getByLabel('姓名').fill('林督導');
  await page.getByLabel('登入帳號').fill('lin');
  await page.getByLabel('密碼', { exact: true }).fill('short');
  await page.getByLabel('再次輸入密碼').fill('short');
  await page.getByRole('button', { name: '建立並登入' }).click();
  // Bad input: a translated message at the field, and nothing created.
  await expect(page.getByText('密碼至少 8 個字元')).toBeVisible();
  await page.getByLabel('密碼', { exact: true }).fill('night-shift-2025');
  await page.getByLabel('再次輸入密碼').fill('night-shift-2025');
  await page.getByRole('button', { name: '建立並登入' }).click();

  // Supervisor lands on the overview, with the supervisor's navigation.
  await expect(page.getByRole('heading', { name: '管理總覽' })).toBeVisible();
  const supervisorNav = page.getByTestId('main-nav').getByRole('button');
  await expect(supervisorNav.first()).toHaveText('管理總覽');
  for (const label of ['帳號管理', '參考資料']) await expect(supervisorNav.filter({ hasText: label })).toHaveCount(1);
  // The operator's own desk and the coordinator's check-in are not a supervisor's pages.
  for (const label of ['專線接聽', '講習報到']) await expect(supervisorNav.filter({ hasText: label })).toHaveCount(0);
  await desk.shot('02-admin-home');

  // One click to English and back; the choice is remembered by main.
  await page.getByTestId('language-toggle').click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  expect(desk.core.dispatcher).toBeTruthy();
  const prefs = await page.evaluate(() => window.api.prefs.get({}));
  expect(prefs).toMatchObject({ ok: true, value: { language: 'en' } });

  // Reference data in English: add, edit, reorder, retire a service item.
  await page.getByTestId('main-nav').getByRole('button', { name: 'Reference data' }).click();
  await expect(page.getByRole('heading', { name: 'Reference data' })).toBeVisible();
  const rows = page.getByTestId('ref-row');
  await expect(rows).toHaveCount(10);
  await page.getByTestId('ref-add').click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog').getByText('Required').first()).toBeVisible();
  await page.getByLabel('Chinese name').fill('藥物諮詢');
  await page.getByLabel('English name').fill('Medication advice');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(rows).toHaveCount(11);
  await expect(rows.last()).toContainText('藥物諮詢');
  await desk.shot('03-reference-en');

  await rows.last().getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('English name').fill('Medication questions');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(rows.last()).toContainText('Medication questions');

  await rows.last().getByRole('button', { name: 'Move up' }).click();
  await expect(rows.nth(9)).toContainText('Medication questions');
  await expect(rows.last()).not.toContainText('Medication questions');

  await rows.nth(9).getByRole('button', { name: 'Retire' }).click();
  await expect(rows).toHaveCount(10);
  await page.getByLabel('Show retired entries').check();
  await expect(rows).toHaveCount(11);
  await expect(rows.nth(9)).toContainText('Retired');

  // Back to Chinese, create an operator.
  await page.getByTestId('language-toggle').click();
  await page.getByTestId('main-nav').getByRole('button', { name: '帳號管理' }).click();
  await page.getByTestId('account-add').click();
  await page.getByLabel('姓名').fill('陳小華');
  await page.getByLabel('登入帳號').fill('chen');
  await page.getByLabel('接線人員').check();
  await page.getByLabel('臨時密碼').fill('temp-pass-1');
  await page.getByLabel('再次輸入密碼').fill('temp-pass-1');
  await page.getByRole('button', { name: '儲存' }).click();
  await expect(page.getByTestId('account-row')).toHaveCount(2);
  await expect(page.getByTestId('account-row').filter({ hasText: '陳小華' })).toContainText('待改密碼');
  await desk.shot('04-accounts');

  // The account list through the one print path, saved as PDF and read back.
  await page.getByRole('button', { name: '列印帳號清冊' }).click();
  await expect(page.getByTestId('print-preview')).toBeVisible();
  await desk.shot('05-print-preview');
  await page.getByTestId('print-save-pdf').click();
  await expect(page.getByTestId('print-done')).toBeVisible();
  const pdf = (await page.getByTestId('print-done').textContent())?.replace(/^已儲存：/, '') ?? '';
  const text = pdfText(pdf);
  expect(text).toContain('工作人員帳號清冊');
  expect(text).toContain('陳小華');
  expect(text).toContain('接線人員');
  expect(text).toMatch(/共\s*2\s*筆/);
  await page.getByRole('button', { name: '關閉' }).click();

  // Sign out; the operator signs in, sets their own password, sees only the operator's navigation.
  await page.getByRole('button', { name: '登出' }).click();
  await expect(page.getByRole('heading', { name: '登入' })).toBeVisible();
  await expect(page.getByLabel('登入帳號')).toHaveValue('lin');
  await page.getByLabel('登入帳號').fill('chen');
  await page.getByLabel('密碼').fill('wrong-password');
  await page.getByRole('button', { name: '登入' }).click();
  await expect(page.getByText('帳號或密碼不正確')).toBeVisible();
  await page.getByLabel('密碼').fill('temp-pass-1');
  await page.getByRole('button', { name: '登入' }).click();
  await expect(page.getByRole('heading', { name: '請設定新密碼' })).toBeVisible();
  await page.getByLabel('目前密碼').fill('temp-pass-1');
  await page.getByLabel('新密碼').fill('my-own-pass-9');
  await page.getByLabel('再次輸入密碼').fill('my-own-pass-9');
  await page.getByRole('button', { name: '變更密碼' }).click();

  await expect(page.getByRole('heading', { name: '專線接聽' })).toBeVisible();
  await expect(page.getByTestId('main-nav').getByRole('button')).toHaveText(['專線接聽', '來電紀錄', '追蹤與轉介', '交班']);
  await expect(page.getByText('自殺風險')).toBeVisible();
  await desk.shot('06-operator-home');

  // Roles are enforced in main, not only by hiding buttons.
  const forbidden = await page.evaluate(() => window.api.accounts.list({}));
  expect(forbidden).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});
