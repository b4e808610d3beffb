/** 移轉函: hands the lecture obligation of a person who moved to another city's bureau (issue 4 §6). */
import { maskId } from '../../../../shared/lib/taiwanId';
import { formatDateForLang } from '../../../../shared/lib/rocDate';
import { formatDateTime } from '../../../../shared/lib/time';
import { reasonText } from '../../../../shared/domain/lectures';
import type { HistoryEntry } from '../../../../shared/api/channels/lecturesTypes';
import { html } from '../../print/html';
import { renderPage, type PrintDocument, type PrintLang } from '../../print/page';
import type { Translate } from '../../print/translate';
import type { PrintPerson, PrintSession } from './data';
import { LECTURE_CSS, sessionDay, timeRange, venueName } from './format';

export const TRANSFER_LETTER_KIND = 'lectures.transferLetter';

export function transferLetterDocument(
  data: { session: PrintSession; person: PrintPerson; history: HistoryEntry[]; fullId: boolean; printedAt: string; letterNo: string },
  t: Translate,
  lang: PrintLang,
  fontDir: string,
): PrintDocument {
  const { person: p, session: s } = data;
  const dash = '—';
  const body = html`<section class="sheet">
  <p class="right small">${t('lectures:print.transfer.letterNo', { no: data.letterNo })}<br>${formatDateForLang(new Date(data.printedAt), lang, 'long')}</p>
  <p class="lead">${t('lectures:print.transfer.to', { city: p.cityTransferTo || dash })}</p>
  <p>${t('lectures:print.transfer.intro')}</p>
  <dl class="facts">
    <dt>${t('lectures:print.field.name')}</dt><dd>${p.name}</dd>
    <dt>${t('lectures:print.field.nationalId')}</dt><dd>${data.fullId ? p.nationalId : maskId(p.nationalId)}</dd>
    <dt>${t('lectures:print.field.birthDate')}</dt><dd>${p.birthDate ? formatDateForLang(p.birthDate, lang, 'long') : dash}</dd>
    <dt>${t('lectures:print.field.address')}</dt><dd>${p.address || dash}</dd>
    <dt>${t('lectures:print.field.phone')}</dt><dd>${p.phone || dash}</dd>
    <dt>${t('lectures:print.field.penaltyDocNo')}</dt><dd>${p.penaltyDocNo || dash}</dd>
    <dt>${t('lectures:print.field.issuingAgency')}</dt><dd>${p.issuingAgency || dash}</dd>
    <dt>${t('lectures:print.field.drugClass')}</dt><dd>${p.drugClass ? t(`lectures:drugClass.${p.drugClass}`) : dash}</dd>
    <dt>${t('lectures:print.field.penaltyCount')}</dt><dd>${t('lectures:print.transfer.times', { n: p.penaltyCount })}</dd>
    <dt>${t('lectures:print.transfer.original')}</dt><dd>${sessionDay(s.date, t, lang)} ${timeRange(s)} ${venueName(s, lang)}</dd>
  </dl>
  <h2>${t('lectures:print.transfer.history')}</h2>
  <table>
    <thead><tr><th>${t('lectures:print.transfer.when')}</th><th>${t('lectures:print.transfer.change')}</th><th>${t('lectures:print.transfer.reason')}</th></tr></thead>
    <tbody>${data.history.map(
      (h) => html`<tr><td class="nowrap">${formatDateTime(h.at, lang)}</td><td>${h.from ? `${t(`lectures:status.${h.from}`)} → ` : ''}${t(`lectures:status.${h.to}`)}</td><td>${reasonText(h.reason, t)}</td></tr>`,
    )}</tbody>
  </table>
  <p>${t('lectures:print.transfer.request')}</p>
  <p class="sign">${t('lectures:print.org')}</p>
</section>`;
  return renderPage({
    kind: TRANSFER_LETTER_KIND,
    title: t('lectures:print.transfer.title'),
    lang,
    format: 'a4',
    body,
    fontDir,
    extraCss: LECTURE_CSS,
  });
}
