import { copyFileSync } from 'node:fs';
import { test, expect } from './harness';
import { pdfText } from '../support/pdf';
import { formatDateForLang } from '../../shared/lib/rocDate';
import { formatTime } from '../../shared/lib/time';
import { as, refId, seedStaff, signIn, signOut } from './hotlineSupport';
import type { Desk } from './harness';
import type { CallInput } from '../../shared/api/channels/hotline';

/** A complete service call that ended a moment ago, as chen would have saved it. */
async function serviceCall(desk: Desk, operatorId: number, extra: Partial<CallInput> = {}) {
  const now = Date.now();
  return as(desk, 'seed-chen', 'hotline:saveCall', {
    draftId: null,
    call: {
      direction: 'inbound',
      startedAt: new Date(now - 30_000).toISOString(),
      endedAt: new Date(now - 20_000).toISOString(),
      operatorId,
      callerTypeId: await refId(desk, 'callerType', 'client'),
      gender: null,
      ageGroupId: null,
      districtId: null,
      phone: '0933-222-111',
      serviceItemIds: [await refId(desk, 'serviceItem', 'legal-consultation')],
      notes: '個案詢問緩起訴附命戒癮治療',
      flags: [],
      ...extra,
    },
  });
}

test('a referral and a follow-up through to done', async ({ desk }) => {
  const { page } = desk;
  const staff = await seedStaff(desk);
  const saved = await serviceCall(desk, staff.chen);
  const other = await as(desk, 'seed-chen', 'hotline:addFollowUp', {
    callId: saved.call.id,
    followUp: { dueAt: new Date(Date.now() - 60 * 60_000).toISOString(), ownerId: staff.lin, note: '確認是否已就醫' },
  });
  await signIn(page, 'chen');
  await expect(page.getByTestId('count-overdue')).toHaveText('1');

  await page.getByTestId('main-nav').getByRole('button', { name: '來電紀錄' }).click();
  await page.getByTestId('call-row').first().click();
  const dialog = page.getByRole('dialog');

  // Referral: 轉介中 → 已回覆 → 已結案, each change recorded.
  await dialog.getByLabel('轉介單位').click();
  await page.getByRole('option', { name: '衛生局醫療戒治' }).click();
  await dialog.getByLabel('聯絡人').fill('李護理師');
  await dialog.getByRole('button', { name: '新增轉介' }).click();
  const referral = dialog.getByTestId('referral');
  await expect(referral.getByTestId('referral-status')).toHaveText('轉介中');
  await referral.getByLabel('狀態說明').fill('已安排門診');
  await referral.getByRole('button', { name: '已回覆' }).click();
  await expect(referral.getByTestId('referral-status')).toHaveText('已回覆');
  await referral.getByRole('button', { name: '結案' }).click();
  await expect(referral.getByTestId('referral-status')).toHaveText('已結案');
  await expect(referral.locator('li')).toHaveCount(3);
  await expect(referral.locator('li').nth(1)).toContainText('陳小華');
  await expect(referral.locator('li').nth(1)).toContainText('已回覆（已安排門診）');
  await expect(referral.getByRole('button', { name: '結案' })).toHaveCount(0);

  // Follow-up: due five minutes ago, so the home counter shows it overdue.
  const due = new Date(Date.now() - 5 * 60_000);
  const add = dialog.getByTestId('follow-up-add');
  await add.getByLabel('到期日期').fill(formatDateForLang(due, 'zh-TW', 'short'));
  await add.getByLabel('到期時間').fill('9999');
  await add.getByRole('button', { name: '新增追蹤' }).click();
  await expect(add.getByText('請輸入 24 小時制時間，例如 14:30')).toBeVisible();
  await add.getByLabel('到期時間').fill(formatTime(due));
  await add.getByLabel('事由').fill('回電確認門診時間');
  await add.getByRole('button', { name: '新增追蹤' }).click();
  await expect(dialog.getByTestId('follow-up')).toHaveCount(2);
  await desk.shot('01-call-with-referral');
  await dialog.getByRole('button', { name: '關閉' }).click();

  await page.getByTestId('main-nav').getByRole('button', { name: '專線接聽' }).click();
  await expect(page.getByTestId('count-overdue')).toHaveText('2');
  await page.getByTestId('count-overdue').click();
  await expect(page.getByRole('heading', { name: '追蹤與轉介' })).toBeVisible();
  await expect(page.getByTestId('follow-up-row')).toHaveCount(2);
  await desk.shot('02-follow-ups');

  // Both done at once, with one outcome.
  await page.getByLabel('全選').check();
  await page.getByTestId('bulk-done').click();
  await page.getByTestId('complete-follow-ups').click();
  await expect(page.getByRole('dialog').getByText('必填')).toBeVisible();
  await page.getByRole('dialog').getByLabel('結果').fill('已回電，門診週三上午');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('目前沒有待辦的追蹤')).toBeVisible();
  await page.getByLabel('顯示已完成').check();
  await expect(page.getByTestId('follow-up-row')).toHaveCount(2);
  await expect(page.getByTestId('follow-up-row').first()).toContainText('已回電，門診週三上午');
  await page.getByTestId('main-nav').getByRole('button', { name: '專線接聽' }).click();
  await expect(page.getByTestId('count-overdue')).toHaveText('0');

  const done = await as(desk, 'seed-lin', 'hotline:followUps', { open: false, mine: true });
  expect(done.map((f) => [f.id, f.doneByName, f.outcome])).toEqual([[other.id, '陳小華', '已回電，門診週三上午']]);
  const [r] = await as(desk, 'seed', 'hotline:referrals', { status: 'closed' });
  expect(r?.history.map((h) => h.toStatus)).toEqual(['pending', 'replied', 'closed']);
});

test('a shift handover printed to PDF with the right counts, acknowledged by the next shift', async ({ desk }) => {
  const { page } = desk;
  const staff = await seedStaff(desk);
  const flag = await refId(desk, 'riskFlag', 'domestic-violence');
  const first = await serviceCall(desk, staff.chen);
  await serviceCall(desk, staff.chen, { flags: [{ flagId: flag, actionTaken: '已協助撥打113通報' }] });
  await serviceCall(desk, staff.chen, { phone: '' });
  const silent = await refId(desk, 'nonServiceCallType', 'silent');
  const wrong = await refId(desk, 'nonServiceCallType', 'wrong-number');
  await as(desk, 'seed-chen', 'hotline:quickCall', { typeId: silent });
  await as(desk, 'seed-chen', 'hotline:quickCall', { typeId: silent });
  await as(desk, 'seed-chen', 'hotline:quickCall', { typeId: wrong });
  const unit = await refId(desk, 'referralUnit', 'aftercare-association');
  const today = new Date().toISOString().slice(0, 10);
  await as(desk, 'seed-chen', 'hotline:addReferral', { callId: first.call.id, referral: { unitId: unit, contactPerson: '周專員', referredOn: today, note: '' } });
  await as(desk, 'seed-chen', 'hotline:addFollowUp', {
    callId: first.call.id,
    followUp: { dueAt: new Date(Date.now() + 3 * 3_600_000).toISOString(), ownerId: staff.lin, note: '晚上回電' },
  });

  await signIn(page, 'chen');
  await page.getByTestId('main-nav').getByRole('button', { name: '交班' }).click();
  // In a shift's first hour the page opens on the shift that just ended; these calls are this shift's.
  await page.getByRole('tab', { name: '本班' }).click();
  await expect(page.getByTestId('handover-total')).toHaveText('6');
  await expect(page.getByTestId('handover-service')).toHaveText('3');
  await expect(page.getByTestId(`handover-type-${silent}`)).toHaveText('2');
  await page.getByLabel('交班事項').fill('周專員明天會回覆更生保護會的轉介；0933 個案晚上要回電');
  await desk.shot('01-handover');
  await page.getByTestId('save-handover').click();

  // Saving opens the one print dialog; saved as PDF and read back.
  await expect(page.getByTestId('print-preview')).toBeVisible();
  await page.getByTestId('print-save-pdf').click();
  await expect(page.getByTestId('print-done')).toBeVisible();
  const pdf = (await page.getByTestId('print-done').textContent())?.replace(/^已儲存：/, '') ?? '';
  const text = pdfText(pdf);
  expect(text).toMatch(/交班紀錄/);
  expect(text).toMatch(/總來電\s*6\s*通/);
  expect(text).toMatch(/服務來電\s*3\s*通/);
  expect(text).toMatch(/非服務來電\s*3\s*通/);
  expect(text).toMatch(/無聲電話\s*2\s*通/);
  expect(text).toMatch(/打錯電話\s*1\s*通/);
  expect(text).toMatch(/騷擾\/惡作劇\s*0\s*通/);
  expect(text).toMatch(/未完成追蹤（\s*1\s*件）/);
  expect(text).toMatch(/轉介中（\s*1\s*件）/);
  expect(text).toMatch(/風險註記來電（\s*1\s*件）/);
  expect(text).toMatch(/已協助撥打113通報/);
  expect(text).toMatch(/0933-\*\*\*-111/);
  expect(text).not.toMatch(/0933-222-111/);
  expect(text.replace(/\s+/g, '')).toContain('周專員明天會回覆更生保護會的轉介');
  expect(desk.printHost.printed).toEqual([]); // saved as PDF, nothing sent to a printer
  await page.getByRole('button', { name: '關閉' }).click();
  await expect(page.getByTestId('handover-row')).toHaveCount(1);
  await expect(page.getByTestId('handover-row')).toContainText('尚未確認接班');

  // The next shift sees it on sign-in and acknowledges it.
  await signOut(page);
  await signIn(page, 'lin');
  const pending = page.getByTestId('pending-handover');
  await expect(pending).toContainText('陳小華');
  await expect(pending).toContainText('周專員明天會回覆更生保護會的轉介');
  await desk.shot('02-next-shift');
  await pending.getByRole('button', { name: '確認接班' }).click();
  await expect(pending).toHaveCount(0);
  await page.getByTestId('main-nav').getByRole('button', { name: '交班' }).click();
  await expect(page.getByTestId('handover-row')).toContainText('林大明');
  if (process.env.KEEP_HANDOVER_PDF) copyFileSync(pdf, process.env.KEEP_HANDOVER_PDF);
});
