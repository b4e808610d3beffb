/**
 * 交班紀錄 on A4: the shift's calls by kind, open follow-ups, pending referrals, flagged
 * calls and the notes for the next shift, exactly as saved (issue 3 §8).
 */
import type { Handover } from '../../../shared/domain/hotline';
import { formatDateForLang } from '../../../shared/lib/rocDate';
import { formatDateTime, formatTime } from '../../../shared/lib/time';
import { html, type SafeHtml } from '../print/html';
import { renderPage, type PrintDocument, type PrintLang } from '../print/page';
import { labelled, pageLabel, type Translate } from '../print/translate';

export const HANDOVER_DOC_KIND = 'hotline.handover';

export interface HandoverPrintData {
  handover: Handover;
  names: (id: number | null) => string;
  printedAt: string;
  printedBy: string;
}

const EXTRA_CSS = `
.section-title { font-size: 12pt; margin: 5mm 0 2mm; }
table.counts { width: 60%; }
table.counts td.num { text-align: right; width: 30%; }
table.counts td.sub { padding-left: 7mm; }
.notes { white-space: pre-wrap; border: 0.6pt solid #999; padding: 2mm 3mm; min-height: 20mm; }
.ack { margin-top: 5mm; }
`;

function section(title: string, count: number | null, t: Translate, content: SafeHtml): SafeHtml {
  const heading = count === null ? title : `${title}${t('hotline:print.handover.count', { count })}`;
  return html`<h2 class="section-title">${heading}</h2>${content}`;
}

export function handoverDocument(data: HandoverPrintData, t: Translate, lang: PrintLang, fontDir: string): PrintDocument {
  const { handover: h, names } = data;
  const s = h.summary;
  const dash = '—';
  const none = (cols: number) => html`<tr><td class="center muted" colspan="${cols}">${t('hotline:print.handover.none')}</td></tr>`;
  const calls = (n: number) => t('hotline:print.handover.calls', { count: n });

  const counts = html`<table class="counts"><tbody>
<tr><th>${t('hotline:handover.totalCalls')}</th><td class="num">${calls(s.totalCalls)}</td></tr>
<tr><th>${t('hotline:kind.service')}</th><td class="num">${calls(s.serviceCalls)}</td></tr>
<tr><th>${t('hotline:kind.nonService')}</th><td class="num">${calls(s.nonServiceCalls)}</td></tr>
${s.nonServiceByType.map((c) => html`<tr><td class="sub">${names(c.typeId)}</td><td class="num">${calls(c.count)}</td></tr>`)}
</tbody></table>`;

  const followUps = html`<table><thead><tr><th>${t('hotline:followUps.dueAt')}</th><th>${t('hotline:followUps.owner')}</th><th>${t('hotline:followUps.call')}</th><th>${t('hotline:followUps.note')}</th></tr></thead><tbody>
${s.openFollowUps.length ? s.openFollowUps.map((f) => html`<tr><td class="nowrap">${formatDateTime(f.dueAt, lang)}</td><td>${f.ownerName}</td><td class="nowrap">#${f.callId} ${f.phoneMasked}</td><td>${f.note || dash}</td></tr>`) : none(4)}
</tbody></table>`;

  const referrals = html`<table><thead><tr><th>${t('hotline:referrals.unit')}</th><th>${t('hotline:referrals.contactPerson')}</th><th>${t('hotline:referrals.referredOn')}</th><th>${t('hotline:followUps.call')}</th></tr></thead><tbody>
${s.pendingReferrals.length ? s.pendingReferrals.map((r) => html`<tr><td>${names(r.unitId)}</td><td>${r.contactPerson || dash}</td><td class="nowrap">${formatDateForLang(r.referredOn, lang, 'short')}</td><td class="nowrap">#${r.callId} ${r.phoneMasked}</td></tr>`) : none(4)}
</tbody></table>`;

  const flagged = html`<table><thead><tr><th>${t('hotline:fields.startedAt')}</th><th>${t('hotline:followUps.call')}</th><th>${t('hotline:fields.operator')}</th><th>${t('hotline:fields.flags')}</th></tr></thead><tbody>
${s.flaggedCalls.length ? s.flaggedCalls.map((c) => html`<tr><td class="nowrap">${formatDateTime(c.startedAt, lang)}</td><td>#${c.id}</td><td>${c.operatorName}</td><td>${c.flagIds.map((id, i) => html`<div><strong>${names(id)}</strong> ${c.actions[i] ?? ''}</div>`)}</td></tr>`) : none(4)}
</tbody></table>`;

  const shiftName = s.shiftId === null ? t('hotline:handover.wholeDay') : names(s.shiftId);
  const period = `${formatDateForLang(new Date(s.windowStart), lang, 'short')} ${formatTime(s.windowStart)}–${formatTime(s.windowEnd)}`;
  const sep = lang === 'zh-TW' ? '\u3000' : ' \u00b7 ';
  const headerNote = [
    labelled(t('hotline:fields.shift'), `${shiftName} ${period}`, lang),
    labelled(t('hotline:handover.writtenBy'), `${h.createdByName} ${formatDateTime(h.createdAt, lang)}`, lang),
    labelled(t('print.common.printedAt'), formatDateTime(data.printedAt, lang), lang),
  ].join(sep);

  const ack = h.acknowledgedAt
    ? labelled(t('hotline:handover.acknowledgedBy'), `${h.acknowledgedByName ?? ''} ${formatDateTime(h.acknowledgedAt, lang)}`, lang)
    : t('hotline:handover.notAcknowledged');

  const body = html`${section(t('hotline:handover.callsByKind'), null, t, counts)}
${section(t('hotline:handover.openFollowUps'), s.openFollowUps.length, t, followUps)}
${section(t('hotline:handover.pendingReferrals'), s.pendingReferrals.length, t, referrals)}
${section(t('hotline:handover.flaggedCalls'), s.flaggedCalls.length, t, flagged)}
${section(t('hotline:handover.notes'), null, t, html`<div class="notes">${h.notes || dash}</div>`)}
<p class="ack">${ack}</p>`;

  return renderPage({
    kind: HANDOVER_DOC_KIND,
    title: t('hotline:print.handover.title'),
    lang,
    format: 'a4',
    body,
    fontDir,
    extraCss: EXTRA_CSS,
    headerNote,
    pageLabel: pageLabel(t),
  });
}
