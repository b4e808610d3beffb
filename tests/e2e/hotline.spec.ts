import { test, expect } from './harness';
import { as, refId, seedStaff, signIn } from './hotlineSupport';

test('start a call with F2 → fill it → reload mid-call → the draft is back → save → it is in the list and the search', async ({ desk }) => {
  const { page } = desk;
  await seedStaff(desk);
  await signIn(page, 'chen');
  await expect(page.getByRole('heading', { name: '專線接聽' })).toBeVisible();
  await expect(page.getByTestId('main-nav').getByRole('button')).toHaveText(['專線接聽', '來電紀錄', '追蹤與轉介', '交班']);
  await desk.shot('01-desk-empty');

  // One key: the call starts, its time is stamped and the cursor is in the notes.
  await page.keyboard.press('F2');
  await expect(page.getByTestId('draft-tab')).toHaveCount(1);
  await expect(page.getByTestId('call-running')).toBeVisible();
  await expect(page.getByLabel('紀錄內容')).toBeFocused();
  await page.keyboard.type('母親來電，兒子想戒治但擔心被通報');
  const caller = page.getByRole('group', { name: '來電者身分' });
  await caller.getByLabel('家屬').check();
  await page.getByLabel('回電電話').fill('0912-345-678');
  const items = page.getByRole('group', { name: '服務項目' });
  await items.getByLabel('心理支持').check();
  await items.getByLabel('醫療戒治').check();
  await page.getByRole('checkbox', { name: '自殺風險' }).check();
  // The flag shows its required next step from reference data.
  await expect(page.getByTestId('flag-step-suicide-risk')).toContainText('1925');
  await expect(page.getByTestId('draft-status')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('draft-status')).toContainText('草稿已自動儲存');
  await desk.shot('02-call-typed');

  // The window reloads mid-call (a crash, an accidental F5): everything is back.
  await page.reload();
  await expect(page.getByTestId('draft-tab')).toHaveCount(1);
  await expect(page.getByLabel('紀錄內容')).toHaveValue('母親來電，兒子想戒治但擔心被通報');
  await expect(page.getByRole('group', { name: '來電者身分' }).getByLabel('家屬')).toBeChecked();
  await expect(page.getByLabel('回電電話')).toHaveValue('0912-345-678');
  await expect(page.getByRole('group', { name: '服務項目' }).getByLabel('醫療戒治')).toBeChecked();
  await expect(page.getByRole('checkbox', { name: '自殺風險' })).toBeChecked();

  // A second line rings while the first is open: main's global shortcut starts another call.
  await desk.emit('hotline:startCall');
  await expect(page.getByTestId('draft-tab')).toHaveCount(2);
  await expect(page.getByLabel('紀錄內容')).toHaveValue('');
  await page.keyboard.press('F6');
  await expect(page.getByLabel('紀錄內容')).toHaveValue('母親來電，兒子想戒治但擔心被通報');

  // Saving without recording what was done about the flag: refused at that field, nothing lost.
  await page.keyboard.press('F4');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('save-refused')).toBeVisible();
  await expect(page.getByText('請記錄已採取的處置')).toBeVisible();
  await expect(page.getByLabel('紀錄內容')).toHaveValue('母親來電，兒子想戒治但擔心被通報');
  await desk.shot('03-save-refused');
  await page.getByLabel('已採取的處置（自殺風險）').fill('評估無立即危險，提供 1925 安心專線');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('save-notice')).toContainText('已儲存來電紀錄 #1');
  await expect(page.getByTestId('draft-tab')).toHaveCount(1);

  // The other line is still open; the saved call is in the list and found by a word of its notes.
  await page.getByTestId('main-nav').getByRole('button', { name: '來電紀錄' }).click();
  await expect(page.getByTestId('call-row')).toHaveCount(1);
  await expect(page.getByTestId('call-row')).toContainText('0912-***-678');
  await expect(page.getByTestId('call-row')).toContainText('自殺風險');
  await page.getByLabel('搜尋紀錄內容').fill('擔心被通報');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('calls-total')).toHaveText('共 1 筆');
  await page.getByLabel('搜尋紀錄內容').fill('戒治');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('calls-total')).toHaveText('共 1 筆');
  await page.getByLabel('搜尋紀錄內容').fill('美沙冬');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('calls-total')).toHaveText('共 0 筆');
  await desk.shot('04-search');

  // Open it from the list: the whole record, as saved.
  await page.getByLabel('搜尋紀錄內容').fill('');
  await page.keyboard.press('Enter');
  await page.getByTestId('call-row').first().click();
  await expect(page.getByTestId('call-notes')).toHaveText('母親來電，兒子想戒治但擔心被通報');
  await expect(page.getByRole('dialog')).toContainText('評估無立即危險，提供 1925 安心專線');
  await desk.shot('05-call-detail');
  await page.keyboard.press('Escape');

  // The second line is the same caller again: the number is recognised however it is typed.
  await page.getByTestId('main-nav').getByRole('button', { name: '專線接聽' }).click();
  await expect(page.getByTestId('draft-tab')).toHaveCount(1);
  await page.getByLabel('回電電話').fill('+886 912 345 678');
  await expect(page.getByTestId('repeat-caller')).toContainText('此電話曾來電 1 次');
  await page.getByTestId('repeat-caller').getByRole('button', { name: '查看' }).click();
  await page.getByRole('dialog').getByTestId('call-row').click();
  await expect(page.getByTestId('call-notes')).toHaveText('母親來電，兒子想戒治但擔心被通報');
  await desk.shot('06-repeat-caller');
});

test('a silent call in one key, counted apart from service calls', async ({ desk }) => {
  const { page } = desk;
  await seedStaff(desk);
  await signIn(page, 'chen');
  await expect(page.getByTestId('count-calls')).toHaveText('0');
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('save-notice')).toContainText('已記錄無聲電話（#1）');
  await expect(page.getByTestId('count-calls')).toHaveText('1');
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('save-notice')).toContainText('已記錄打錯電話（#2）');
  await expect(page.getByTestId('draft-tab')).toHaveCount(0);
  // An open call nobody typed into yet becomes the non-service record (the caller hung up silently).
  await page.keyboard.press('F2');
  await expect(page.getByTestId('draft-tab')).toHaveCount(1);
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('save-notice')).toContainText('已記錄無聲電話（#3）');
  await expect(page.getByTestId('draft-tab')).toHaveCount(0);
  await desk.shot('01-silent');

  const silent = await as(desk, 'seed-chen', 'hotline:searchCalls', { nonServiceTypeId: await refId(desk, 'nonServiceCallType', 'silent') });
  expect(silent.total).toBe(2);
  const service = await as(desk, 'seed-chen', 'hotline:searchCalls', { kind: 'service' });
  expect(service.total).toBe(0);

  // The help panel lists the shortcuts, in both languages.
  await page.keyboard.press('F1');
  await expect(page.getByTestId('shortcut-help')).toContainText('Alt+1 … Alt+4');
  await expect(page.getByTestId('shortcut-help')).toContainText('一鍵記錄非服務來電');
  await page.keyboard.press('Escape');
  await page.getByTestId('language-toggle').click();
  await page.keyboard.press('F1');
  await expect(page.getByTestId('shortcut-help')).toContainText('Record a non-service call in one key');
  await desk.shot('02-help-en');
});

test('night mode: one click darkens this computer’s screens, is remembered, and the visitor screen stays light', async ({ desk }) => {
  const { page } = desk;
  await seedStaff(desk);
  await signIn(page, 'chen');
  const background = (p = page) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(244, 246, 246)');

  await page.getByRole('button', { name: '夜間模式（深色畫面）' }).click();
  await expect(page.getByTestId('color-mode-toggle')).toHaveAttribute('data-mode', 'dark');
  expect(await background()).toBe('rgb(18, 26, 28)');
  expect(await desk.core.dispatcher.dispatch('another-window', 'prefs:get', {})).toMatchObject({ ok: true, value: { colorMode: 'dark' } });
  // A call typed at night, with a risk flag: the warning colours still stand out.
  await page.keyboard.press('F2');
  await page.keyboard.type('深夜來電，個案表示想放棄');
  await page.getByRole('group', { name: '來電者身分' }).getByLabel('個案本人').check();
  await page.getByRole('checkbox', { name: '自殺風險' }).check();
  await expect(page.getByTestId('draft-status')).toHaveAttribute('data-state', 'saved');
  await desk.shot('01-night-call');

  // Remembered by this computer: after a reload (or a restart) the screen is still dark, even before signing in.
  await page.reload();
  await expect(page.getByTestId('color-mode-toggle')).toHaveAttribute('data-mode', 'dark');
  expect(await background()).toBe('rgb(18, 26, 28)');
  const visitor = await desk.openWindow('visitor', 'visitor-window');
  await expect.poll(() => background(visitor)).toBe('rgb(244, 246, 246)');

  await page.getByRole('button', { name: '日間模式（淺色畫面）' }).click();
  await expect(page.getByTestId('color-mode-toggle')).toHaveAttribute('data-mode', 'light');
  expect(await background()).toBe('rgb(244, 246, 246)');
});

test('a full disk mid-call: the operator is told what happened, keeps every word, and saves once IT frees space', async ({ desk }) => {
  const { page } = desk;
  await seedStaff(desk);
  await signIn(page, 'chen');
  await expect(page.getByRole('heading', { name: '專線接聽' })).toBeVisible();
  await page.keyboard.press('F2');
  await page.keyboard.type('個案來電詢問戒治門診');
  await page.getByRole('group', { name: '來電者身分' }).getByLabel('個案本人').check();
  await page.getByRole('group', { name: '服務項目' }).getByLabel('醫療戒治').check();
  await expect(page.getByTestId('draft-status')).toHaveAttribute('data-state', 'saved');

  // The disk fills up: the database may not grow by a single page (SQLite answers SQLITE_FULL).
  const db = desk.core.db;
  db.exec('VACUUM');
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  const notes = `個案來電詢問戒治門診。${'個案說明近況、家庭支持與就醫的顧慮，希望了解門診時間與費用補助。'.repeat(60)}`;
  await page.getByLabel('紀錄內容').fill(notes);
  await expect(page.getByTestId('draft-status')).toHaveAttribute('data-state', 'error');
  await expect(page.getByTestId('draft-status')).toContainText('磁碟空間已滿');
  await page.keyboard.press('Control+Enter');
  // No field is wrong: the banner says so, and the reason stands right under it.
  await expect(page.getByTestId('save-refused')).toHaveText('尚未儲存，原因如下。您輸入的內容都還在。');
  await expect(page.getByRole('alert').filter({ hasText: /^磁碟空間已滿，這次的變更沒有儲存。請通知資訊人員清出空間，再試一次；畫面上的內容仍在$/ })).toBeVisible();
  await expect(page.getByLabel('紀錄內容')).toHaveValue(notes);
  await expect(page.getByTestId('draft-tab')).toHaveCount(1);
  await page.evaluate(() => window.scrollTo(0, 0));
  await desk.shot('01-disk-full');

  // IT frees space; the same key saves the call with everything typed.
  db.pragma('max_page_count = 1073741823');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('save-notice')).toContainText('已儲存來電紀錄 #1');
  expect(db.prepare('SELECT notes FROM hotline_calls WHERE id = 1').pluck().get()).toBe(notes);
  await expect(page.getByTestId('draft-tab')).toHaveCount(0);
});
