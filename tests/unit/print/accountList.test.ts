import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { accountListDocument } from '../../../electron/core/print/templates/accountList';
import { closeBrowser, htmlToPdf, pdfFontRows, pdfPageCount, pdfPageSizePt, pdfText } from '../../support/pdf';
import { FONT_DIR, SAMPLE_ROWS, testT } from './fixtures';

const outDir = mkdtempSync(join(tmpdir(), 'print-test-'));
const data = { rows: SAMPLE_ROWS, printedAt: '2025-03-05T06:30:00.000Z', printedBy: '張主任' };

afterAll(async () => {
  await closeBrowser();
  // KEEP_TEST_PDF=1 leaves the PDFs behind for eyeballing.
  if (!process.env.KEEP_TEST_PDF) rmSync(outDir, { recursive: true, force: true });
});

// pdftotext -layout may pad between glyphs of a table cell; compare without spaces.
const squash = (s: string): string => s.replace(/\s+/g, '');

describe('accountListDocument', () => {
  it('builds the HTML with escaped names and Taipei times', () => {
    const doc = accountListDocument(data, testT('zh-TW'), 'zh-TW', FONT_DIR);
    expect(doc).toMatchObject({ kind: 'accounts.list', title: '工作人員帳號清冊', format: 'a4' });
    expect(doc.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(doc.html).not.toContain('<script>');
    expect(doc.html).toContain('114/03/05 14:30'); // 06:30Z is 14:30 in Taipei
    expect(doc.html).toContain('114/02/28 07:59'); // crosses midnight into the next Taipei day
    expect(doc.html).toContain('列印時間：114/03/05 14:30');
    expect(doc.html).toContain('話務人員、櫃台人員');
  });

  it('zh-TW prints to an A4 PDF with embedded fonts and real Chinese text', async () => {
    const file = join(outDir, 'accounts-zh.pdf');
    await htmlToPdf(accountListDocument(data, testT('zh-TW'), 'zh-TW', FONT_DIR).html, file);
    const text = pdfText(file);
    const flat = squash(text);
    for (const s of ['工作人員帳號清冊', '王小明', '林美華', '話務人員', '業務承辦', '主管', '鎖定', '停用', '從未登入', '共5筆', '列印人：張主任', '第1頁，共1頁']) {
      expect(flat).toContain(s);
    }
    expect(text).toContain('王小明'); // exact, unsplit: no tofu, correct ToUnicode map
    expect(text).toContain('114/03/05 14:30');
    // Shown as text, not run; the cell wraps it, so other columns sit between the halves.
    expect(flat).toContain('<script>alert(1)');
    expect(flat).toContain('</script>');

    const fonts = pdfFontRows(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    // Only our embedded Noto Sans TC slices, never a font installed on this machine.
    expect(fonts.every((f) => /\+NotoSansTC/.test(f.name))).toBe(true);

    const size = pdfPageSizePt(file);
    expect(size.width).toBeCloseTo(595.3, 0);
    expect(size.height).toBeCloseTo(841.9, 0);
  }, 30_000);

  it('en prints with English labels and Gregorian dates', async () => {
    const file = join(outDir, 'accounts-en.pdf');
    await htmlToPdf(accountListDocument(data, testT('en'), 'en', FONT_DIR).html, file);
    const text = pdfText(file);
    for (const s of ['Staff Account List', '王小明', 'Hotline operator', 'Counter staff, Coordinator', 'Supervisor', 'Locked', 'Total: 5', '2025-03-05 14:30', 'Printed by: 張主任', 'Page 1 of 1']) {
      expect(text).toContain(s);
    }
    expect(pdfFontRows(file).every((f) => f.embedded && /\+NotoSansTC/.test(f.name))).toBe(true);
  }, 30_000);

  it('repeats the column headers on every page of a long list', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => ({
      displayName: '王小明',
      roles: ['operator' as const],
      status: 'active' as const,
      lastSignInAt: null,
      loginName: `user${i + 1}`,
    }));
    const file = join(outDir, 'accounts-long.pdf');
    await htmlToPdf(accountListDocument({ ...data, rows }, testT('zh-TW'), 'zh-TW', FONT_DIR).html, file);
    const pages = pdfPageCount(file);
    expect(pages).toBeGreaterThan(1);
    const perPage = pdfText(file).split('\f').filter((p) => p.trim() !== '');
    expect(perPage).toHaveLength(pages);
    perPage.forEach((p, i) => {
      expect(squash(p)).toContain('序號登入帳號姓名角色狀態最後登入');
      expect(squash(p)).toContain(`第${i + 1}頁，共${pages}頁`);
    });
    expect(squash(perPage[pages - 1] ?? '')).toContain('共90筆');
  }, 30_000);

  it('prints an empty list without failing', () => {
    const doc = accountListDocument({ ...data, rows: [] }, testT('en'), 'en', FONT_DIR);
    expect(doc.html).toContain('No accounts');
    expect(doc.html).toContain('Total: 0');
  });
});
