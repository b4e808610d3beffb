/**
 * The monthly report through the one print path (print:preview → the HTML every printer and
 * "save as PDF" receive), rendered to PDF in Chromium and read back with poppler.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Period } from '../../../shared/domain/statsPeriod';
import { closeBrowser, htmlToPdf, pdfFontRows, pdfPageCount, pdfPageSizePt, pdfText } from '../../support/pdf';
import { makeCore, okValue, type TestCore } from '../../support/core';
import { enterMarch2025 } from './scenario';

const MARCH: Period = { kind: 'month', year: 2025, month: 3 };
const ARTIFACTS = path.resolve(__dirname, '../../artifacts');

let t: TestCore;
let html = '';
let pdf = '';
let text = '';

beforeAll(async () => {
  t = makeCore();
  await enterMarch2025(t);
  const preview = okValue(await t.call('admin', 'print:preview', { kind: 'stats.monthlyReport', params: { period: MARCH }, lang: 'zh-TW' }));
  html = preview.html;
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  pdf = path.join(ARTIFACTS, 'stats-monthly-report-2025-03.pdf');
  await htmlToPdf(html, pdf);
  // pdftotext may drop the spaces between CJK glyphs and numbers: compare without whitespace.
  text = pdfText(pdf).replace(/\s+/g, '');
}, 90_000);
afterAll(async () => {
  t.cleanup();
  await closeBrowser();
});

describe('the printed monthly report', () => {
  it('is A4 with the period in ROC dates in the header', () => {
    const size = pdfPageSizePt(pdf);
    expect(Math.round(size.width)).toBe(595);
    expect(Math.round(size.height)).toBe(842);
    expect(text).toContain('毒防服務台統計月報民國114年3月');
    expect(text).toContain('統計期間：民國114年3月（114/03/01–114/03/31）');
    expect(text).toContain('列印人：王督導');
  });

  it('carries the bureau sentences and the figures of every part', () => {
    for (const expected of [
      '壹、24小時免付費戒毒成功專線',
      '戒毒成功專線本期共9通，其中個案與家屬來電4通，佔總數44.4%。',
      '其中以「心理支持」4項次（占33.34%）最多',
      '貳、第三、四級毒品危害講習',
      '出席率66.7%（未扣除請假及轉出為54.5%）',
      '目標70.0%：未達成',
      '參、雙語服務台',
      '肆、月別趨勢',
      '出席率=實際出席÷（應出席−核准請假−轉訓／移轉）×100%（中央視導考評指標70%）',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints 表二 and 表三 across the page as the bureau does (categories in columns, 人次 and 百分比 in rows)', () => {
    expect(html).toMatch(/<th>諮詢類別<\/th><th>家庭<\/th><th>工作<\/th><th>自我探索<\/th><th>感情\(婚姻\)<\/th><th>身體狀況<\/th><th>官司<\/th><th>其他<\/th><th>總計<\/th>/);
    expect(text).toContain('人次12100004百分比25.0%50.0%25.0%0.0%0.0%0.0%0.0%100.0%');
    // 表二: the unit names head the columns (pdftotext breaks long names over lines), 人次 1 1 1 0 … below
    expect(html).toMatch(/<th>衛生局醫療戒治<\/th><th>社會局保護扶助<\/th><th>勞工局就業輔導<\/th>/);
    expect(text).toMatch(/人次11100000百分比33\.4%33\.3%33\.3%0\.0%/);
  });

  it('draws the charts as inline SVG with their numbers, and the page runs no script', () => {
    expect(html).not.toMatch(/<script/i);
    expect((html.match(/<svg class="chart"/g) ?? []).length).toBeGreaterThanOrEqual(8);
    expect(html).toContain('data-table="trends.hotline"');
  });

  it('embeds every font it uses (reads right on a PC with no Chinese fonts)', () => {
    const fonts = pdfFontRows(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(4);
  });

  it('prints in English too', async () => {
    const en = okValue(await t.call('admin', 'print:preview', { kind: 'stats.monthlyReport', params: { period: { kind: 'quarter', year: 2025, quarter: 1 } }, lang: 'en' }));
    expect(en.title).toBe('Quarterly Statistics Report Q1 2025');
    expect(en.html).toContain('Period: Q1 2025 (2025-01-01 – 2025-03-31)');
    const file = path.join(ARTIFACTS, 'stats-quarterly-report-2025-Q1-en.pdf');
    await htmlToPdf(en.html, file);
    const enText = pdfText(file).replace(/\s+/g, ' ');
    expect(enText).toContain('Hotline calls in the period: 10; from clients and families: 5 (50.0% of all calls).');
    expect(enText).toContain('Attendance rate = attended ÷ (due − approved leave − transferred out) × 100% (central target 70%)');
  });

  it('saving as PDF goes through print:run and is audited', async () => {
    const out = okValue(await t.call('admin', 'print:run', { kind: 'stats.monthlyReport', params: { period: MARCH }, lang: 'zh-TW', target: { mode: 'pdf' } }));
    expect(out.done).toBe(true);
    expect(t.printHost.saved.at(-1)?.suggestedName).toBe('毒防服務台統計月報 民國114年3月.pdf');
    const audit = t.core.db.prepare("SELECT entity_id AS kind FROM audit_log WHERE action = 'savePdf' ORDER BY id DESC LIMIT 1").get() as { kind: string };
    expect(audit.kind).toBe('stats.monthlyReport');
  });

  it('is refused to other roles and for a backwards custom range', async () => {
    expect(await t.call('op1', 'print:preview', { kind: 'stats.monthlyReport', params: { period: MARCH }, lang: 'zh-TW' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await t.call('admin', 'print:preview', { kind: 'stats.monthlyReport', params: { period: { kind: 'custom', from: '2025-03-02', to: '2025-03-01' } }, lang: 'zh-TW' }),
    ).toMatchObject({ ok: false, error: { field: 'params.period.to', messageKey: 'stats:errors.toBeforeFrom' } });
  });
});
