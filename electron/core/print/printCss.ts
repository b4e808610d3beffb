/**
 * The shared print stylesheet. Every document goes through it so that all
 * printouts from the desk look like one family, and so page geometry lives
 * in exactly one place.
 */
import { DOC_FONT_FAMILY } from './fonts';

export type PageFormat = 'a4' | 'receipt80';

export interface PageCssOptions {
  format: PageFormat;
  /** receipt80 only; see pageRule() */
  receiptHeightMm?: number;
  /** A4 only: footer text with `{page}` / `{pages}` placeholders */
  pageLabel?: string;
}

/** Default receipt length when the caller cannot estimate one. */
export const DEFAULT_RECEIPT_HEIGHT_MM = 200;

/**
 * A CSS string literal that is also safe inside a <style> element: `<` is
 * escaped so text like "</style>" can never close the element early.
 */
export function cssString(s: string): string {
  const escaped = s.replace(/[\\"<\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
  return `"${escaped}"`;
}

/** "Page {page} of {pages}" → `"Page " counter(page) " of " counter(pages)`. */
export function pageCounterContent(label: string): string {
  const parts = label.split(/(\{pages?\})/);
  const tokens = parts
    .filter((p) => p !== '')
    .map((p) => (p === '{page}' ? 'counter(page)' : p === '{pages}' ? 'counter(pages)' : cssString(p)));
  return tokens.length > 0 ? tokens.join(' ') : '""';
}

function pageRule(opts: PageCssOptions): string {
  if (opts.format === 'receipt80') {
    // Thermal rolls have no page length, but Chromium's PDF/print pipeline
    // needs a finite one: `size: 80mm auto` is not honoured, so callers that
    // can estimate the content height pass it and everyone else gets 200 mm.
    const height = opts.receiptHeightMm ?? DEFAULT_RECEIPT_HEIGHT_MM;
    if (!Number.isFinite(height) || height <= 0) {
      throw new RangeError(`receiptHeightMm must be a positive number, got ${height}`);
    }
    return `@page { size: 80mm ${height}mm; margin: 3mm; }`;
  }
  const footer = opts.pageLabel
    ? `@bottom-center { content: ${pageCounterContent(opts.pageLabel)}; ` +
      `font-family: '${DOC_FONT_FAMILY}', sans-serif; font-size: 8pt; color: #555; }`
    : '';
  return `@page { size: A4; margin: 15mm 12mm; ${footer} }`;
}

const BASE_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html {
  font-family: '${DOC_FONT_FAMILY}', sans-serif;
  color: #111;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
body { margin: 0; font-size: 10.5pt; line-height: 1.5; }
h1, h2, h3 { font-weight: 700; line-height: 1.3; margin: 0 0 2mm; break-after: avoid; }
p { margin: 0 0 2mm; }
.doc-header { margin-bottom: 5mm; padding-bottom: 2.5mm; border-bottom: 1.2pt solid #222; }
.doc-title { font-size: 17pt; letter-spacing: 0.03em; margin: 0; }
.doc-note { margin-top: 1mm; font-size: 8.5pt; color: #555; }
table { width: 100%; border-collapse: collapse; margin: 0 0 4mm; }
th, td {
  border: 0.6pt solid #999;
  padding: 1.3mm 2mm;
  text-align: left;
  vertical-align: top;
  overflow-wrap: anywhere;
}
th { background: #ebebeb; font-weight: 700; }
/* Repeat column headers on every printed page. */
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; }
tbody tr:nth-child(even) td { background: #f7f7f7; }
.doc-footer { margin-top: 2mm; font-size: 9.5pt; }
.muted { color: #666; }
.right { text-align: right; }
.center { text-align: center; }
.small { font-size: 8.5pt; }
.nowrap { white-space: nowrap; }
.num { font-variant-numeric: tabular-nums; }
.bilingual-en { display: block; font-size: 0.85em; color: #444; }
`;

// Thermal heads print gray as coarse dither, so receipts stay pure black,
// lean on size/weight for hierarchy, and drop cell fills and heavy borders.
const RECEIPT_CSS = `
html { color: #000; }
body { width: 74mm; font-size: 10pt; line-height: 1.4; }
.doc-header { text-align: center; margin-bottom: 2mm; padding-bottom: 1.5mm; border-bottom: 0.8pt dashed #000; }
.doc-title { font-size: 13pt; letter-spacing: 0; }
.doc-note, .muted, .bilingual-en { color: #000; }
th, td { border: 0; border-bottom: 0.5pt dashed #000; padding: 0.8mm 0.5mm; }
th { background: none; }
tbody tr:nth-child(even) td { background: none; }
`;

export function printCss(opts: PageCssOptions): string {
  return [pageRule(opts), BASE_CSS, opts.format === 'receipt80' ? RECEIPT_CSS : ''].join('\n');
}
