/**
 * The guidance slip handed to a visitor: one topic in both languages on one page (the
 * visitor's language first), where to go, what to bring, and a QR code to the web page.
 * A4 carries the whole topic; the 80 mm receipt keeps what the visitor needs on the way.
 */
import type { Lang } from '../../../shared/api/common';
import { topicText, type TopicTextField, type TopicTexts } from '../../../shared/domain/counter';
import { formatDateTime } from '../../../shared/lib/time';
import { html, joinHtml, type SafeHtml } from '../print/html';
import { renderPage, type PageFormat, type PrintDocument } from '../print/page';
import { labelled, type Translate } from '../print/translate';
import { estimateReceiptMm } from './receipt';
import { qrDataUrl } from './qr';

export interface SlipUnit {
  nameZh: string;
  nameEn: string;
  floorRoomZh: string;
  floorRoomEn: string;
  extension: string;
}

export interface GuidanceSlipData {
  texts: TopicTexts;
  unit: SlipUnit | null;
  webUrl: string;
  relatedZh: string[];
  relatedEn: string[];
  /** the visitor's language, printed first */
  first: Lang;
  /** the staff's language: the document's title (print dialog, PDF file name) */
  uiLang: Lang;
  printedAt: string;
}

export type Translators = Record<Lang, Translate>;

const CSS = `
.slip-head { display: flex; justify-content: space-between; align-items: flex-end; gap: 4mm;
  border-bottom: 1.2pt solid #222; padding-bottom: 1.5mm; margin-bottom: 3mm; font-size: 8.5pt; }
.slip-kind { text-align: right; font-weight: 700; }
.slip-top { display: flex; gap: 5mm; align-items: flex-start; margin-bottom: 3mm; }
.slip-titles { flex: 1; min-width: 0; }
.slip-title { font-size: 16pt; font-weight: 700; line-height: 1.25; margin: 0 0 0.5mm; }
.slip-title-2 { font-size: 11.5pt; font-weight: 700; margin: 0 0 2.5mm; }
.slip-where { border: 1pt solid #222; border-radius: 1.5mm; padding: 1.5mm 2.5mm; }
.slip-unit { font-size: 12.5pt; font-weight: 700; margin: 0; }
.slip-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 2.5mm 6mm; font-size: 9.5pt; }
.slip-wide { grid-column: 1 / -1; }
.slip-field { break-inside: avoid; }
.slip-label { font-size: 8.5pt; font-weight: 700; border-left: 2pt solid #222; padding-left: 1.5mm; margin-bottom: 0.6mm; }
.slip-text { white-space: pre-line; margin: 0; }
.slip-text-2 { white-space: pre-line; margin: 0.4mm 0 0; color: #333; font-size: 0.9em; }
.slip-qr { width: 36mm; text-align: center; font-size: 8pt; break-inside: avoid; }
.slip-qr img { width: 32mm; height: 32mm; display: block; margin: 0 auto 1mm; }
.slip-url { word-break: break-all; }
.slip-foot { margin-top: 4mm; padding-top: 1.5mm; border-top: 0.6pt solid #999; font-size: 8pt; display: flex; justify-content: space-between; gap: 4mm; }
.format-receipt80 .slip-head { display: block; text-align: center; border-bottom: 0.8pt dashed #000; }
.format-receipt80 .slip-kind { text-align: center; }
.format-receipt80 .slip-top { display: block; }
.format-receipt80 .slip-title { font-size: 13pt; }
.format-receipt80 .slip-title-2 { font-size: 10.5pt; }
.format-receipt80 .slip-where { border: 0.8pt solid #000; }
.format-receipt80 .slip-grid { display: block; font-size: 10pt; }
.format-receipt80 .slip-field { margin-top: 2.5mm; }
.format-receipt80 .slip-label { border-left: 0; padding-left: 0; text-decoration: underline; }
.format-receipt80 .slip-text-2 { color: #000; }
.format-receipt80 .slip-qr { width: auto; margin-top: 3mm; font-size: 9pt; }
.format-receipt80 .slip-qr img { width: 36mm; height: 36mm; }
.format-receipt80 .slip-foot { display: block; text-align: center; border-top: 0.8pt dashed #000; }
.format-receipt80 .slip-foot span { display: block; }
`;

const other = (lang: Lang): Lang => (lang === 'en' ? 'zh-TW' : 'en');

/** One labelled field, both languages: the visitor's first, the other beneath it. */
function field(label: Record<Lang, string>, value: Record<Lang, string>, first: Lang, wide = false): SafeHtml | null {
  const second = other(first);
  if (!value[first] && !value[second]) return null;
  return html`<section class="slip-field${wide ? ' slip-wide' : ''}">
  <div class="slip-label"><span lang="${first}">${label[first]}</span> ${label[second]}</div>
  ${value[first] ? html`<p class="slip-text" lang="${first}">${value[first]}</p>` : null}
  ${value[second] ? html`<p class="slip-text-2" lang="${second}">${value[second]}</p>` : null}
</section>`;
}

function unitLines(unit: SlipUnit, lang: Lang, t: Translate): string {
  const en = lang === 'en';
  const parts = [en ? unit.nameEn : unit.nameZh, en ? unit.floorRoomEn : unit.floorRoomZh];
  if (unit.extension) parts.push(t('counter:print.extension', { ext: unit.extension }));
  return parts.filter(Boolean).join(en ? ', ' : '　');
}

export function guidanceSlipDocument(data: GuidanceSlipData, format: PageFormat, t: Translators, kind: string, fontDir: string): PrintDocument {
  const first = data.first;
  const second = other(first);
  const both = (key: string) => ({ 'zh-TW': t['zh-TW'](key), en: t.en(key) });
  const text = (f: TopicTextField) => ({ 'zh-TW': topicText(data.texts, f, 'zh-TW'), en: topicText(data.texts, f, 'en') });
  const receipt = format === 'receipt80';
  const unit = data.unit ? { 'zh-TW': unitLines(data.unit, 'zh-TW', t['zh-TW']), en: unitLines(data.unit, 'en', t.en) } : null;
  const related = { 'zh-TW': data.relatedZh.join('、'), en: data.relatedEn.join('; ') };

  const fields = joinHtml([
    receipt ? null : field(both('counter:print.fields.summary'), text('summary'), first, true),
    receipt ? null : field(both('counter:print.fields.eligibility'), text('eligibility'), first),
    field(both('counter:print.fields.documents'), text('documents'), first),
    field(both('counter:print.fields.timeLimit'), text('timeLimit'), first),
    field(both('counter:print.fields.hours'), text('hours'), first),
    field(both('counter:print.fields.contact'), text('contact'), first, true),
    receipt ? null : field(both('counter:print.fields.related'), related, first, true),
  ]);

  const where = unit
    ? html`<div class="slip-where">
  <div class="slip-label"><span lang="${first}">${t[first]('counter:print.fields.unit')}</span> ${t[second]('counter:print.fields.unit')}</div>
  <p class="slip-unit" lang="${first}">${unit[first]}</p>
  <p class="slip-text-2" lang="${second}">${unit[second]}</p>
</div>`
    : null;

  const qr = data.webUrl
    ? html`<div class="slip-qr">
  <img src="${qrDataUrl(data.webUrl)}" alt="QR">
  <div>${t[first]('counter:print.scan')}</div><div>${t[second]('counter:print.scan')}</div><div class="slip-url">${data.webUrl}</div>
</div>`
    : null;

  const body = html`<header class="slip-head">
  <div>${t[first]('counter:print.org')}<br>${t[second]('counter:print.org')}</div>
  <div class="slip-kind">${t[first]('counter:print.slipTitle')}<br>${t[second]('counter:print.slipTitle')}</div>
</header>
<div class="slip-top">
  <div class="slip-titles">
    <h1 class="slip-title" lang="${first}">${text('title')[first]}</h1>
    <div class="slip-title-2" lang="${second}">${text('title')[second]}</div>
    ${where}
  </div>
  ${receipt ? null : qr}
</div>
<div class="slip-grid">${fields}</div>
${receipt ? qr : null}
<footer class="slip-foot">
  <span>${t[first]('counter:print.hotline')}<br>${t[second]('counter:print.hotline')}</span>
  <span>${t[first]('counter:print.printedAt')} ${formatDateTime(data.printedAt, first)}</span>
</footer>`;

  const receiptText = [text('title'), text('documents'), text('timeLimit'), text('hours'), text('contact')].flatMap((v) => [v['zh-TW'], v.en]);
  if (unit) receiptText.push(unit['zh-TW'], unit.en);
  return renderPage({
    kind,
    title: labelled(t[data.uiLang]('counter:print.slipTitle'), text('title')[data.uiLang], data.uiLang),
    lang: first,
    format,
    body,
    fontDir,
    extraCss: CSS,
    showHeader: false,
    // Fixed parts on an 80 mm roll: heading and titles' margins, five field labels, the
    // unit box, the QR code with its caption, and the footer — about 120 mm.
    receiptHeightMm: receipt ? estimateReceiptMm(receiptText, 120) : undefined,
  });
}
