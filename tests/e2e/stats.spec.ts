/**
 * The supervisor's statistics screen end to end: records entered through the features' own
 * channels (hotline, lectures, counter), the screen read through the UI, periods switched,
 * tables exported (files opened) and the monthly report saved as PDF (read with pdftotext).
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { ChannelName, InputOf, OutputOf } from '../../shared/api/contract';
import { formatPeriod, formatPeriodDays, monthOf, shiftPeriod } from '../../shared/domain/statsPeriod';
import { addDays, fromTaipeiLocal, taipeiDateKey } from '../../shared/lib/time';
import { checkDigitFor } from '../../shared/lib/taiwanId';
import { pdfText } from '../support/pdf';
import { parseCsv } from '../unit/stats/csvParse';
import { expect, test, type Desk } from './harness';

const PASSWORD = 'MyOwnPass#456';
const TEMP = 'Temporary#123';

async function as<C extends ChannelName>(desk: Desk, sender: string, channel: C, payload: InputOf<C>): Promise<OutputOf<C>> {
  const r = await desk.core.dispatcher.dispatch(sender, channel, payload);
  if (!r.ok) throw new Error(`${channel} refused: ${JSON.stringify(r.error)}`);
  return r.value as OutputOf<C>;
}

async function staff(desk: Desk, loginName: string, displayName: string, roles: ('operator' | 'coordinator' | 'counter')[]): Promise<number> {
  const a = await as(desk, 'seed', 'accounts:create', { displayName, loginName, roles, password: TEMP, passwordConfirm: TEMP });
  await as(desk, loginName, 'auth:signIn', { loginName, password: TEMP });
  await as(desk, loginName, 'auth:changePassword', { currentPassword: TEMP, password: PASSWORD, passwordConfirm: PASSWORD });
  return a.id;
}

/**
 * This month: 3 service calls (client, family, public) and a silent call, a lecture held today
 * (2 due, 1 attended, 1 no-show, 1 consultation) and an English visit; last month: 1 call.
 */
async function seed(desk: Desk): Promise<void> {
  await as(desk, 'seed', 'auth:setupSupervisor', { displayName: '王督導', loginName: 'boss', password: PASSWORD, passwordConfirm: PASSWORD });
  const ref = await as(desk, 'seed', 'reference:all', {});
  const id = (kind: keyof typeof ref, code: string) => ref[kind].find((i) => i.code === code)?.id ?? 0;
  const op = await staff(desk, 'chen', '陳小華', ['operator']);
  await staff(desk, 'coord', '講習承辦', ['coordinator']);
  await staff(desk, 'desk1', '櫃台', ['counter']);

  const now = Date.now();
  const call = (start: number, caller: string, items: string[]) =>
    as(desk, 'chen', 'hotline:saveCall', {
      draftId: null,
      call: {
        direction: 'inbound',
        startedAt: new Date(start).toISOString(),
        endedAt: new Date(start + 60_000).toISOString(),
        operatorId: op,
        callerTypeId: id('callerType', caller),
        gender: null,
        ageGroupId: null,
        districtId: id('district', 'sanmin'),
        phone: '',
        serviceItemIds: items.map((c) => id('serviceItem', c)),
        notes: '',
        flags: [],
      },
      referrals: [],
      followUps: [],
    });
  await call(now - 4 * 60_000, 'client', ['psychological-support', 'drug-hazard-lecture']);
  await call(now - 3 * 60_000, 'family', ['psychological-support']);
  await call(now - 2 * 60_000, 'public', ['legal-consultation']);
  await as(desk, 'chen', 'hotline:quickCall', { typeId: id('nonServiceCallType', 'silent'), draftId: null });
  const firstOfMonth = `${taipeiDateKey(new Date()).slice(0, 7)}-01`;
  await call(fromTaipeiLocal(addDays(firstOfMonth, -5), '10:00').getTime(), 'client', ['psychological-support']);

  const today = taipeiDateKey(new Date());
  const session = await as(desk, 'coord', 'lectures:createSession', { date: today, startTime: '00:00', endTime: '23:59', venueId: null, capacity: 10, kind: 'weekday', hours: 4 });
  const people: number[] = [];
  for (const n of [1, 2]) {
    const first9 = `B2${String(3400000 + n).padStart(7, '0')}`;
    people.push((await as(desk, 'coord', 'lectures:saveAttendee', { name: `受講人${n}`, nationalId: first9 + checkDigitFor(first9), drugClass: 3, penaltyCount: 1 })).id);
  }
  const detail = await as(desk, 'coord', 'lectures:enrol', { sessionId: session.id, attendeeIds: people });
  const first = detail.roster.find((r) => r.attendeeId === people[0]);
  if (!first) throw new Error('not enrolled');
  await as(desk, 'coord', 'lectures:checkIn', { sessionId: session.id, enrolmentId: first.enrolmentId, transferIn: false });
  await as(desk, 'coord', 'lectures:markNoShows', { sessionId: session.id });
  await as(desk, 'coord', 'lectures:logConsultation', { sessionId: session.id, enrolmentId: first.enrolmentId, categoryId: id('counsellingCategory', 'work') });

  const topics = await as(desk, 'desk1', 'counter:searchTopics', { query: '' });
  await as(desk, 'desk1', 'counter:logVisit', { topicIds: [topics[0]?.id ?? 1], lang: 'en', outcome: 'answered', satisfaction: 5 });
}

test('statistics: read the month, switch periods, export XLSX and CSV, print the monthly report to PDF', async ({ desk }) => {
  const { page } = desk;
  await seed(desk);
  const thisMonth = monthOf(new Date());
  const lastMonth = shiftPeriod(thisMonth, -1);

  await page.reload();
  await page.getByLabel('登入帳號').fill('boss');
  await page.getByLabel('密碼').fill(PASSWORD);
  await page.getByRole('button', { name: '登入' }).click();
  await page.getByTestId('main-nav').getByRole('button', { name: '統計報表' }).click();
  await expect(page.getByRole('heading', { name: '統計報表', level: 1 })).toBeVisible();

  // This month, in ROC dates, with the bureau's sentence and the tables.
  await expect(page.getByTestId('period-label')).toHaveText(formatPeriod(thisMonth, 'zh-TW'));
  await expect(page.getByTestId('stats-summary')).toContainText('戒毒成功專線本期共 4 通，其中個案與家屬來電 2 通，佔總數 50.0%。');
  await expect(page.getByTestId('stats-summary')).toContainText('依諮詢問題提供立即服務 4 項次，其中以「心理支持」2 項次（占 50.00%）最多。');
  const caller = page.getByTestId('stat-table-hotline.callerType');
  await expect(caller.getByRole('row', { name: /個案本人/ })).toContainText('125.0%');
  await expect(caller.getByRole('row', { name: /總計/ })).toContainText('4100.0%');
  await expect(page.getByTestId('stat-table-hotline.serviceItems')).toContainText('占服務項次比率 = 該項項次 ÷ 服務項次總計 × 100%（小數 2 位，合計 100%）');
  await expect(page.getByTestId('chart-hotline.serviceItems').locator('svg').first()).toBeVisible();
  await desk.shot('01-hotline-month');

  // The previous month: only the call of five days before the 1st.
  await page.getByTestId('period-prev').click();
  await expect(page.getByTestId('period-label')).toHaveText(formatPeriod(lastMonth, 'zh-TW'));
  await expect(page.getByTestId('stats-summary')).toContainText('戒毒成功專線本期共 1 通');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByTestId('period-label')).toHaveText(formatPeriod(thisMonth, 'zh-TW'));

  // Lectures and counter parts of the same month.
  await page.getByTestId('stats-tab-lectures').click();
  const lectures = page.getByTestId('stat-table-lectures.summary');
  await expect(lectures.getByRole('row', { name: /^出席率/ })).toContainText('50.0%目標 70.0%：未達成');
  await expect(lectures.getByRole('row', { name: /^諮詢率/ })).toContainText('100.0%目標 11.0%：達成');
  await desk.shot('02-lectures');
  await page.getByTestId('stats-tab-counter').click();
  await expect(page.getByTestId('stat-table-counter.language').getByRole('row', { name: /英文/ })).toContainText('1100.0%');
  await page.getByTestId('stats-tab-trends').click();
  await expect(page.getByTestId('chart-trends.hotline').locator('svg').first()).toBeVisible();
  await desk.shot('03-trends');

  // A year, then a custom range typed in ROC dates the wrong way round: refused at the field.
  await page.getByTestId('stats-tab-hotline').click();
  await page.getByTestId('period-kind-year').click();
  await expect(page.getByTestId('period-label')).toHaveText(formatPeriod({ kind: 'year', year: thisMonth.year }, 'zh-TW'));
  await page.getByTestId('period-kind-custom').click();
  await page.getByTestId('period-from').fill('114/3/10');
  await page.getByTestId('period-to').fill('114/3/1');
  await page.getByTestId('period-apply').click();
  await expect(page.getByText('迄日不可早於起日')).toBeVisible();
  // nothing was applied: the year stays, and a month of it starts at January
  await page.getByTestId('period-kind-month').click();
  await expect(page.getByTestId('period-label')).toHaveText(formatPeriod({ kind: 'month', year: thisMonth.year, month: 1 }, 'zh-TW'));
  // back to this month through the lists
  await page.getByLabel('年度').click();
  await page.getByRole('option', { name: formatPeriod({ kind: 'year', year: thisMonth.year }, 'zh-TW') }).click();
  await page.getByLabel('月份').click();
  await page.getByRole('option').nth(thisMonth.month - 1).click();
  await expect(page.getByTestId('period-label')).toHaveText(formatPeriod(thisMonth, 'zh-TW'));

  // Export one table as CSV: a UTF-8 file with BOM that parses back to the table on screen.
  await page.getByTestId('export-hotline.callerType').click();
  await page.getByTestId('export-hotline.callerType-csv').click();
  await expect(page.getByTestId('export-hotline.callerType-notice')).toContainText('已匯出 7 列');
  const csvFile = desk.fileSaver.saved.at(-1) ?? '';
  const bytes = fs.readFileSync(csvFile);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = parseCsv(bytes.subarray(3).toString('utf8'));
  expect(csv[0]).toEqual(['來電者身分', '通數', '百分比']);
  expect(csv[1]).toEqual(['個案本人', '1', '25.0%']);
  expect(csv.at(-1)).toEqual(['總計', '4', '100.0%']);

  // Export every table of the month in one workbook, read back with exceljs.
  await page.getByTestId('export-all').click();
  await expect(page.getByTestId('export-all-notice')).toContainText('已匯出');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(desk.fileSaver.saved.at(-1) ?? '');
  expect(book.worksheets.length).toBe(25);
  expect(book.getWorksheet('專線來電概況')?.getCell('A2').value).toBe(`統計期間：${formatPeriod(thisMonth, 'zh-TW')}（${formatPeriodDays(thisMonth, 'zh-TW')}）`);

  // The monthly report through the one print dialog, saved as PDF and read back.
  await page.getByTestId('print-report').click();
  const preview = page.getByTestId('print-preview');
  await expect(preview).toBeVisible();
  await expect(page.frameLocator('[data-testid="print-preview"]').getByText('壹、24 小時免付費戒毒成功專線')).toBeVisible();
  await desk.shot('04-print-preview');
  await page.getByTestId('print-save-pdf').click();
  await expect(page.getByTestId('print-done')).toContainText('已儲存：');
  const saved = ((await page.getByTestId('print-done').textContent()) ?? '').replace(/^已儲存：/, '');
  const text = pdfText(saved).replace(/\s+/g, '');
  expect(text).toContain(`毒防服務台統計月報${formatPeriod(thisMonth, 'zh-TW')}`);
  expect(text).toContain('戒毒成功專線本期共4通，其中個案與家屬來電2通，佔總數50.0%。');
  expect(text).toContain('出席率50.0%（未扣除請假及轉出為50.0%）');
  await page.keyboard.press('Escape');

  // The same screen in English.
  await page.getByTestId('language-toggle').click();
  await expect(page.getByRole('heading', { name: 'Statistics', level: 1 })).toBeVisible();
  await expect(page.getByTestId('stats-summary')).toContainText('Hotline calls in the period: 4; from clients and families: 2 (50.0% of all calls).');
  await desk.shot('05-english');
});
