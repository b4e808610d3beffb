import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, ARTIFACTS, savePdfFromPreview, type Desk } from './harness';
import { formatRocShort } from '../../shared/lib/rocDate';
import { addDays, taipeiDateKey } from '../../shared/lib/time';
import { pdfText } from '../support/pdf';
import { decodeQrPpm } from '../support/qr';

async function seed(desk: Desk, sender: string, channel: string, payload: unknown) {
  const r = await desk.core.dispatcher.dispatch(sender, channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as never;
}

/** An account with its own password already set, so the UI sign-in lands on the role's home. */
async function account(desk: Desk, displayName: string, loginName: string, role: string, password: string) {
  await seed(desk, 'admin', 'accounts:create', { displayName, loginName, roles: [role], password: 'temp-pass-1', passwordConfirm: 'temp-pass-1' });
  await seed(desk, loginName, 'auth:signIn', { loginName, password: 'temp-pass-1' });
  await seed(desk, loginName, 'auth:changePassword', { currentPassword: 'temp-pass-1', password, passwordConfirm: password });
}

const topicId = (desk: Desk, code: string) => (desk.core.db.prepare('SELECT id FROM counter_topics WHERE code = ?').get(code) as { id: number }).id;

test('counter desk: English visitor → search → visitor screen → slip with QR → visit log → FAQ → inquiry', async ({ desk }) => {
  test.setTimeout(180_000);
  const { page } = desk;

  // Seeded in Node for speed: supervisor, a counter clerk and a coordinator with their own passwords,
  // earlier visits (so the FAQ has a ranking to move), and one person on a lecture roster.
  await seed(desk, 'admin', 'auth:setupSupervisor', { displayName: '林督導', loginName: 'lin', password: 'night-shift-2025', passwordConfirm: 'night-shift-2025' });
  await account(desk, '櫃台小吳', 'wu', 'counter', 'front-desk-77');
  await account(desk, '陳承辦', 'chen', 'coordinator', 'lecture-day-9');
  for (const ids of [[topicId(desk, 'hotline')], [topicId(desk, 'hotline')], [topicId(desk, 'lecture-leave')]]) {
    await seed(desk, 'wu', 'counter:logVisit', { topicIds: ids, lang: 'zh-TW', outcome: 'answered' });
  }
  const ref = (await seed(desk, 'admin', 'reference:all', {})) as { venue: { id: number }[] };
  const lectureDay = addDays(taipeiDateKey(new Date()), 30);
  const session = (await seed(desk, 'chen', 'lectures:createSession', {
    date: lectureDay, startTime: '09:00', endTime: '13:00', venueId: ref.venue[0]?.id ?? null, capacity: 40, kind: 'weekday', hours: 4,
  })) as { id: number };
  const person = (await seed(desk, 'chen', 'lectures:saveAttendee', { name: '王小明', nationalId: 'A123456789', birthDate: '', drugClass: 3, penaltyCount: 1 })) as { id: number };
  const detail = (await seed(desk, 'chen', 'lectures:enrol', { sessionId: session.id, attendeeIds: [person.id] })) as { roster: { enrolmentId: number }[] };
  await seed(desk, 'chen', 'lectures:markNotified', { enrolmentIds: [detail.roster[0]?.enrolmentId] });

  // The page loaded before the seeding; start it again, as the app would after a first-run setup.
  await page.reload();
  // The clerk signs in (UI stays in Chinese) and lands on the desk.
  await page.getByLabel('登入帳號').fill('wu');
  await page.getByLabel('密碼').fill('front-desk-77');
  await page.getByRole('button', { name: '登入' }).click();
  await expect(page.getByRole('heading', { name: '服務台' })).toBeVisible();
  await expect(page.getByTestId('main-nav').getByRole('button')).toHaveText(['服務台', '進度查詢', '來訪紀錄', '常見問題']);

  // The clerk opens the visitor-facing window (a second window the app places on the second
  // screen); nobody signs into it and it greets in both languages.
  await page.getByTestId('open-visitor-screen').click();
  await expect.poll(() => desk.visitorPages.length).toBe(1);
  const visitor = desk.visitorPages[0] as NonNullable<(typeof desk.visitorPages)[0]>;
  await expect(visitor.getByTestId('visitor-welcome')).toContainText('歡迎光臨');
  await expect(visitor.getByTestId('visitor-welcome')).toContainText('Welcome');
  await visitor.screenshot({ path: path.join(ARTIFACTS, 'counter-visitor-screen-welcome.png') });
  // The screenshot activated the visitor page; in the app that window can never take focus.
  await page.bringToFront();

  // One key chooses English for the visitor; the search box has the focus.
  await page.keyboard.press('F3');
  await expect(page.getByTestId('visitor-lang').getByRole('button', { name: /English/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('topic-search')).toBeFocused();
  await page.keyboard.type('leave');
  await expect(page.getByTestId('topic-hit').first()).toContainText('講習請假與改期（轉訓）');
  await page.keyboard.press('Enter');

  // Staff view stays in Chinese; the visitor screen shows the same topic in English, large.
  await expect(page.getByTestId('topic-title')).toHaveText('講習請假與改期（轉訓）');
  await expect(page.getByTestId('visitor-status')).toContainText('Lecture leave and rescheduling');
  await expect(visitor.getByTestId('visitor-view')).toHaveAttribute('data-lang', 'en');
  await expect(visitor.getByTestId('visitor-title')).toHaveText('Lecture leave and rescheduling');
  await expect(visitor.getByTestId('visitor-unit')).toContainText('Counselling and Treatment Section (drug hazard lectures) · 2F');
  await expect(visitor.getByText('Documents to bring')).toBeVisible();
  await expect(visitor.getByText('應備文件')).toHaveCount(0);
  await visitor.screenshot({ path: path.join(ARTIFACTS, 'counter-visitor-screen-en.png') });
  await desk.shot('01-desk-topic-open');

  // F7: the guidance slip, English first, both languages; saved as PDF and read back.
  await page.keyboard.press('F7');
  await expect(page.getByRole('dialog')).toContainText('服務指引單：講習請假與改期（轉訓）');
  // The visitor's language comes first on the slip.
  await expect(page.frameLocator('[data-testid="print-preview"]').locator('h1')).toHaveText('Lecture leave and rescheduling');
  await desk.shot('02-slip-preview');
  const slip = await savePdfFromPreview(page);
  const text = pdfText(slip).replace(/\s+/g, '');
  expect(text).toContain('Lectureleaveandrescheduling');
  expect(text).toContain('講習請假與改期（轉訓）');
  expect(text).toContain('Documentstobring');
  expect(text).toContain('應備文件');
  expect(text).toContain('輔導處遇科（毒品危害講習）');
  // The QR code on paper opens the topic's web address.
  execFileSync('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', slip, path.join(desk.dir, 'slip-page')]);
  const ppm = fs.readdirSync(desk.dir).find((f) => f.startsWith('slip-page') && f.endsWith('.ppm')) ?? '';
  expect(decodeQrPpm(fs.readFileSync(path.join(desk.dir, ppm)))).toBe('https://dsacp.kcg.gov.tw/');

  const today = taipeiDateKey(new Date());
  const faqBefore = (await seed(desk, 'admin', 'counter:faq', { from: today, to: today })) as { items: { topicId: number; rank: number }[] };
  expect(faqBefore.items.find((i) => i.topicId === topicId(desk, 'lecture-leave'))?.rank).toBe(2);

  // F8 → Enter logs the visit, prefilled with what was opened and the visitor's language: seconds, not minutes.
  const started = Date.now();
  await page.keyboard.press('F8');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('visit-topics')).toContainText('講習請假與改期（轉訓）');
  await expect(dialog.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  const fiveStars = await dialog.locator('input[name="satisfaction"][value="5"]').getAttribute('id');
  await dialog.locator(`label[for="${fiveStars}"]`).click();
  await expect(dialog.locator('input[name="satisfaction"][value="5"]')).toBeChecked();
  await desk.shot('03-visit-dialog');
  await dialog.getByTestId('visit-save').click();
  await expect(page.getByTestId('visit-logged')).toBeVisible();
  expect(Date.now() - started).toBeLessThan(10_000);
  // Served: the visitor screen is back to the welcome page.
  await expect(visitor.getByTestId('visitor-welcome')).toBeVisible();

  // Today's list shows it.
  await page.getByTestId('main-nav').getByRole('button', { name: '來訪紀錄' }).click();
  await expect(page.getByTestId('visit-row')).toHaveCount(4);
  const row = page.getByTestId('visit-row').first();
  await expect(row).toContainText('講習請假與改期（轉訓）');
  await expect(row).toContainText('English');
  await expect(row).toContainText('當場解答');
  await expect(row).toContainText('櫃台小吳');
  await expect(row.locator('td').nth(5)).toHaveText('5');
  await expect(page.getByTestId('visits-total')).toHaveText('來訪 4 人次');
  await desk.shot('04-visits-today');

  // The FAQ ranking moved: lecture leave was asked once before (rank 2), now twice (rank 1, tied).
  await page.getByTestId('main-nav').getByRole('button', { name: '常見問題' }).click();
  const leave = page.getByTestId('faq-item').filter({ hasText: '講習請假與改期（轉訓）' });
  await expect(leave).toContainText('2 次');
  await expect(leave.getByTestId('faq-rank')).toHaveText('1');
  await expect(page.getByTestId('faq-total')).toContainText('期間來訪 4 人次');
  await desk.shot('05-faq');

  // Progress inquiry: a bad checksum is refused at the field; the right ID shows that person's status only.
  await page.getByTestId('main-nav').getByRole('button', { name: '進度查詢' }).click();
  await page.getByTestId('inquiry-id').fill('A123456788');
  await page.getByRole('button', { name: '查詢', exact: true }).click();
  await expect(page.getByText('檢查碼不符，請再核對證號')).toBeVisible();
  await page.getByTestId('inquiry-id').fill('a123456789');
  await page.getByRole('button', { name: '查詢', exact: true }).click();
  await expect(page.getByTestId('inquiry-result')).toContainText('王小明');
  await expect(page.getByTestId('inquiry-masked-id')).toHaveText('A12****789');
  await expect(page.getByTestId('inquiry-row')).toHaveCount(1);
  await expect(page.getByTestId('inquiry-row')).toContainText('已通知');
  await expect(page.getByTestId('inquiry-row')).toContainText(formatRocShort(lectureDay));
  // The typed ID does not stay on screen.
  await expect(page.getByTestId('inquiry-id')).toHaveValue('');
  await desk.shot('06-inquiry');
  await page.getByTestId('print-status-slip').click();
  const status = pdfText(await savePdfFromPreview(page)).replace(/\s+/g, '');
  expect(status).toContain('A12****789');
  expect(status).toContain('王○明');
  expect(status).not.toContain('王小明');
  expect(status).toContain('已通知');
  expect(status).toContain('Notified');
  const audit = desk.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'person' AND action = 'read'").get() as { n: number };
  expect(audit.n).toBe(1);
});
