/**
 * Every cell of the lectures', counter's and trend tables for a known month entered through the features' own
 * channels (scenario.ts). Expected figures were worked out by hand; the comments say how.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsSection } from '../../../shared/api/channels/stats';
import { tableMatrix, type ReportTable } from '../../../shared/domain/reportTable';
import { translatorFor } from '../../../shared/i18n';
import { makeCore, okValue, type TestCore } from '../../support/core';
import { at, MARCH, marchReport, type MarchReport, type Scenario } from './scenario';

const zh = translatorFor('zh-TW');

let t: TestCore;
let report: MarchReport;
let s: Scenario;

beforeAll(async () => {
  t = makeCore();
  report = await marchReport(t);
  s = report.scenario;
}, 60_000);
afterAll(() => t.cleanup());

const table = (id: string) => report.table(id);
const cells = (id: string, lang?: 'zh-TW' | 'en') => report.cells(id, lang);
const summary = (section: StatsSection) => report.summary(section);

describe('lectures (3 sessions held in March; one cancelled, one in April)', () => {
  it('at a glance, with the attendance rate against 70% and the counselling rate against 11%', () => {
    expect(cells('lectures.summary')).toEqual([
      ['項目', '數值', '目標'],
      ['辦理場次', '3', ''],
      ['假日講習場次', '1', ''],
      ['再犯成長團體場次', '1', ''],
      ['再犯成長團體出席人次', '1', ''],
      ['應出席人數', '11', ''],
      ['核准請假', '1', ''],
      ['請假待審', '1', ''],
      ['轉訓／移轉', '1', ''],
      ['扣除後應出席', '9', ''],
      ['實際出席', '6', ''],
      ['未到', '2', ''],
      // 6 ÷ (11 − 1 − 1) = 66.7%; raw 6 ÷ 11 = 54.5%; counselling 4 ÷ 6 = 66.7%
      ['出席率', '66.7%', '目標 70.0%：未達成'],
      ['未扣除出席率', '54.5%', ''],
      ['心靈諮詢人次', '4', ''],
      ['諮詢率', '66.7%', '目標 11.0%：達成'],
    ]);
  });

  it('agrees with the lectures team’s own month figures (same records, same formula)', async () => {
    const theirs = okValue(await t.call('admin', 'lectures:figures', { month: '2025-03' }));
    expect(theirs.total).toMatchObject({ due: 11, attended: 6, approvedLeave: 1, leavePending: 1, transferredOut: 1, noShow: 2, consultations: 4, adjustedDue: 9 });
  });

  it('by kind of session and per session', () => {
    expect(cells('lectures.byKind')).toEqual([
      ['類別', '場次', '應出席', '實際出席', '核准請假', '轉訓／移轉', '未到', '出席率', '未扣除出席率', '諮詢人次'],
      ['平日講習', '1', '4', '3', '0', '0', '0', '75.0%', '75.0%', '1'],
      ['假日講習', '1', '5', '2', '1', '1', '1', '66.7%', '40.0%', '2'],
      ['再犯成長團體', '1', '2', '1', '0', '0', '1', '50.0%', '50.0%', '1'],
      ['總計', '3', '11', '6', '1', '1', '2', '66.7%', '54.5%', '4'],
    ]);
    expect(cells('lectures.sessions')).toEqual([
      ['日期', '時間', '類別', '地點', '應出席', '實際出席', '核准請假', '轉訓／移轉', '未到', '出席率', '未扣除出席率', '諮詢人次'],
      ['114/03/08', '09:00', '假日講習', '毒品防制局大禮堂', '5', '2', '1', '1', '1', '66.7%', '40.0%', '2'],
      ['114/03/12', '09:00', '平日講習', '毒品防制局大禮堂', '4', '3', '0', '0', '0', '75.0%', '75.0%', '1'],
      ['114/03/20', '09:00', '再犯成長團體', '毒品防制局大禮堂', '2', '1', '0', '0', '1', '50.0%', '50.0%', '1'],
      ['總計', '', '', '', '11', '6', '1', '1', '2', '66.7%', '54.5%', '4'],
    ]);
    expect(cells('lectures.sessions', 'en')[1]?.[0]).toBe('2025-03-08');
  });

  it('新心小棧 categories as 表三', () => {
    expect(cells('lectures.counselling')).toEqual([
      ['諮詢類別', '人次', '百分比'],
      ['家庭', '1', '25.0%'],
      ['工作', '2', '50.0%'],
      ['自我探索', '1', '25.0%'],
      ['感情(婚姻)', '0', '0.0%'],
      ['身體狀況', '0', '0.0%'],
      ['官司', '0', '0.0%'],
      ['其他', '0', '0.0%'],
      ['總計', '4', '100.0%'],
    ]);
    expect(summary('lectures')).toEqual([
      '本期辦理講習 3 場，應出席 11 人，實際出席 6 人，出席率 66.7%（未扣除請假及轉出為 54.5%）。',
      '其中假日講習 1 場；再犯成長團體 1 場／1 人次參加。',
      '新心小棧心靈諮詢 4 人次，出席講習 6 人，諮詢率 66.7%。',
    ]);
  });

  it('counts only sessions already held: on 15 March the 20 March group is not in the figures', async () => {
    const saved = t.clock.now;
    t.clock.now = at('2025-03-15 12:00');
    try {
      const mid = okValue(await t.call('admin', 'stats:section', { period: MARCH, section: 'lectures' }));
      const rows = tableMatrix(mid.tables.find((x) => x.id === 'lectures.summary') as ReportTable, 'zh-TW', zh);
      expect(rows[1]).toEqual(['辦理場次', '2', '']);
      expect(rows[5]).toEqual(['應出席人數', '9', '']);
    } finally {
      t.clock.now = saved;
    }
  });
});

describe('counter (5 visits in March)', () => {
  it('at a glance, by language, outcome, unit and satisfaction', () => {
    expect(cells('counter.summary')).toEqual([
      ['項目', '數值', '占來訪人次比率'],
      ['來訪人次', '5', '100.0%'],
      ['中文服務', '3', '60.0%'],
      ['英語服務', '2', '40.0%'],
      ['轉介單位', '2', '40.0%'],
      ['填答滿意度人次', '4', '80.0%'],
      // (5 + 4 + 3 + 4) ÷ 4
      ['平均滿意度（1–5 分）', '4.00', ''],
    ]);
    expect(cells('counter.language')).toEqual([
      ['語言', '人次', '百分比'],
      ['中文', '3', '60.0%'],
      ['英文', '2', '40.0%'],
      ['總計', '5', '100.0%'],
    ]);
    expect(cells('counter.outcome')).toEqual([
      ['處理結果', '人次', '百分比'],
      ['當場答覆', '2', '40.0%'],
      ['轉介單位', '2', '40.0%'],
      ['需後續追蹤', '1', '20.0%'],
      ['總計', '5', '100.0%'],
    ]);
    expect(cells('counter.unit')).toEqual([
      ['單位', '人次', '百分比'],
      ['輔導處遇科（毒品危害講習）', '1', '20.0%'],
      ['衛生局醫療戒治', '1', '20.0%'],
      ['未引導至單位', '3', '60.0%'],
      ['總計', '5', '100.0%'],
    ]);
    expect(cells('counter.satisfaction')).toEqual([
      ['分數', '人次', '百分比'],
      ['5 分', '1', '25.0%'],
      ['4 分', '2', '50.0%'],
      ['3 分', '1', '25.0%'],
      ['2 分', '0', '0.0%'],
      ['1 分', '0', '0.0%'],
      ['總計', '4', '100.0%'],
    ]);
  });

  it('purpose = the first topic asked (a partition); top topics = every topic asked', () => {
    const [t1, t2, t3] = s.topics.map((x) => x.titleZh) as [string, string, string];
    expect(cells('counter.purpose')).toEqual([
      ['來訪目的', '人次', '百分比'],
      [t1, '2', '40.0%'],
      [t2, '1', '20.0%'],
      [t3, '1', '20.0%'],
      ['未選主題（僅備註）', '1', '20.0%'],
      ['總計', '5', '100.0%'],
    ]);
    expect(cells('counter.topTopics')).toEqual([
      ['名次', '主題', '人次', '占來訪人次比率'],
      ['1', t1, '3', '60.0%'],
      ['2', t2, '2', '40.0%'],
      ['3', t3, '1', '20.0%'],
    ]);
  });
});

describe('month-by-month trends', () => {
  it('show the twelve months up to March with the numbers, February holding the 28 Feb records', () => {
    const hotline = cells('trends.hotline');
    expect(hotline[0]).toEqual(['月份', '總來電', '服務來電', '個案與家屬來電', '個案與家屬比率', '服務項次']);
    expect(hotline[1]).toEqual(['113/04', '0', '0', '0', '—', '0']);
    expect(hotline.slice(-3)).toEqual([
      ['114/02', '1', '1', '1', '100.0%', '1'],
      ['114/03', '9', '7', '4', '44.4%', '12'],
      ['總計', '10', '8', '5', '50.0%', '13'],
    ]);
    expect(cells('trends.lectures').slice(-2)).toEqual([
      ['114/03', '3', '11', '6', '66.7%', '4', '66.7%'],
      ['總計', '3', '11', '6', '66.7%', '4', '66.7%'],
    ]);
    expect(cells('trends.counter').slice(-3)).toEqual([
      ['114/02', '1', '1', '1.00'],
      ['114/03', '5', '4', '4.00'],
      ['總計', '6', '5', '3.40'],
    ]);
    expect(cells('trends.hotline', 'en')[12]?.[0]).toBe('2025-03');
    expect(table('trends.hotline').chart).toEqual({ type: 'line', category: 0, series: [1, 3] });
  });
});

