import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { html } from '../../../electron/core/print/html';
import { renderPage, type RenderPageOptions } from '../../../electron/core/print/page';
import { pageCounterContent } from '../../../electron/core/print/printCss';
import { closeBrowser, htmlToPdf, pdfPageSizePt, pdfText } from '../../support/pdf';
import { FONT_DIR } from './fixtures';

const outDir = mkdtempSync(join(tmpdir(), 'print-test-'));

afterAll(async () => {
  await closeBrowser();
  if (!process.env.KEEP_TEST_PDF) rmSync(outDir, { recursive: true, force: true });
});

const base: RenderPageOptions = {
  kind: 'test.doc',
  title: '測試文件',
  lang: 'zh-TW',
  format: 'a4',
  body: html`<p>${'高雄 & <b>'}</p>`,
  fontDir: FONT_DIR,
};

describe('renderPage', () => {
  it('produces a standalone, locked-down HTML document', () => {
    const doc = renderPage(base);
    expect(doc).toMatchObject({ kind: 'test.doc', title: '測試文件', format: 'a4' });
    expect(doc.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(doc.html).toContain('<html lang="zh-TW">');
    expect(doc.html).toContain('<meta charset="utf-8">');
    expect(doc.html).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:"`.replace(/'/g, '&#39;'),
    );
    expect(doc.html).toContain('<title>測試文件</title>');
    expect(doc.html).toContain('<h1 class="doc-title">測試文件</h1>');
    expect(doc.html).toContain('<p>高雄 &amp; &lt;b&gt;</p>');
    expect(doc.html).toContain("font-family: 'DocSans', sans-serif");
    expect(doc.html).toContain('thead { display: table-header-group; }');
    expect(doc.html).toContain('tr { break-inside: avoid; }');
    // No external fetches of any kind.
    expect(doc.html).not.toMatch(/(src|href)=["'](?!data:)/);
    expect(doc.html).not.toMatch(/url\((?!data:)/);
  });

  it('A4 uses A4 page geometry', () => {
    const { html: page } = renderPage(base);
    expect(page).toContain('size: A4; margin: 15mm 12mm;');
    expect(page).not.toContain('80mm');
  });

  it('receipt80 uses an 80 mm roll, default 200 mm long, and a 74 mm body', () => {
    const { html: page } = renderPage({ ...base, format: 'receipt80' });
    expect(page).toContain('size: 80mm 200mm; margin: 3mm;');
    expect(page).toContain('width: 74mm');
    expect(page).toContain('font-size: 10pt');
    expect(page).not.toContain('size: A4');
    expect(renderPage({ ...base, format: 'receipt80', receiptHeightMm: 120 }).html).toContain('size: 80mm 120mm;');
    expect(() => renderPage({ ...base, format: 'receipt80', receiptHeightMm: 0 })).toThrow(RangeError);
  });

  it('puts the page label into an A4 footer and embeds fonts for it', () => {
    const { html: page } = renderPage({ ...base, pageLabel: '第 {page} 頁，共 {pages} 頁', headerNote: '列印人：王' });
    expect(page).toContain('@bottom-center { content: "第 " counter(page) " 頁，共 " counter(pages) " 頁";');
    expect(page).toContain('<div class="doc-note">列印人：王</div>');
    expect(renderPage({ ...base, format: 'receipt80', pageLabel: 'x {page}' }).html).not.toContain('counter(page)');
  });

  it('escapes page labels so they cannot break out of the stylesheet', () => {
    expect(pageCounterContent('a"</style>{page}')).toBe('"a\\22 \\3c /style>" counter(page)');
  });

  it('omits the header when asked', () => {
    expect(renderPage({ ...base, showHeader: false }).html).not.toContain('doc-header"');
  });
});

describe('renderPage in Chromium', () => {
  it('prints receipt80 on an 80 × 200 mm page with the Chinese text intact', async () => {
    const file = join(outDir, 'receipt.pdf');
    const body = html`<p>${'講座簽到'}</p><p class="bilingual-en">${'Lecture check-in'}</p>`;
    await htmlToPdf(renderPage({ ...base, format: 'receipt80', body }).html, file);
    const mmToPt = (mm: number): number => (mm / 25.4) * 72;
    const size = pdfPageSizePt(file);
    expect(size.width).toBeCloseTo(mmToPt(80), 0);
    expect(size.height).toBeCloseTo(mmToPt(200), 0);
    const text = pdfText(file);
    expect(text).toContain('測試文件');
    expect(text).toContain('講座簽到');
    expect(text).toContain('Lecture check-in');
  }, 30_000);
});
