/**
 * A list screen exports its current filter (issue 6 item 3), end to end: an operator filters
 * the call list in the UI, clicks 匯出 → CSV, and the file main wrote holds exactly the calls
 * the screen lists — every page of them, phones masked — and the export is audited.
 */
import fs from 'node:fs';
import { parseCsv } from '../unit/stats/csvParse';
import { expect, test } from './harness';
import { as, refId, seedStaff, signIn } from './hotlineSupport';

test('the call list exports exactly its filtered calls as CSV', async ({ desk }) => {
  const { page } = desk;
  const staff = await seedStaff(desk);
  const family = await refId(desk, 'callerType', 'family');
  const pub = await refId(desk, 'callerType', 'public');
  const psych = await refId(desk, 'serviceItem', 'psychological-support');
  const now = Date.now();
  const save = (minutesAgo: number, callerTypeId: number, phone: string, notes: string) =>
    as(desk, 'seed-chen', 'hotline:saveCall', {
      draftId: null,
      call: {
        direction: 'inbound',
        startedAt: new Date(now - minutesAgo * 60_000).toISOString(),
        endedAt: new Date(now - (minutesAgo - 3) * 60_000).toISOString(),
        operatorId: staff.chen,
        callerTypeId,
        gender: null,
        ageGroupId: null,
        districtId: null,
        phone,
        serviceItemIds: [psych],
        notes,
        flags: [],
      },
    });
  const older = await save(90, family, '0912-345-678', '母親詢問兒子戒治資源');
  const newer = await save(60, family, '0922-111-222', '父親詢問戒治門診時間');
  await save(45, family, '0933-000-111', '詢問講習請假方式');
  await save(30, pub, '0944-555-666', '民眾詢問戒治補助');

  await signIn(page, 'chen');
  await page.getByTestId('main-nav').getByRole('button', { name: '來電紀錄' }).click();
  await expect(page.getByTestId('calls-total')).toHaveText('共 4 筆');

  // The filter as an operator sets it: words in the notes, then the caller.
  await page.getByLabel('搜尋紀錄內容').fill('戒治');
  await page.getByLabel('搜尋紀錄內容').press('Enter');
  await expect(page.getByTestId('calls-total')).toHaveText('共 3 筆');
  await page.getByRole('combobox', { name: '來電者身分' }).click();
  await page.getByRole('option', { name: '家屬', exact: true }).click();
  await expect(page.getByTestId('calls-total')).toHaveText('共 2 筆');

  await page.getByTestId('calls-export').click();
  await page.getByTestId('calls-export-csv').click();
  const notice = page.getByTestId('calls-export-notice');
  await expect(notice).toContainText('已匯出 2 列');
  await desk.shot('call-list-exported');

  const file = desk.fileSaver.saved.at(-1) ?? '';
  expect(file).toMatch(/來電紀錄 \d{4}-\d{2}-\d{2}\.csv$/);
  await expect(notice).toContainText(file);
  const bytes = fs.readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [head, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
  expect(head?.slice(0, 3)).toEqual(['編號', '開始時間', '通話時長']);
  expect(rows.map((r) => [r[0], r[7], r[8], r[13]])).toEqual([
    [String(newer.call.id), '家屬', '0922-***-222', '父親詢問戒治門診時間'],
    [String(older.call.id), '家屬', '0912-***-678', '母親詢問兒子戒治資源'],
  ]);
  expect(bytes.toString('utf8')).not.toMatch(/0922-111-222|0912-345-678|0944-555-666/);

  const audit = desk.core.db.prepare("SELECT details FROM audit_log WHERE action = 'export' AND entity_id = 'hotline.calls'").all() as { details: string }[];
  expect(audit.map((a) => JSON.parse(a.details))).toEqual([
    { format: 'csv', params: { text: '戒治', callerTypeId: family }, rows: 2, personalData: true },
  ]);
});
