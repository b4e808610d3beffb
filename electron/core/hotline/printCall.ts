/**
 * One call record on A4 (issue 3 §9). The call-back phone is masked unless the person
 * printing chose to show it in full — that choice is a print parameter, so it is audited.
 */
import { formatDuration, maskPhone, type CallDetail } from '../../../shared/domain/hotline';
import { formatDateForLang } from '../../../shared/lib/rocDate';
import { formatDateTime } from '../../../shared/lib/time';
import { html, joinHtml, type SafeHtml } from '../print/html';
import { renderPage, type PrintDocument, type PrintLang } from '../print/page';
import { labelled, pageLabel, type Translate } from '../print/translate';

export const CALL_DOC_KIND = 'hotline.call';

export interface CallPrintData {
  detail: CallDetail;
  /** reference id → display name in the print language */
  names: (id: number | null) => string;
  showFull: boolean;
  printedAt: string;
  printedBy: string;
}

const EXTRA_CSS = `
table.kv th { width: 24%; background: #f0f0f0; }
.notes { white-space: pre-wrap; }
.section-title { font-size: 12pt; margin: 4mm 0 2mm; }
.privacy { margin-top: 4mm; font-size: 8.5pt; color: #555; }
`;

function kvRow(label: string, value: SafeHtml | string): SafeHtml {
  return html`<tr><th>${label}</th><td>${value}</td></tr>`;
}

export function callDocument(data: CallPrintData, t: Translate, lang: PrintLang, fontDir: string): PrintDocument {
  const { call, referrals, followUps } = data.detail;
  const list = (ids: number[]) => ids.map((id) => data.names(id)).join(lang === 'zh-TW' ? '、' : ', ');
  const dash = '—';
  const phone = call.phone === '' ? dash : data.showFull ? call.phone : maskPhone(call.phone);
  const colon = lang === 'zh-TW' ? '：' : ': ';
  const type = call.kind === 'service' ? t('hotline:kind.service') : labelled(t('hotline:kind.nonService'), data.names(call.nonServiceTypeId), lang);

  const flags = call.flags.length
    ? joinHtml(
        call.flags.map((f) => html`<div><strong>${data.names(f.flagId)}</strong>${colon}${f.actionTaken}</div>`),
      )
    : dash;

  const rows = [
    kvRow(t('hotline:print.call.id'), String(call.id)),
    kvRow(t('hotline:fields.startedAt'), formatDateTime(call.startedAt, lang)),
    kvRow(t('hotline:fields.endedAt'), `${formatDateTime(call.endedAt, lang)} (${formatDuration(call.durationSec)})`),
    kvRow(t('hotline:fields.shift'), call.shiftId === null ? dash : data.names(call.shiftId)),
    kvRow(t('hotline:fields.direction'), t(`hotline:direction.${call.direction}`)),
    kvRow(t('hotline:fields.operator'), call.operatorName),
    call.createdBy !== call.operatorId ? kvRow(t('hotline:fields.createdBy'), call.createdByName) : null,
    kvRow(t('hotline:fields.kind'), type),
    kvRow(t('hotline:fields.callerType'), call.callerTypeId === null ? dash : data.names(call.callerTypeId)),
    kvRow(t('hotline:fields.gender'), call.gender ? t(`hotline:gender.${call.gender}`) : dash),
    kvRow(t('hotline:fields.ageGroup'), call.ageGroupId === null ? dash : data.names(call.ageGroupId)),
    kvRow(t('hotline:fields.district'), call.districtId === null ? dash : data.names(call.districtId)),
    kvRow(t('hotline:fields.phone'), phone),
    kvRow(t('hotline:fields.serviceItems'), call.serviceItemIds.length ? list(call.serviceItemIds) : dash),
    kvRow(t('hotline:fields.flags'), flags),
    kvRow(t('hotline:fields.notes'), html`<div class="notes">${call.notes || dash}</div>`),
  ];

  const referralTable = referrals.length
    ? html`<h2 class="section-title">${t('hotline:referrals.title')}</h2>
<table><thead><tr><th>${t('hotline:referrals.unit')}</th><th>${t('hotline:referrals.contactPerson')}</th><th>${t('hotline:referrals.referredOn')}</th><th>${t('hotline:referrals.statusLabel')}</th></tr></thead>
<tbody>${referrals.map(
        (r) => html`<tr><td>${data.names(r.unitId)}</td><td>${r.contactPerson || dash}</td><td class="nowrap">${formatDateForLang(r.referredOn, lang, 'short')}</td><td>${t(`hotline:referrals.status.${r.status}`)}</td></tr>`,
      )}</tbody></table>`
    : null;

  const followUpTable = followUps.length
    ? html`<h2 class="section-title">${t('hotline:followUps.title')}</h2>
<table><thead><tr><th>${t('hotline:followUps.dueAt')}</th><th>${t('hotline:followUps.owner')}</th><th>${t('hotline:followUps.note')}</th><th>${t('hotline:followUps.outcome')}</th></tr></thead>
<tbody>${followUps.map(
        (f) => html`<tr><td class="nowrap">${formatDateTime(f.dueAt, lang)}</td><td>${f.ownerName}</td><td>${f.note || dash}</td><td>${f.doneAt ? f.outcome : t('hotline:followUps.open')}</td></tr>`,
      )}</tbody></table>`
    : null;

  const sep = lang === 'zh-TW' ? '\u3000' : ' \u00b7 ';
  const headerNote =
    labelled(t('print.common.printedAt'), formatDateTime(data.printedAt, lang), lang) + sep + labelled(t('print.common.printedBy'), data.printedBy, lang);

  const body = html`<table class="kv"><tbody>${rows}</tbody></table>
${referralTable}
${followUpTable}
<p class="privacy">${t(data.showFull ? 'hotline:print.call.fullShown' : 'hotline:print.call.masked')}</p>`;

  return renderPage({
    kind: CALL_DOC_KIND,
    title: t('hotline:print.call.title', { id: call.id }),
    lang,
    format: 'a4',
    body,
    fontDir,
    extraCss: EXTRA_CSS,
    headerNote,
    pageLabel: pageLabel(t),
  });
}
