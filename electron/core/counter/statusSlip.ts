/**
 * The progress-inquiry slip (進度單): one person's lecture sessions and statuses, in both
 * languages, handed to that person. The ID and the name are masked: a slip that is lost
 * in the street must not identify anyone.
 */
import type { Lang } from '../../../shared/api/common';
import type { InquiryEnrolment } from '../../../shared/api/channels/counter';
import { formatDateForLang } from '../../../shared/lib/rocDate';
import { formatDateTime } from '../../../shared/lib/time';
import { html, type SafeHtml } from '../print/html';
import { renderPage, type PageFormat, type PrintDocument } from '../print/page';
import { labelled, type Translate } from '../print/translate';
import type { Translators } from './guidanceSlip';
import { estimateReceiptMm } from './receipt';

export interface StatusSlipData {
  maskedId: string;
  maskedName: string;
  enrolments: InquiryEnrolment[];
  first: Lang;
  /** the staff's language: the document's title (print dialog, PDF file name) */
  uiLang: Lang;
  printedAt: string;
}

const CSS = `
.st-head { border-bottom: 1.2pt solid #222; padding-bottom: 2mm; margin-bottom: 3mm; }
.st-org { font-size: 9pt; }
.st-title { font-size: 15pt; font-weight: 700; margin: 1mm 0 0; }
.st-who { display: flex; gap: 8mm; margin-bottom: 3mm; font-size: 11pt; }
.st-2 { color: #333; font-size: 0.9em; display: block; }
.st-item { border-bottom: 0.5pt dashed #000; padding: 1mm 0; break-inside: avoid; }
.st-status { font-weight: 700; }
.st-note { margin-top: 3mm; font-size: 9pt; }
.st-foot { margin-top: 3mm; font-size: 8.5pt; }
.format-receipt80 .st-head { text-align: center; border-bottom: 0.8pt dashed #000; }
.format-receipt80 .st-who { display: block; }
.format-receipt80 .st-2 { color: #000; }
`;

const other = (lang: Lang): Lang => (lang === 'en' ? 'zh-TW' : 'en');

/** Lecture vocabulary comes from the lectures team's labels; an unknown code prints as itself. */
function lectureLabel(t: Translate, group: 'status' | 'kind', code: string): string {
  const key = `lectures:${group}.${code}`;
  const label = t(key);
  return label === key ? code : label;
}

interface Row {
  date: string;
  time: string;
  venue: string;
  kind: string;
  status: string;
  since: string;
}

function row(e: InquiryEnrolment, lang: Lang, t: Translate): Row {
  return {
    date: formatDateForLang(e.sessionDate, lang, 'short'),
    time: `${e.startTime}–${e.endTime}`,
    venue: e.venue ? (lang === 'en' ? e.venue.nameEn : e.venue.nameZh) : '',
    kind: lectureLabel(t, 'kind', e.sessionKind),
    status: lectureLabel(t, 'status', e.status),
    since: formatDateTime(e.statusChangedAt, lang),
  };
}

function pair(a: string, b: string): SafeHtml {
  return html`${a}${b && b !== a ? html`<span class="st-2">${b}</span>` : null}`;
}

export function statusSlipDocument(data: StatusSlipData, format: PageFormat, t: Translators, kind: string, fontDir: string): PrintDocument {
  const first = data.first;
  const second = other(first);
  const label = (key: string) => pair(t[first](key), t[second](key));
  const rows = data.enrolments.map((e) => ({ a: row(e, first, t[first]), b: row(e, second, t[second]) }));
  const receipt = format === 'receipt80';

  const list = receipt
    ? rows.map(
        ({ a, b }) => html`<div class="st-item">
  <div>${pair(`${a.date} ${a.time}`, b.date)}</div>
  <div>${pair(a.venue, b.venue)}</div>
  <div class="st-status">${pair(a.status, b.status)}</div>
</div>`,
      )
    : html`<table>
<thead><tr>
  <th>${label('counter:print.status.date')}</th><th>${label('counter:print.status.time')}</th><th>${label('counter:print.status.venue')}</th>
  <th>${label('counter:print.status.kind')}</th><th>${label('counter:print.status.status')}</th><th>${label('counter:print.status.since')}</th>
</tr></thead>
<tbody>${rows.map(
        ({ a, b }) => html`<tr>
  <td class="nowrap">${pair(a.date, b.date)}</td><td class="nowrap">${a.time}</td><td>${pair(a.venue, b.venue)}</td>
  <td>${pair(a.kind, b.kind)}</td><td class="st-status">${pair(a.status, b.status)}</td><td class="nowrap">${pair(a.since, b.since)}</td>
</tr>`,
      )}</tbody>
</table>`;

  const body = html`<header class="st-head">
  <div class="st-org">${t[first]('counter:print.org')} · ${t[second]('counter:print.org')}</div>
  <h1 class="st-title">${t[first]('counter:print.status.title')}<span class="st-2">${t[second]('counter:print.status.title')}</span></h1>
</header>
<div class="st-who">
  <div>${labelled(t[first]('counter:print.status.id'), data.maskedId, first)}<span class="st-2">${t[second]('counter:print.status.id')}</span></div>
  <div>${labelled(t[first]('counter:print.status.name'), data.maskedName, first)}<span class="st-2">${t[second]('counter:print.status.name')}</span></div>
</div>
${rows.length > 0 ? list : html`<p>${label('counter:print.status.none')}</p>`}
<p class="st-note">${label('counter:print.status.note')}</p>
<footer class="st-foot">${t[first]('counter:print.printedAt')} ${formatDateTime(data.printedAt, first)}</footer>`;

  const receiptText = rows.flatMap(({ a, b }) => [`${a.date} ${a.time}`, b.date, a.venue, b.venue, a.status, b.status]);
  return renderPage({
    kind,
    title: t[data.uiLang]('counter:print.status.title'),
    lang: first,
    format,
    body,
    fontDir,
    extraCss: CSS,
    showHeader: false,
    receiptHeightMm: receipt ? estimateReceiptMm([...receiptText, t['zh-TW']('counter:print.status.note'), t.en('counter:print.status.note')], 70) : undefined,
  });
}
