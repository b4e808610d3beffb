/**
 * Every cell of every statistics table for a known month entered through the features' own
 * channels (scenario.ts). Expected figures were worked out by hand; the comments say how.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsSection, StatsSectionResult } from '../../../shared/api/channels/stats';
import { tableMatrix, textOf, type ReportTable } from '../../../shared/domain/reportTable';
import type { Period } from '../../../shared/domain/statsPeriod';
import { translatorFor } from '../../../shared/i18n';
import { makeCore, okValue, type TestCore } from '../../support/core';
import { at, enterMarch2025, OP1, OP2, type Scenario } from './scenario';

const MARCH: Period = { kind: 'month', year: 2025, month: 3 };
const zh = translatorFor('zh-TW');
const en = translatorFor('en');

let t: TestCore;
let s: Scenario;
const sections = new Map<StatsSection, StatsSectionResult>();

beforeAll(async () => {
  t = makeCore();
  s = await enterMarch2025(t);
  for (const section of ['hotline', 'lectures', 'counter', 'trends'] as const) {
    sections.set(section, okValue(await t.call('admin', 'stats:section', { period: MARCH, section })));
  }
}, 60_000);
afterAll(() => t.cleanup());

function table(id: string): ReportTable {
  const section = sections.get(id.split('.')[0] as StatsSection);
  const found = section?.tables.find((x) => x.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
}
const cells = (id: string, lang: 'zh-TW' | 'en' = 'zh-TW') => tableMatrix(table(id), lang, lang === 'en' ? en : zh);
const summary = (section: StatsSection) => (sections.get(section)?.summary ?? []).map((x) => textOf(x, 'zh-TW', zh));

describe('hotline (9 calls in March: 7 service, 2 non-service; one on 28 Feb left out)', () => {
  it('at a glance: totals, directions, clients and families 4 of 9 = 44.4%, 12 items, 9.1 min average', () => {
    expect(cells('hotline.summary')).toEqual([
      ['項目', '數值', '占總來電比率'],
      ['總來電數', '9', '100.0%'],
      ['來電（進線）', '8', '88.9%'],
      ['去電（回電／追蹤）', '1', '11.1%'],
      ['服務來電', '7', '77.8%'],
      ['非服務來電（無聲、騷擾、打錯等）', '2', '22.2%'],
      ['個案與家屬來電', '4', '44.4%'],
      ['服務項次', '12', '—'],
      // (600 + 300 + 1200 + 300 + 1800 + 120 + 600 + 0 + 0) s ÷ 9 calls = 546.7 s
      ['平均通話時間（分）', '9.1', '—'],
    ]);
  });

  it('caller types partition all calls; 1/9 shares leave one tenth to give, which goes to the first of the largest remainders', () => {
    expect(cells('hotline.callerType')).toEqual([
      ['來電者身分', '通數', '百分比'],
      ['個案本人', '2', '22.3%'],
      ['家屬', '2', '22.2%'],
      ['一般民眾', '1', '11.1%'],
      ['網絡單位/機關', '1', '11.1%'],
      ['其他', '0', '0.0%'],
      ['匿名', '1', '11.1%'],
      ['非服務來電（無聲、騷擾、打錯等）', '2', '22.2%'],
      ['總計', '9', '100.0%'],
    ]);
  });

  it('service items: two decimals, over items (sums to 100.00%) and over service calls (both labelled)', () => {
    expect(cells('hotline.serviceItems')).toEqual([
      ['服務項目', '項次', '占服務項次比率', '占服務來電比率'],
      // 4/12 = 33.333… takes the third spare hundredth (largest count among equal remainders)
      ['心理支持', '4', '33.34%', '57.14%'],
      ['第三、四級毒品危害講習', '2', '16.67%', '28.57%'],
      ['法律諮詢', '1', '8.33%', '14.29%'],
      ['醫療戒治', '1', '8.33%', '14.29%'],
      ['社會福利', '0', '0.00%', '0.00%'],
      ['就業輔導', '0', '0.00%', '0.00%'],
      ['家庭支持', '1', '8.33%', '14.29%'],
      ['毒品/戒癮資訊', '0', '0.00%', '0.00%'],
      ['轉介', '2', '16.67%', '28.57%'],
      ['其他', '1', '8.33%', '14.29%'],
      ['總計', '12', '100.00%', '—'],
    ]);
    expect(table('hotline.serviceItems').formulas.map((f) => textOf(f, 'zh-TW', zh))).toEqual([
      '占服務項次比率 = 該項項次 ÷ 服務項次總計 × 100%（小數 2 位，合計 100%）',
      '占服務來電比率 = 提供該項服務之來電通數 ÷ 服務來電通數 × 100%（小數 2 位）',
    ]);
  });

  it('non-service calls by type', () => {
    expect(cells('hotline.nonService')).toEqual([
      ['類型', '通數', '百分比'],
      ['無聲電話', '1', '50.0%'],
      ['騷擾/惡作劇', '0', '0.0%'],
      ['打錯電話', '1', '50.0%'],
      ['測試', '0', '0.0%'],
      ['總計', '2', '100.0%'],
    ]);
  });

  it('by hour of day, on the Taipei clock (00:00 on 1 March counts in hour 00 of March)', () => {
    const hours = cells('hotline.hour');
    expect(hours[0]).toEqual(['時段', '通數', '百分比']);
    expect(hours).toHaveLength(26);
    const busy = new Map([
      ['00 時', '11.2%'],
      ['02 時', '11.1%'],
      ['10 時', '11.1%'],
      ['12 時', '11.1%'],
      ['14 時', '11.1%'],
      ['15 時', '11.1%'],
      ['16 時', '11.1%'],
      ['22 時', '11.1%'],
      ['23 時', '11.1%'],
    ]);
    for (let h = 0; h < 24; h += 1) {
      const label = `${String(h).padStart(2, '0')} 時`;
      const pct = busy.get(label);
      expect(hours[h + 1]).toEqual([label, pct ? '1' : '0', pct ?? '0.0%']);
    }
    expect(hours[25]).toEqual(['總計', '9', '100.0%']);
    expect(cells('hotline.hour', 'en')[1]).toEqual(['00:00', '1', '11.2%']);
  });

  it('by shift (早班 07–15, 中班 15–23, 大夜班 23–07, from the reference data)', () => {
    expect(cells('hotline.shift')).toEqual([
      ['班別', '通數', '百分比'],
      ['早班', '3', '33.4%'],
      ['中班', '3', '33.3%'],
      ['大夜班', '3', '33.3%'],
      ['總計', '9', '100.0%'],
    ]);
  });

  it('by district over service calls, with calls that recorded none', () => {
    expect(cells('hotline.district')).toEqual([
      ['行政區', '通數', '百分比'],
      // 3/7 = 42.857 is rounded down: the three spare tenths go to remainders .857, .857, .714
      ['三民區', '3', '42.8%'],
      ['苓雅區', '1', '14.3%'],
      ['鳳山區', '1', '14.3%'],
      ['未填', '2', '28.6%'],
      ['總計', '7', '100.0%'],
    ]);
  });

  it('by operator, with service calls, items and average call length', () => {
    expect(cells('hotline.operator')).toEqual([
      ['接線人員', '通數', '百分比', '服務來電', '項次', '平均通話（分）'],
      // 2,820 s ÷ 5 = 9.4 min; 2,100 s ÷ 4 = 8.75 → 8.8 min
      [OP1, '5', '55.6%', '4', '6', '9.4'],
      [OP2, '4', '44.4%', '3', '6', '8.8'],
      ['總計', '9', '100.0%', '7', '12', '9.1'],
    ]);
  });

  it('referrals by unit as 表二 (every unit listed, the 28 Feb referral left out) and by status', () => {
    const units = cells('hotline.referralUnits');
    expect(units.slice(0, 4)).toEqual([
      ['轉介單位', '人次', '百分比'],
      ['衛生局醫療戒治', '1', '33.4%'],
      ['社會局保護扶助', '1', '33.3%'],
      ['勞工局就業輔導', '1', '33.3%'],
    ]);
    expect(units.slice(4, -1).every((r) => r[1] === '0' && r[2] === '0.0%')).toBe(true);
    expect(units.map((r) => r[0])).toContain('中途之家');
    expect(units.at(-1)).toEqual(['總計', '3', '100.0%']);
    expect(table('hotline.referralUnits').layout).toBe('across');
    expect(cells('hotline.referralStatus')).toEqual([
      ['轉介單位', '轉介中', '已回覆', '已結案', '總計', '回覆率'],
      ['衛生局醫療戒治', '0', '1', '0', '1', '100.0%'],
      ['社會局保護扶助', '0', '0', '1', '1', '100.0%'],
      ['勞工局就業輔導', '1', '0', '0', '1', '0.0%'],
      ['總計', '1', '1', '1', '3', '66.7%'],
    ]);
  });

  it('follow-ups due in March: on time, late, overdue and not yet due at 31 March 16:00', () => {
    expect(cells('hotline.followUps')).toEqual([
      ['完成情形', '件數', '百分比'],
      ['準時完成', '1', '25.0%'],
      ['逾時完成', '1', '25.0%'],
      ['逾期未完成', '1', '25.0%'],
      ['尚未到期', '1', '25.0%'],
      ['總計', '4', '100.0%'],
    ]);
  });

  it('writes the bureau paragraph with the same figures as the tables', () => {
    expect(summary('hotline')).toEqual([
      '戒毒成功專線本期共 9 通，其中個案與家屬來電 4 通，佔總數 44.4%。',
      '依諮詢問題提供立即服務 12 項次，其中以「心理支持」4 項次（占 33.34%）最多。',
      '其次為「第三、四級毒品危害講習」2 項次（占 16.67%）。',
      '本期到期之追蹤回電 4 件，準時完成 1 件（25.0%）。',
    ]);
  });
});

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

describe('periods', () => {
  it('a quarter and a custom range count the same March records', async () => {
    const q1 = okValue(await t.call('admin', 'stats:section', { period: { kind: 'quarter', year: 2025, quarter: 1 }, section: 'hotline' }));
    const rows = tableMatrix(q1.tables[0] as ReportTable, 'zh-TW', zh);
    expect(rows[1]).toEqual(['總來電數', '10', '100.0%']);
    const custom = okValue(
      await t.call('admin', 'stats:section', { period: { kind: 'custom', from: '2025-03-01', to: '2025-03-05' }, section: 'hotline' }),
    );
    // 1 Mar 00:00, 3 Mar 16:00, 5 Mar 23:30
    expect(tableMatrix(custom.tables[0] as ReportTable, 'zh-TW', zh)[1]).toEqual(['總來電數', '3', '100.0%']);
  });

  it('refuses a custom range that ends before it starts, at the field, in the stats namespace', async () => {
    const r = await t.call('admin', 'stats:section', { period: { kind: 'custom', from: '2025-03-10', to: '2025-03-01' }, section: 'hotline' });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'period.to', messageKey: 'stats:errors.toBeforeFrom' } });
  });

  it('is for supervisors only', async () => {
    const r = await t.call('op1', 'stats:section', { period: MARCH, section: 'hotline' });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
