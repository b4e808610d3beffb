/**
 * Every cell of the hotline's statistics tables for a known month entered through the features' own
 * channels (scenario.ts), and the period rules. Expected figures were worked out by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsSection } from '../../../shared/api/channels/stats';
import { tableMatrix, textOf, type ReportTable } from '../../../shared/domain/reportTable';
import { translatorFor } from '../../../shared/i18n';
import { makeCore, okValue, type TestCore } from '../../support/core';
import { MARCH, MARCH_CALLER_TYPES, marchReport, OP1, OP2, type MarchReport } from './scenario';

const zh = translatorFor('zh-TW');

let t: TestCore;
let report: MarchReport;

beforeAll(async () => {
  t = makeCore();
  report = await marchReport(t);
}, 60_000);
afterAll(() => t.cleanup());

const table = (id: string) => report.table(id);
const cells = (id: string, lang?: 'zh-TW' | 'en') => report.cells(id, lang);
const summary = (section: StatsSection) => report.summary(section);

describe('hotline (9 calls in March: 7 service, 2 non-service; one on 28 Feb left out)', () => {
  it('at a glance: totals, directions, clients and families 4 of 9 = 44.4%, 12 items, 11.7 min per service call', () => {
    expect(cells('hotline.summary')).toEqual([
      ['項目', '數值', '占總來電比率'],
      ['總來電數', '9', '100.0%'],
      ['來電（進線）', '8', '88.9%'],
      ['去電（回電／追蹤）', '1', '11.1%'],
      ['服務來電', '7', '77.8%'],
      ['非服務來電（無聲、騷擾、打錯等）', '2', '22.2%'],
      ['個案與家屬來電', '4', '44.4%'],
      ['服務項次', '12', '—'],
      // service calls only: (600 + 300 + 1200 + 300 + 1800 + 120 + 600) s ÷ 7 = 702.9 s
      ['服務來電平均通話時間（分）', '11.7', '—'],
    ]);
  });

  it('caller types partition all calls; 1/9 shares leave one tenth to give, which goes to the first of the largest remainders', () => {
    expect(cells('hotline.callerType')).toEqual(MARCH_CALLER_TYPES);
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
      ['接線人員', '通數', '百分比', '服務來電', '項次', '服務來電平均通話（分）'],
      // 2,820 s ÷ 4 service calls = 11.75 → 11.8 min; 2,100 s ÷ 3 = 11.67 → 11.7 min
      [OP1, '5', '55.6%', '4', '6', '11.8'],
      [OP2, '4', '44.4%', '3', '6', '11.7'],
      ['總計', '9', '100.0%', '7', '12', '11.7'],
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
