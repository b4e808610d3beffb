/** 講習證明: bilingual (Chinese above, English below), one A4 page each, with its serial number. */
import { maskId } from '../../../../shared/lib/taiwanId';
import { translatorFor } from '../../../../shared/i18n';
import { formatDateForLang } from '../../../../shared/lib/rocDate';
import { html, type SafeHtml } from '../../print/html';
import { renderPage, type PrintDocument, type PrintLang } from '../../print/page';
import type { Translate } from '../../print/translate';
import type { PrintPerson, PrintSession } from './data';
import { LECTURE_CSS, sessionDay } from './format';

export const CERTIFICATE_KIND = 'lectures.certificate';

const CSS = `
.certificate { border: 2.5pt double #333; padding: 14mm 16mm; min-height: 240mm; display: flex; flex-direction: column; gap: 6mm; }
.certificate .serial { text-align: right; font-size: 10pt; }
.certificate h1 { text-align: center; font-size: 26pt; letter-spacing: 0.3em; margin: 6mm 0 0; }
.certificate h2.en { text-align: center; font-size: 15pt; font-weight: 400; letter-spacing: 0.05em; margin: 0 0 6mm; }
.certificate .zh { font-size: 14pt; line-height: 2; }
.certificate .en { font-size: 11.5pt; line-height: 1.7; color: #222; }
.certificate .issuer { margin-top: auto; text-align: right; font-size: 13pt; }
.certificate .issuer .en { font-size: 10.5pt; }
`;

function page(p: PrintPerson, s: PrintSession, zh: Translate, en: Translate): SafeHtml {
  // completedAt is an instant; formatDateForLang reads a Date on the Taipei calendar.
  const completed = p.completedAt ? new Date(p.completedAt) : s.date;
  const params = (t: Translate, lang: PrintLang) => ({
    name: p.name,
    id: maskId(p.nationalId),
    date: sessionDay(s.date, t, lang),
    hours: s.hours,
  });
  return html`<section class="sheet certificate">
  <div class="serial">${zh('lectures:print.certificate.serial', { serial: p.certificateSerial ?? '' })} · ${en('lectures:print.certificate.serial', { serial: p.certificateSerial ?? '' })}</div>
  <h1>${zh('lectures:print.certificate.title')}</h1>
  <h2 class="en">${en('lectures:print.certificate.title')}</h2>
  <p class="zh">${zh('lectures:print.certificate.body', params(zh, 'zh-TW'))}</p>
  <p class="en">${en('lectures:print.certificate.body', params(en, 'en'))}</p>
  <div class="issuer">
    <div>${zh('lectures:print.org')}</div>
    <div class="en">${en('lectures:print.org')}</div>
    <div>${formatDateForLang(completed, 'zh-TW', 'long')} · ${formatDateForLang(completed, 'en', 'long')}</div>
  </div>
</section>`;
}

export function certificateDocument(data: { session: PrintSession; people: PrintPerson[] }, t: Translate, lang: PrintLang, fontDir: string): PrintDocument {
  const zh = translatorFor('zh-TW');
  const en = translatorFor('en');
  const body =
    data.people.length > 0
      ? html`${data.people.map((p) => page(p, data.session, zh, en))}`
      : html`<p class="muted">${t('lectures:print.certificate.none')}</p>`;
  return renderPage({
    kind: CERTIFICATE_KIND,
    title: t('lectures:print.certificate.docTitle', { count: data.people.length }),
    lang,
    format: 'a4',
    body,
    fontDir,
    extraCss: LECTURE_CSS + CSS,
    showHeader: false,
  });
}
