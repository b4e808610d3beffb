/**
 * The counter's list exports (issue 6 item 3) through the real dispatcher: visits logged at
 * the desk, topics written by the supervisor, the screen's filter applied, the file opened —
 * exactly the rows the screen shows; drafts and retired topics stay the supervisor's; audited.
 */
import { describe, expect, it } from 'vitest';
import { okValue } from '../../support/core';
import { completeContent, newDesk, type Desk } from '../counter/support';
import { exportAudits, exportFile, readCsv, readXlsx, refusedExport } from './support';

const DAY = 24 * 3_600_000;

/** 2025-03-05: three visits (one referred, two rated); 2025-03-06: one more. */
async function visits(d: Desk) {
  const hotline = d.topicId('hotline');
  const leave = d.topicId('lecture-leave');
  const forms = d.topicId('forms');
  await d.visit([leave, forms], { lang: 'en', outcome: 'referred', unitId: d.unitId('guidanceUnit', 'counselling-lecture'), satisfaction: 5 });
  d.clock.advance(30 * 60_000);
  await d.visit([leave], { satisfaction: 4 });
  d.clock.advance(30 * 60_000);
  okValue(await d.call('desk', 'counter:logVisit', { topicIds: [hotline], lang: 'zh-TW', outcome: 'followUp', note: '詢問夜間專線' }));
  d.clock.advance(DAY);
  await d.visit([hotline]);
  return { hotline, leave, forms };
}

describe('visit log export', () => {
  it('writes the day the screen shows, newest first, with the day’s summary above the table', async () => {
    const d = await newDesk();
    await visits(d);
    const screen = okValue(await d.call('desk', 'counter:visitsOn', { date: '2025-03-05' }));
    expect(screen.visits).toHaveLength(3);

    const out = await exportFile(d, 'desk', 'counter.visits', { date: '2025-03-05' }, 'xlsx');
    expect(out.path).toMatch(/來訪紀錄 2025-03-05\.xlsx$/);
    const sheet = await readXlsx(out.path);
    expect(sheet.above.slice(0, 3)).toEqual(['來訪紀錄', '日期：民國114年3月5日', '來訪 3 人次；當場解答 1、已轉介 1、需後續追蹤 1；平均滿意度 4.5（2 人評分）']);
    expect(sheet.header).toEqual(['時間', '詢問主題', '語言', '結果', '轉介單位', '滿意度', '服務人員', '備註']);
    expect(sheet.rows).toEqual([
      ['114/03/05 10:00', '24 小時毒防諮詢專線（戒毒成功專線）0800-770-885', '中文', '需後續追蹤', '', '', '櫃台小林', '詢問夜間專線'],
      ['114/03/05 09:30', '講習請假與改期（轉訓）', '中文', '當場解答', '', 4, '櫃台小林', ''],
      ['114/03/05 09:00', '講習請假與改期（轉訓）、申辦表單下載與網站服務專區', 'English', '已轉介', '輔導處遇科（毒品危害講習）', 5, '櫃台小林', ''],
    ]);

    const en = readCsv((await exportFile(d, 'admin', 'counter.visits', { date: '2025-03-06' }, 'csv', 'en')).path);
    expect(en[0]).toEqual(['Time', 'Topics', 'Language', 'Outcome', 'Referred to', 'Satisfaction', 'Staff', 'Note']);
    expect(en.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([['2025-03-06 10:00', 'Chinese', 'Answered at the desk']]);
  });

  it('refuses a date that does not exist, at the field', async () => {
    const d = await newDesk();
    expect(await refusedExport(d, 'desk', 'counter.visits', { date: '2025-02-30' })).toMatchObject({ code: 'validation', field: 'date' });
  });
});

describe('FAQ export', () => {
  it('writes the ranking of the period as the screen ranks it, shares as percentages with the formula', async () => {
    const d = await newDesk();
    const { hotline, leave, forms } = await visits(d);
    const period = { from: '2025-03-05', to: '2025-03-06', limit: 30 };
    const screen = okValue(await d.call('desk', 'counter:faq', period));
    expect(screen.items.map((i) => [i.topicId, i.rank, i.count])).toEqual([
      [hotline, 1, 2],
      [leave, 1, 2],
      [forms, 3, 1],
    ]);
    const sheet = await readXlsx((await exportFile(d, 'desk', 'counter.faq', period, 'xlsx')).path);
    expect(sheet.above[1]).toBe('期間：114/03/05–114/03/06；期間來訪 4 人次；列出前 30 名');
    expect(sheet.header).toEqual(['名次', '主題', '狀態', '詢問人次', '占來訪比率']);
    expect(sheet.rows.slice(0, 3).map((r) => r.slice(0, 4))).toEqual([
      [1, '24 小時毒防諮詢專線（戒毒成功專線）0800-770-885', '已發布', 2],
      [1, '講習請假與改期（轉訓）', '已發布', 2],
      [3, '申辦表單下載與網站服務專區', '已發布', 1],
    ]);
    expect(sheet.rows.slice(0, 3).map((r) => r[4])).toEqual([0.5, 0.5, 0.25]);
    expect(sheet.formats[4]).toBe('0.0%');
    expect(sheet.rows.at(-1)?.[0]).toMatch(/^占來訪比率 = /);

    const top1 = readCsv((await exportFile(d, 'desk', 'counter.faq', { ...period, limit: 1 }, 'csv')).path);
    expect(top1.slice(1)).toEqual([['1', '24 小時毒防諮詢專線（戒毒成功專線）0800-770-885', '已發布', '2', '50.0%']]);
  });
});

describe('topics export', () => {
  it('writes the status tab and search of the topics screen, both languages, completeness', async () => {
    const d = await newDesk();
    const unit = d.unitId('guidanceUnit', 'counselling-lecture');
    const draft = okValue(await d.call('admin', 'counter:createTopic', { ...completeContent(unit, '講習證明補發'), titleEn: '', summaryEn: '' }));
    const screen = okValue(await d.call('admin', 'counter:searchTopics', { query: '講習', scope: 'all' }));
    const drafts = screen.filter((h) => h.status === 'draft');
    expect(drafts.map((h) => h.id)).toEqual([draft.id]);

    const onlyDrafts = await readXlsx((await exportFile(d, 'admin', 'counter.topics', { query: '講習', status: 'draft' }, 'xlsx')).path);
    expect(onlyDrafts.above[1]).toBe('篩選條件：狀態 草稿；搜尋 講習');
    expect(onlyDrafts.header).toEqual(['主題（中文）', '主題（英文）', '狀態', '完整度', '承辦單位', '近 90 天詢問', '最後更新']);
    expect(onlyDrafts.rows).toEqual([['講習證明補發', '', '草稿', '缺 2 項', '輔導處遇科（毒品危害講習）', 0, '114/03/05 09:00']]);

    const all = readCsv((await exportFile(d, 'admin', 'counter.topics', { query: '講習' }, 'csv')).path);
    expect(all.slice(1).map((r) => r[0])).toEqual(screen.map((h) => h.titleZh));
    expect(all).toHaveLength(screen.length + 1);
  });

  it('lets counter staff export published topics only, as their search allows', async () => {
    const d = await newDesk();
    okValue(await d.call('admin', 'counter:createTopic', completeContent(d.unitId('guidanceUnit', 'service-desk'), '尚未發布的主題')));
    expect(await refusedExport(d, 'desk', 'counter.topics', { status: 'all' })).toMatchObject({ code: 'forbidden' });
    expect(await refusedExport(d, 'desk', 'counter.topics', { status: 'draft' })).toMatchObject({ code: 'forbidden' });
    const published = readCsv((await exportFile(d, 'desk', 'counter.topics', { status: 'published' }, 'csv')).path);
    const screen = okValue(await d.call('desk', 'counter:searchTopics', {}));
    expect(published.slice(1).map((r) => r[0])).toEqual(screen.map((h) => h.titleZh));
    expect(published.slice(1).every((r) => r[2] === '已發布')).toBe(true);
  });
});

describe('who may export, and the audit trail', () => {
  it('refuses the counter lists to hotline operators and lecture coordinators', async () => {
    const d = await newDesk();
    await d.signInAs('op', ['operator']);
    await d.signInAs('coord', ['coordinator']);
    for (const sender of ['op', 'coord']) {
      expect(await refusedExport(d, sender, 'counter.visits', {})).toMatchObject({ code: 'forbidden' });
      expect(await refusedExport(d, sender, 'counter.faq', { from: '2025-03-01', to: '2025-03-05' })).toMatchObject({ code: 'forbidden' });
      expect(await refusedExport(d, sender, 'counter.topics', { status: 'published' })).toMatchObject({ code: 'forbidden' });
    }
  });

  it('audits every saved export with who, what and how many rows', async () => {
    const d = await newDesk();
    await visits(d);
    await exportFile(d, 'desk', 'counter.visits', { date: '2025-03-05' }, 'csv');
    await exportFile(d, 'desk', 'counter.faq', { from: '2025-03-05', to: '2025-03-05' }, 'xlsx');
    const deskId = (d.core.db.prepare("SELECT id FROM accounts WHERE display_name = '櫃台小林'").get() as { id: number }).id;
    expect(exportAudits(d).map((a) => ({ accountId: a.accountId, kind: a.entityId, ...a.details }))).toEqual([
      { accountId: deskId, kind: 'counter.visits', format: 'csv', params: { date: '2025-03-05' }, rows: 3, personalData: false },
      { accountId: deskId, kind: 'counter.faq', format: 'xlsx', params: { from: '2025-03-05', to: '2025-03-05' }, rows: 3, personalData: false },
    ]);
  });
});
