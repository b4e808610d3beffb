/**
 * Wraps a template's body into the complete, self-contained HTML document
 * that the single print path previews, prints and saves as PDF.
 *
 * "Self-contained" is the point: the page is loaded with a CSP that forbids
 * every network and file fetch, and it carries its own fonts, so what the
 * preview shows is exactly what any desk PC prints.
 */
import { fontFaceCss } from './fonts';
import { escapeHtml, html, type SafeHtml } from './html';
import { printCss, type PageFormat } from './printCss';

export type { PageFormat } from './printCss';

export type PrintLang = 'zh-TW' | 'en';

export interface PrintDocument {
  /** registry name of the document, e.g. 'accounts.list' */
  kind: string;
  title: string;
  format: PageFormat;
  /** complete standalone HTML document */
  html: string;
}

export interface RenderPageOptions {
  kind: string;
  title: string;
  lang: PrintLang;
  format: PageFormat;
  body: SafeHtml;
  /** @fontsource/noto-sans-tc package directory */
  fontDir: string;
  /** trusted, template-authored CSS only */
  extraCss?: string;
  /** small line under the title, e.g. "Printed at … by …" */
  headerNote?: string;
  /** A4 page footer with `{page}` / `{pages}` markers; see translate.ts pageLabel() */
  pageLabel?: string;
  /** receipt80 only: paper length to emit (default 200 mm) */
  receiptHeightMm?: number;
  /** templates with their own heading (e.g. a slip) can drop the standard header */
  showHeader?: boolean;
}

export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

// Numeric references can smuggle in CJK characters (&#39640;) that the font
// subsetter would otherwise miss; named ones in our markup are all ASCII.
function decodeNumericRefs(s: string): string {
  return s.replace(/&#(x[0-9a-f]+|\d+);/gi, (ref, n: string) => {
    const cp = n[0] === 'x' || n[0] === 'X' ? parseInt(n.slice(1), 16) : parseInt(n, 10);
    return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : ref;
  });
}

function pageHeader(title: string, note: string | undefined): SafeHtml {
  return html`<header class="doc-header">
  <h1 class="doc-title">${title}</h1>
  ${note ? html`<div class="doc-note">${note}</div>` : null}
</header>`;
}

export function renderPage(opts: RenderPageOptions): PrintDocument {
  const header = opts.showHeader === false ? null : pageHeader(opts.title, opts.headerNote);
  const bodyHtml = html`${header}${opts.body}`.__html;
  const pageLabel = opts.format === 'a4' ? opts.pageLabel : undefined;
  const css = printCss({ format: opts.format, receiptHeightMm: opts.receiptHeightMm, pageLabel });
  // Everything that can reach the glyph renderer: markup text, the <title>,
  // and CSS-generated content such as the page-number footer.
  const fontText = decodeNumericRefs([opts.title, bodyHtml, css, opts.extraCss ?? ''].join('\n'));
  const fonts = fontFaceCss(fontText, opts.fontDir);
  const doc = `<!DOCTYPE html>
<html lang="${escapeHtml(opts.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(PRINT_CSP)}">
<meta name="print-kind" content="${escapeHtml(opts.kind)}">
<title>${escapeHtml(opts.title)}</title>
<style>
${fonts}
</style>
<style>
${css}
${opts.extraCss ?? ''}
</style>
</head>
<body class="format-${opts.format}">
${bodyHtml}
</body>
</html>
`;
  return { kind: opts.kind, title: opts.title, format: opts.format, html: doc };
}
