import path from 'node:path';
import { test, expect, ARTIFACTS, type Desk } from './harness';
import { TOPIC_TEXT_FIELDS } from '../../shared/domain/counter';

async function seed(desk: Desk, channel: string, payload: unknown) {
  const r = await desk.core.dispatcher.dispatch('seed', channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as never;
}

test('counter topics: a supervisor writes a topic, cannot publish it half-translated, completes and publishes it, reads its history, retires another', async ({ desk }) => {
  test.setTimeout(120_000);
  const { page } = desk;
  await seed(desk, 'auth:setupSupervisor', { displayName: '林督導', loginName: 'lin', password: 'night-shift-2025', passwordConfirm: 'night-shift-2025' });
  // The page loaded before the seeding; start it again, as the app would after a first-run setup.
  await page.reload();
  await page.getByLabel('登入帳號').fill('lin');
  await page.getByLabel('密碼').fill('night-shift-2025');
  await page.getByRole('button', { name: '登入' }).click();
  await page.getByTestId('main-nav').getByRole('button', { name: '指引主題' }).click();
  await expect(page.getByRole('heading', { name: '指引主題' })).toBeVisible();
  await expect(page.getByTestId('topic-row')).toHaveCount(18);

  // A new topic, Chinese only.
  await page.getByTestId('topic-add').click();
  const field = (name: string) => page.locator(`[data-field="${name}"]`);
  // Bad input first: no title at all, and a web address a QR code could not open.
  await field('webUrl').fill('dsacp.kcg.gov.tw');
  await page.getByTestId('editor-save').click();
  await expect(page.getByText('請至少填寫一種語言的主題名稱').first()).toBeVisible();
  await expect(page.getByText('請輸入完整網址，例如 https://dsacp.kcg.gov.tw/')).toBeVisible();
  expect((desk.core.db.prepare('SELECT count(*) AS n FROM counter_topics').get() as { n: number }).n).toBe(18);

  for (const f of TOPIC_TEXT_FIELDS) await field(`${f}Zh`).fill(f === 'title' ? '講習證明補發' : `講習證明補發的${f}`);
  await field('webUrl').fill('https://dsacp.kcg.gov.tw/');
  await page.getByTestId('editor-save').click();
  await expect(page.getByTestId('editor-status')).toHaveText('草稿');
  // Flagged: what is still missing before it may be published.
  await expect(page.getByTestId('editor-missing')).toContainText('發布前尚缺 8 項');
  await expect(page.getByTestId('editor-missing')).toContainText('主題名稱（英文）');
  await expect(page.getByTestId('editor-missing')).toContainText('承辦單位');
  await page.getByTestId('editor-missing').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(ARTIFACTS, 'counter-topics-01-editor-missing.png') });

  // Publishing is refused, with the reason at each field.
  await page.getByRole('button', { name: '發布', exact: true }).click();
  await expect(page.getByText('發布前必填（已發布的主題須兩種語言完整）').first()).toBeVisible();
  await expect(page.getByTestId('editor-status')).toHaveText('草稿');

  // Completed in English, with a unit: now it publishes.
  for (const f of TOPIC_TEXT_FIELDS) await field(`${f}En`).fill(f === 'title' ? 'Reissuing a lecture certificate' : `The ${f} of reissuing a certificate`);
  await field('unitId').locator('..').click();
  await page.getByRole('option', { name: /輔導處遇科（毒品危害講習）/ }).click();
  await expect(page.getByText('兩種語言皆已完整，可以發布。')).toBeVisible();
  await page.getByRole('button', { name: '發布', exact: true }).click();
  await expect(page.getByTestId('editor-status')).toHaveText('已發布');

  // The change history: created, edited, published — by whom.
  await page.getByRole('button', { name: '變更紀錄' }).click();
  const history = page.getByTestId('topic-history');
  await expect(history.getByRole('button')).toHaveCount(3);
  await expect(history.getByRole('button').first()).toContainText('第 3 版 · 發布');
  await expect(history.getByRole('button').nth(1)).toContainText('主題名稱（英文）');
  await expect(history.getByRole('button').last()).toContainText('林督導');
  await page.screenshot({ path: path.join(ARTIFACTS, 'counter-topics-02-history.png') });
  await page.getByRole('dialog').last().getByRole('button', { name: '關閉' }).click();
  await page.getByRole('button', { name: '關閉' }).first().click();
  await expect(page.getByTestId('topic-row').filter({ hasText: '講習證明補發' })).toContainText('已發布');

  // Retire an outdated topic.
  await page.getByTestId('topic-row').filter({ hasText: '彩虹編織' }).click();
  await page.getByRole('button', { name: '停用' }).click();
  await expect(page.getByTestId('editor-status')).toHaveText('已停用');
  await page.getByRole('button', { name: '關閉' }).first().click();
  await page.getByRole('tab', { name: '已停用' }).click();
  await expect(page.getByTestId('topic-row')).toHaveCount(1);
  await page.screenshot({ path: path.join(ARTIFACTS, 'counter-topics-03-retired.png') });
});
