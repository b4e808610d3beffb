/** 講習通知書: one A4 page per person, with the scannable code used at check-in (issue 4 §3). */
import { maskId } from '../../../../shared/lib/taiwanId';
import { html, type SafeHtml } from '../../print/html';
import { renderPage, type PrintDocument, type PrintLang } from '../../print/page';
import type { Translate } from '../../print/translate';
import type { PrintPerson, PrintSession } from './data';
import { LECTURE_CSS, sessionDay, timeRange, venueName } from './format';
import { qrSvg } from './qr';

export const NOTICE_KIND = 'lectures.notice';

function sheet(p: PrintPerson, s: PrintSession, t: Translate, lang: PrintLang, fullId: boolean): SafeHtml {
  const id = fullId && !p.minor ? p.nationalId : maskId(p.nationalId);
  return html`<section class="sheet notice">
  <h1 class="doc-title">${t('lectures:print.notice.title')}</h1>
  <p class="lead">${t('lectures:print.notice.greeting', { name: p.name })}</p>
  <p>${t('lectures:print.notice.intro')}</p>
  <dl class="facts">
    <dt>${t('lectures:print.field.name')}</dt><dd>${p.name}</dd>
    <dt>${t('lectures:print.field.nationalId')}</dt><dd>${id}</dd>
    ${p.penaltyDocNo ? html`<dt>${t('lectures:print.field.penaltyDocNo')}</dt><dd>${p.penaltyDocNo}${p.issuingAgency ? `（${p.issuingAgency}）` : ''}</dd>` : null}
    <dt>${t('lectures:print.field.date')}</dt><dd>${sessionDay(s.date, t, lang)}</dd>
    <dt>${t('lectures:print.field.time')}</dt><dd>${t('lectures:print.notice.timeValue', { range: timeRange(s), hours: s.hours })}</dd>
    <dt>${t('lectures:print.field.venue')}</dt><dd>${venueName(s, lang)}${s.venueAddress ? html`<br><span class="small">${s.venueAddress}</span>` : null}</dd>
  </dl>
  <div class="code-box">
    ${qrSvg(p.code, 30)}
    <div>
      <div>${t('lectures:print.notice.codeLabel')}</div>
      <div class="code-text" data-code>${p.code}</div>
      <div class="small">${t('lectures:print.notice.codeHint')}</div>
    </div>
  </div>
  <h2>${t('lectures:print.notice.bringTitle')}</h2>
  <ul class="rules">
    <li>${t('lectures:print.notice.bring1')}</li>
    <li>${t('lectures:print.notice.bring2')}</li>
    <li>${t('lectures:print.notice.bring3')}</li>
  </ul>
  <h2>${t('lectures:print.notice.leaveTitle')}</h2>
  <ul class="rules">
    <li>${t('lectures:print.notice.leave1')}</li>
    <li>${t('lectures:print.notice.leave2')}</li>
    <li>${t('lectures:print.notice.leave3')}</li>
  </ul>
  <p class="small">${t('lectures:print.notice.legal')}</p>
  <p class="sign">${t('lectures:print.org')}</p>
</section>`;
}

export function noticeDocument(
  data: { session: PrintSession; people: PrintPerson[]; fullId: boolean },
  t: Translate,
  lang: PrintLang,
  fontDir: string,
): PrintDocument {
  const body =
    data.people.length > 0
      ? html`${data.people.map((p) => sheet(p, data.session, t, lang, data.fullId))}`
      : html`<p class="muted">${t('lectures:print.nobody')}</p>`;
  return renderPage({
    kind: NOTICE_KIND,
    title: t('lectures:print.notice.docTitle', { date: sessionDay(data.session.date, t, lang), count: data.people.length }),
    lang,
    format: 'a4',
    body,
    fontDir,
    extraCss: LECTURE_CSS,
    showHeader: false,
  });
}
