import { test, expect, savePdfFromPreview, type Desk } from './harness';
import { pdfText } from '../support/pdf';
import { checkDigitFor } from '../../shared/lib/taiwanId';
import { formatTime, taipeiDateKey, addDays } from '../../shared/lib/time';
import { addMonths, seriesDates } from '../../shared/domain/lectureSeries';

const SURNAMES = ['陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊'];
const GIVEN = ['志明', '淑芬', '家豪', '雅婷', '俊傑', '怡君', '冠宇', '佩珊', '建宏', '美玲'];

/** 50 people of a police notice list: unique names, valid IDs (checkDigitFor), one repeat offender, one minor. */
function roster() {
  return Array.from({ length: 50 }, (_, i) => {
    const first9 = `${'ABEKLNST'[i % 8]}${i % 2 === 0 ? 1 : 2}${String(2300000 + i * 137).padStart(7, '0')}`;
    return {
      name: `${SURNAMES[Math.floor(i / 10)]}${GIVEN[i % 10]}`,
      id: first9 + checkDigitFor(first9),
      birth: i === 7 ? '2009/05/01' : `${70 + (i % 20)}/0${(i % 9) + 1}/1${i % 10}`,
      phone: `09${String(20000000 + i * 1111).slice(0, 8)}`,
      count: i === 3 ? '再犯' : '初犯',
    };
  });
}

const HEADER = '姓名,身分證統一編號,出生日期,聯絡電話,戶籍地址,裁處書字號,裁處機關,毒品級別,初犯/再犯';
const line = (p: ReturnType<typeof roster>[number], n: number) =>
  `${p.name},${p.id},${p.birth},${p.phone},高雄市苓雅區四維三路${n}號,高市警刑字第11300${String(n).padStart(3, '0')}號,高雄市政府警察局,三級,${p.count}`;

async function seed(desk: Desk, channel: string, payload: unknown) {
  const r = await desk.core.dispatcher.dispatch('seed', channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as never;
}

/** The supervisor, then a coordinator (login chen / lecture-day-9) who has changed their first password, signed in to the core. */
async function seedCoordinator(desk: Desk, displayName: string) {
  await seed(desk, 'auth:setupSupervisor', { displayName: '林督導', loginName: 'lin', password: 'night-shift-2025', passwordConfirm: 'night-shift-2025' });
  await seed(desk, 'accounts:create', { displayName, loginName: 'chen', roles: ['coordinator'], password: 'temp-pass-1', passwordConfirm: 'temp-pass-1' });
  await seed(desk, 'auth:signOut', {});
  await seed(desk, 'auth:signIn', { loginName: 'chen', password: 'temp-pass-1' });
  await seed(desk, 'auth:changePassword', { currentPassword: 'temp-pass-1', password: 'lecture-day-9', passwordConfirm: 'lecture-day-9' });
}

test('roster of 50 → enrol → notices → check-in by name, ID and scanner → walk-in → leave → no-shows → certificates', async ({ desk }) => {
  test.setTimeout(240_000);
  const { page } = desk;
  const today = taipeiDateKey(new Date());
  const people = roster();

  // Seeded in Node for speed: the supervisor, a coordinator with their own password, tomorrow's session.
  await seedCoordinator(desk, '陳承辦');
  const ref = (await seed(desk, 'reference:all', {})) as { venue: { id: number }[]; leaveReason: { id: number }[] };
  const tomorrow = (await seed(desk, 'lectures:createSession', {
    date: addDays(today, 1), startTime: '09:00', endTime: '13:00', venueId: ref.venue[1]?.id ?? null, capacity: 40, kind: 'weekday', hours: 4,
  })) as { id: number };

  // The page asked for the first-run state before the seed existed.
  await page.reload();
  await page.getByLabel('登入帳號').fill('chen');
  await page.getByLabel('密碼', { exact: true }).fill('lecture-day-9');
  await page.getByRole('button', { name: '登入' }).click();
  await expect(page.getByRole('heading', { name: '講習場次' })).toBeVisible();
  await expect(page.getByTestId('main-nav').getByRole('button')).toHaveText(['講習場次', '講習報到', '受講習人', '講習統計']);

  // 1. Today's session through the form: bad input first (end before start), then a good one.
  const start = formatTime(new Date(Date.now() - 5 * 60_000));
  await page.getByTestId('session-new').click();
  await page.getByLabel('開始時間').fill('14:00');
  await page.getByLabel('結束時間').fill('13:00');
  await page.getByTestId('session-save').click();
  await expect(page.getByText('結束時間須晚於開始時間')).toBeVisible();
  await page.getByLabel('開始時間').fill(start);
  await page.getByLabel('結束時間').fill('23:59');
  await page.getByLabel('名額').fill('60');
  await page.getByLabel('講師').fill('林講師、王社工');
  await page.getByTestId('session-save').click();
  await expect(page.getByTestId('session-detail')).toBeVisible();
  await expect(page.getByTestId('session-title')).toContainText(start);

  // 2. Import: a file with broken rows is previewed with the errors and cannot be imported.
  await page.getByTestId('main-nav').getByRole('button', { name: '受講習人' }).click();
  await page.getByTestId('import-open').click();
  const bad = [HEADER, line(people[0]!, 1), '王大明,A123456788,70/1/1,0912000111,,,,,', ',B123456780,71/2/2,,,,,,', '李小華,F231234567,114/13/40,,,,,三級,'].join('\r\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
  await expect(page.getByTestId('import-summary')).toContainText('錯誤 3');
  await expect(page.getByTestId('import-rows')).toContainText('檢查碼不正確');
  await expect(page.getByTestId('import-rows')).toContainText('必填');
  await expect(page.getByTestId('import-rows')).toContainText('日期格式不正確');
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await desk.shot('01-import-errors');

  // The good file: 50 people plus one repeated row (same ID) that is merged, not doubled.
  const good = [HEADER, ...people.map((p, i) => line(p, i + 1)), line(people[10]!, 99)].join('\r\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${good}`, 'utf8') });
  await expect(page.getByTestId('import-summary')).toContainText('新增 50');
  await expect(page.getByTestId('import-summary')).toContainText('合併 1');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('新增 50 人');
  await page.getByRole('button', { name: '關閉' }).click();
  await expect(page.getByTestId('attendee-row')).toHaveCount(50);
  // IDs are masked on the list.
  await expect(page.getByTestId('attendee-list')).not.toContainText(people[0]!.id);
  await expect(page.getByTestId('attendee-list')).toContainText(`${people[0]!.id.slice(0, 3)}****${people[0]!.id.slice(7)}`);

  // Two people were booked for tomorrow (one will walk in today).
  const search = async (q: string) => ((await seed(desk, 'lectures:searchAttendees', { query: q })) as { id: number }[])[0]?.id ?? 0;
  const walkIn = people[20]!;
  const mover = people[21]!;
  await seed(desk, 'lectures:enrol', { sessionId: tomorrow.id, attendeeIds: [await search(walkIn.id), await search(mover.id)] });

  // 3. Enrol the 48 waiting into today's session, print their notices.
  await page.getByTestId('main-nav').getByRole('button', { name: '講習場次' }).click();
  await page.getByTestId('enrol-open').click();
  await expect(page.getByTestId('enrol-free')).toContainText('尚餘 60 個名額');
  await page.getByTestId('enrol-pick-all').click();
  await page.getByTestId('enrol-save').click();
  await expect(page.getByTestId('roster-row')).toHaveCount(48);
  await page.getByTestId('print-notices').click();
  const notices = pdfText(await savePdfFromPreview(page, 'lectures-e2e-'));
  expect(notices).toMatch(/第三、四級毒品危害講習通知書/);
  expect(notices).toContain(people[0]!.name);
  const codes = [...notices.matchAll(/LC-[0-9A-Z]{8}/g)].map((m) => m[0]);
  expect(new Set(codes).size).toBe(48);
  // One notice per page: the code printed beside each person's name.
  const codeOf = new Map(
    notices
      .split('\f')
      .map((pageText) => [people.find((p) => pageText.includes(p.name))?.name ?? '', /LC-[0-9A-Z]{8}/.exec(pageText)?.[0] ?? ''] as const)
      .filter(([name, code]) => name && code),
  );
  expect(codeOf.size).toBe(48);
  expect(notices).toMatch(/0800-770-885/);
  await expect(page.getByTestId('detail-message')).toContainText('48 人改為已通知');
  await expect(page.locator('[data-testid="roster-row"][data-status="notified"]')).toHaveCount(48);
  await desk.shot('02-session-notified');

  // The sign-in sheet before the session: masked IDs only.
  await page.getByTestId('print-sign-in').click();
  const sheet = pdfText(await savePdfFromPreview(page, 'lectures-e2e-'));
  expect(sheet).toMatch(/講習簽到表/);
  expect(sheet).toContain(`${people[0]!.id.slice(0, 3)}****${people[0]!.id.slice(7)}`);
  expect(sheet).not.toContain(people[0]!.id);
  expect(sheet).toMatch(/共\s*48\s*筆/);

  // 4. Attendance day: by typed name, by ID, by a scanner (code + Enter), and a walk-in.
  await page.getByRole('button', { name: '前往報到' }).click();
  const field = page.getByTestId('checkin-search');
  await expect(field).toBeFocused();
  await expect(page.getByTestId('live-due')).toHaveText('48');

  await field.fill(people[0]!.name.slice(0, 2));
  await expect(page.getByTestId('checkin-result')).toHaveCount(1);
  await expect(page.getByTestId('checkin-result').first()).toContainText(people[0]!.name);
  await field.press('Enter');
  await expect(page.getByTestId('checkin-banner')).toContainText(`${people[0]!.name} 報到完成`);
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('');

  await field.fill(people[3]!.id);
  await expect(page.getByTestId('checkin-result')).toHaveCount(1);
  await field.press('Enter');
  await expect(page.getByTestId('checkin-banner')).toContainText(`${people[3]!.name} 報到完成`);
  await expect(page.getByTestId('attention')).toContainText('再犯');

  // A keyboard-wedge scanner: the code typed fast, then Enter; no dialog, the next scan follows at once.
  for (const p of [people[12]!, people[25]!, people[40]!]) {
    const code = codeOf.get(p.name) ?? '';
    await page.keyboard.type(code, { delay: 5 });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('checkin-banner')).toContainText(`${p.name} 報到完成`);
    await expect(field).toHaveValue('');
  }
  await expect(page.getByTestId('live-checkedIn')).toHaveText('5');

  await field.fill(walkIn.id);
  await expect(page.getByTestId('checkin-result')).toHaveAttribute('data-action', 'transferIn');
  await desk.shot('03-walk-in');
  await field.press('Enter');
  await expect(page.getByTestId('checkin-banner')).toContainText('已轉入本場並報到');
  await expect(page.getByTestId('live-checkedIn')).toHaveText('6');
  await expect(page.getByTestId('live-due')).toHaveText('49');
  await desk.shot('04-check-in');

  // 5. A leave request with its document, approved → 待排.
  await page.getByTestId('main-nav').getByRole('button', { name: '講習場次' }).click();
  const leaver = people[30]!;
  await page.getByRole('button', { name: `${leaver.name} 的操作` }).click();
  await page.getByRole('menuitem', { name: '請假' }).click();
  await page.getByLabel('證明文件收到日期').fill(today);
  await page.getByTestId('leave-save').click();
  await expect(page.locator('[data-testid="roster-row"][data-status="leaveRequested"]')).toHaveCount(1);
  await page.getByRole('button', { name: `${leaver.name} 的操作` }).click();
  await page.getByRole('menuitem', { name: '審核請假' }).click();
  await page.getByTestId('leave-approve').click();
  await expect(page.locator('[data-testid="roster-row"][data-status="toReschedule"]')).toHaveCount(1);

  // 6. Transfers: to the same session is refused; to tomorrow's works; another to a different city, with its letter.
  const moving = people[31]!;
  await page.getByRole('button', { name: `${moving.name} 的操作` }).click();
  await page.getByRole('menuitem', { name: '轉訓／移轉' }).click();
  await page.getByTestId('transfer-target').click();
  await page.getByRole('option', { name: /目前場次/ }).click();
  await page.getByTestId('transfer-save').click();
  await expect(page.getByText('不能轉到同一個場次')).toBeVisible();
  await page.getByTestId('transfer-target').click();
  await page.getByRole('option').filter({ hasNotText: '目前場次' }).first().click();
  await page.getByTestId('transfer-save').click();
  await expect(page.locator('[data-testid="roster-row"][data-status="transferredSession"]')).toHaveCount(1);

  const away = people[32]!;
  await page.getByRole('button', { name: `${away.name} 的操作` }).click();
  await page.getByRole('menuitem', { name: '轉訓／移轉' }).click();
  await page.getByTestId('transfer-city-tab').click();
  await page.getByLabel('移轉至').fill('臺南市政府毒品危害防制中心');
  await page.getByLabel('原因').fill('遷居臺南');
  await page.getByTestId('transfer-save').click();
  await expect(page.locator('[data-testid="roster-row"][data-status="transferredCity"]')).toHaveCount(1);
  await page.getByRole('button', { name: `${away.name} 的操作` }).click();
  await page.getByRole('menuitem', { name: '列印移轉函' }).click();
  const letter = pdfText(await savePdfFromPreview(page, 'lectures-e2e-'));
  expect(letter).toContain('臺南市政府毒品危害防制中心');
  expect(letter).toContain(away.id);
  expect(letter).toMatch(/移轉/);

  // 7. After the session: no-shows in bulk, renotify them, completion and certificates.
  await page.getByTestId('mark-no-shows').click();
  await expect(page.getByTestId('detail-message')).toContainText('已將 40 人標記為未到');
  await page.getByTestId('complete').click();
  await expect(page.getByTestId('detail-message')).toContainText('已完成 6 人');
  await page.getByTestId('print-certificates').click();
  const certs = pdfText(await savePdfFromPreview(page, 'lectures-e2e-'));
  expect(certs).toMatch(/講\s*習\s*證\s*明/);
  expect(certs).toContain('Certificate of Attendance');
  expect(certs).toContain(people[0]!.name);
  expect(certs).toContain(walkIn.name);
  expect([...certs.matchAll(/證明字號：(\d{8})/g)].length).toBe(6);

  // 8. 新心小棧: a consultation with someone who attended.
  await page.getByLabel('受講習人（已報到）').click();
  await page.getByRole('option', { name: people[3]!.name }).click();
  await page.getByLabel('諮詢類別').click();
  await page.getByRole('option', { name: '工作' }).click();
  await page.getByLabel('簡要紀錄').fill('想了解就業輔導');
  await page.getByTestId('counselling-save').click();
  await expect(page.getByTestId('counselling')).toContainText('想了解就業輔導');
  await expect(page.getByTestId('rate-counselling')).toContainText('16.7%');

  // due 49 (48 + the walk-in), approved leave 1, moved out 2 → 6 ÷ 46
  await expect(page.getByTestId('rate-attendance')).toContainText('出席 6 ÷（應到 49 − 核准請假 1 − 轉出 2）= 6 ÷ 46');
  await expect(page.getByTestId('rate-attendance')).toContainText('13.0%');
  await expect(page.getByTestId('rate-raw')).toContainText('12.2%');

  // Those who did not come: renotify two, return one to the issuing agency.
  await page.getByTestId('roster-filter-noShow').click();
  const noShows = page.getByTestId('roster-row');
  await expect(noShows).toHaveCount(40);
  await noShows.nth(0).getByRole('checkbox').check();
  await noShows.nth(1).getByRole('checkbox').check();
  await page.getByTestId('bulk-renotify').click();
  await expect(page.locator('[data-testid="roster-row"][data-status="renotified"]')).toHaveCount(2);
  await noShows.nth(2).getByRole('checkbox').check();
  await page.getByTestId('bulk-return').click();
  await expect(page.locator('[data-testid="roster-row"][data-status="returned"]')).toHaveCount(1);

  // 9. The month's figures, per session and in total, with the formulas.
  await page.getByTestId('main-nav').getByRole('button', { name: '講習統計' }).click();
  await expect(page.getByTestId('figures-sessions')).toContainText('13.0%');
  await expect(page.getByTestId('rate-counselling')).toContainText('諮詢 1 人次 ÷ 出席 6');
  await desk.shot('08-figures');
  await desk.shot('05-after-session');
});

test('English interface: a series of 2nd and 4th Saturdays, a cancelled session refuses check-in', async ({ desk }) => {
  const { page } = desk;
  const today = taipeiDateKey(new Date());
  await seedCoordinator(desk, 'Coordinator Chen');
  const s = (await seed(desk, 'lectures:createSession', { date: today, startTime: '00:00', endTime: '23:59', venueId: null, capacity: 10, kind: 'weekday', hours: 4 })) as { id: number };
  const ids: number[] = [];
  for (const n of [1, 2]) {
    const first9 = `A1${String(5550000 + n).padStart(7, '0')}`;
    ids.push(((await seed(desk, 'lectures:saveAttendee', { name: `Nguyen Van ${n}`, nationalId: first9 + checkDigitFor(first9), drugClass: 4, penaltyCount: 1, needsInterpreter: true, interpreterLanguage: 'Tiếng Việt' })) as { id: number }).id);
  }
  await seed(desk, 'lectures:enrol', { sessionId: s.id, attendeeIds: ids });

  await page.reload();
  await page.getByLabel('登入帳號').fill('chen');
  await page.getByLabel('密碼', { exact: true }).fill('lecture-day-9');
  await page.getByRole('button', { name: '登入' }).click();
  await page.getByTestId('language-toggle').click();
  await expect(page.getByRole('heading', { name: 'Lecture sessions' })).toBeVisible();

  // Every 2nd and 4th Saturday for three months.
  const end = addMonths(today, 3);
  const expected = seriesDates({ startDate: today, endDate: end, weekdays: [6], weeksOfMonth: [2, 4] });
  await page.getByTestId('session-new').click();
  await page.getByTestId('series-tab').click();
  await page.getByLabel('First date').fill(today);
  await page.getByLabel('Last date').fill(end);
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Sunday']) await page.getByLabel(day).uncheck();
  await page.getByLabel('Saturday').check();
  await page.getByLabel('2.', { exact: true }).check();
  await page.getByLabel('4.', { exact: true }).check();
  await expect(page.getByTestId('series-preview')).toContainText(`${expected.length} sessions:`);
  await page.getByLabel('Kind').click();
  await page.getByRole('option', { name: 'Holiday session' }).click();
  await desk.shot('06-series-en');
  await page.getByTestId('session-save').click();
  await expect(page.getByTestId('session-detail')).toBeVisible();
  await expect(page.getByTestId('session-title')).toContainText('Holiday session');
  const listed = (await seed(desk, 'lectures:listSessions', { from: today, to: end })) as { date: string; kind: string }[];
  expect(listed.filter((x) => x.kind === 'holiday').map((x) => x.date)).toEqual(expected);

  // Cancel today's session in the interface; its people wait for a new date, and check-in is refused.
  await page.getByTestId('upcoming-session').first().click();
  await expect(page.getByTestId('session-title')).toContainText('Weekday');
  await page.getByRole('button', { name: 'Cancel session' }).click();
  await page.getByRole('button', { name: 'Cancel session' }).last().click();
  await expect(page.getByText('Required')).toBeVisible();
  await page.getByLabel('Reason').fill('Typhoon day off');
  await page.getByRole('button', { name: 'Cancel session' }).last().click();
  await expect(page.getByText('This session was cancelled: Typhoon day off')).toBeVisible();
  await expect(page.locator('[data-testid="roster-row"][data-status="toReschedule"]')).toHaveCount(2);

  await page.getByTestId('main-nav').getByRole('button', { name: 'Check-in' }).click();
  await expect(page.getByText('This session is cancelled: no check-in')).toBeVisible();
  const field = page.getByTestId('checkin-search');
  await field.fill('Nguyen Van 1');
  await expect(page.getByTestId('checkin-result')).toHaveAttribute('data-action', 'none');
  await expect(page.getByTestId('checkin-result')).toContainText('Interpreter: Tiếng Việt');
  await expect(page.getByTestId('live-due')).toHaveText('0');
  await field.press('Enter');
  await expect(page.getByTestId('live-checkedIn')).toHaveText('0');
  await desk.shot('07-cancelled-en');
});

test('check-in desk: a long list says it stopped at 20; someone on no list is booked here and checked in with Enter; someone not in the register is added and checked in', async ({ desk }) => {
  const { page } = desk;
  const today = taipeiDateKey(new Date());
  await seedCoordinator(desk, '陳承辦');
  const s = (await seed(desk, 'lectures:createSession', { date: today, startTime: '00:00', endTime: '23:59', venueId: null, capacity: 30, kind: 'weekday', hours: 4 })) as { id: number };
  const person = async (n: number, name: string) => {
    const first9 = `E2${String(4440000 + n).padStart(7, '0')}`;
    return ((await seed(desk, 'lectures:saveAttendee', { name, nationalId: first9 + checkDigitFor(first9), phone: `0955${String(100000 + n)}`, drugClass: 3, penaltyCount: 1 })) as { id: number }).id;
  };
  // 21 people whose names start 林秀: more than the desk lists for one query.
  const ids: number[] = [];
  for (let n = 0; n < 21; n++) ids.push(await person(n, `林秀${GIVEN[n % 10]!.slice(0, 1)}${'一二三'[Math.floor(n / 10)]}`));
  await seed(desk, 'lectures:enrol', { sessionId: s.id, attendeeIds: ids });
  // Their roster has not arrived: in the register (an earlier import), on no session's list.
  await person(99, '鄭文雄');

  await page.reload();
  await page.getByLabel('登入帳號').fill('chen');
  await page.getByLabel('密碼', { exact: true }).fill('lecture-day-9');
  await page.getByRole('button', { name: '登入' }).click();
  await page.getByTestId('main-nav').getByRole('button', { name: '講習報到' }).click();
  const field = page.getByTestId('checkin-search');
  await expect(field).toBeFocused();
  await expect(page.getByTestId('live-due')).toHaveText('21');

  await field.fill('林秀');
  await expect(page.getByTestId('checkin-result')).toHaveCount(20);
  await expect(page.getByTestId('checkin-capped')).toHaveText('只列出前 20 位，請再多輸入姓名，或改用身分證字號、電話查詢');
  await desk.shot('01-capped');

  await field.fill('鄭文雄');
  await expect(page.getByTestId('checkin-not-on-list')).toHaveText('這些人不在任何場次的名單上');
  await expect(page.getByTestId('checkin-result')).toHaveAttribute('data-action', 'enrolIn');
  await expect(page.getByTestId('checkin-result')).toContainText('從未排過場次');
  await desk.shot('02-not-on-list');
  await field.press('Enter');
  await expect(page.getByTestId('checkin-banner')).toContainText('鄭文雄 已排入本場並報到');
  await expect(page.getByTestId('live-due')).toHaveText('22');
  await expect(page.getByTestId('live-checkedIn')).toHaveText('1');
  await expect(page.getByTestId('recent-checkins')).toContainText('鄭文雄');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('');

  // Found again, they are now on today's list, already checked in.
  await field.fill('鄭文雄');
  await expect(page.getByTestId('checkin-result')).toHaveAttribute('data-action', 'alreadyIn');
  await expect(page.getByTestId('checkin-not-on-list')).toHaveCount(0);
  await desk.shot('03-booked-and-in');

  // Not in the register at all (their notice came from another agency): added from the desk, with
  // what was typed already in its field, then booked here and checked in.
  await field.fill('黃新來');
  await field.press('Enter');
  await expect(page.getByTestId('checkin-banner')).toContainText('找不到「黃新來」');
  await page.getByTestId('checkin-add-person').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('attendee-intro')).toContainText('即排入本場並報到');
  await expect(dialog.getByLabel('姓名')).toHaveValue('黃新來');
  const first9 = 'E24449999';
  const good = checkDigitFor(first9);
  await dialog.getByLabel('身分證／居留證號').fill(first9 + (good === '1' ? '2' : '1'));
  await dialog.getByTestId('attendee-save').click();
  await expect(dialog.getByText('身分證或居留證號檢查碼不正確，請再核對')).toBeVisible();
  await desk.shot('04-new-person-bad-id');
  await dialog.getByLabel('身分證／居留證號').fill(first9 + good);
  await dialog.getByLabel('電話').fill('0955-777-888');
  await dialog.getByTestId('attendee-save').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('checkin-banner')).toContainText('黃新來 已排入本場並報到');
  await expect(page.getByTestId('live-due')).toHaveText('23');
  await expect(page.getByTestId('live-checkedIn')).toHaveText('2');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('');
  await desk.shot('05-new-person-in');
});
