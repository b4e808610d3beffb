/**
 * 簽到表: printed before the session, signed on paper, kept as the fallback record.
 * IDs are masked; a minor's name is masked too (講習辦法 Art. 10: a minor's identity is confidential).
 */
import { maskId } from '../../../../shared/lib/taiwanId';
import { maskName } from '../../../../shared/domain/lectures';
import { formatDateTime, formatTime } from '../../../../shared/lib/time';
import { html } from '../../print/html';
import { renderPage, type PrintDocument, type PrintLang } from '../../print/page';
import { labelled, pageLabel, type Translate } from '../../print/translate';
import type { PrintPerson, PrintSession } from './data';
import { LECTURE_CSS, sessionDay, timeRange, venueName } from './format';

export const SIGN_IN_SHEET_KIND = 'lectures.signInSheet';

const CSS = `
table.sign-in { table-layout: fixed; }
table.sign-in td { height: 11mm; vertical-align: middle; }
table.sign-in .idx { width: 8%; text-align: right; }
table.sign-in .name { width: 17%; }
table.sign-in .id { width: 17%; }
table.sign-in .note { width: 14%; }
table.sign-in .sig { width: 22%; }
`;

export function signInSheetDocument(
  data: { session: PrintSession; people: PrintPerson[]; printedAt: string; printedBy: string },
  t: Translate,
  lang: PrintLang,
  fontDir: string,
): PrintDocument {
  const s = data.session;
  const sep = lang === 'zh-TW' ? '\u3000' : ' · ';
  const headerNote = [
    labelled(t('lectures:print.field.date'), sessionDay(s.date, t, lang), lang),
    labelled(t('lectures:print.field.time'), timeRange(s), lang),
    labelled(t('lectures:print.field.venue'), venueName(s, lang), lang),
    labelled(t('lectures:print.field.kind'), t(`lectures:kind.${s.kind}`), lang),
  ].join(sep);
  const printed = `${labelled(t('print.common.printedAt'), formatDateTime(data.printedAt, lang), lang)}${sep}${labelled(t('print.common.printedBy'), data.printedBy, lang)}`;
  const rows = data.people.map(
    (p, i) => html`<tr>
  <td class="idx num">${i + 1}</td>
  <td class="name">${p.minor ? maskName(p.name) : p.name}</td>
  <td class="id num">${maskId(p.nationalId)}</td>
  <td class="note">${[
    p.minor ? t('lectures:flags.minor') : '',
    p.status === 'leaveRequested' ? t('lectures:status.leaveRequested') : '',
    p.checkedInAt ? t('lectures:print.signIn.checkedInAt', { time: formatTime(p.checkedInAt) }) : '',
  ]
    .filter(Boolean)
    .join(' ')}</td>
  <td class="sig"></td>
  <td class="sig"></td>
</tr>`,
  );
  const body = html`<p class="small muted">${printed}</p>
<table class="sign-in">
<thead><tr>
  <th class="idx">${t('lectures:print.signIn.index')}</th>
  <th class="name">${t('lectures:print.field.name')}</th>
  <th class="id">${t('lectures:print.field.nationalId')}</th>
  <th class="note">${t('lectures:print.signIn.note')}</th>
  <th class="sig">${t('lectures:print.signIn.signIn')}</th>
  <th class="sig">${t('lectures:print.signIn.signOut')}</th>
</tr></thead>
<tbody>${rows.length > 0 ? rows : html`<tr><td colspan="6" class="center muted">${t('lectures:print.nobody')}</td></tr>`}</tbody>
</table>
<div class="doc-footer">${t('print.common.total', { count: data.people.length })}</div>`;
  return renderPage({
    kind: SIGN_IN_SHEET_KIND,
    title: t('lectures:print.signIn.title'),
    lang,
    format: 'a4',
    body,
    fontDir,
    extraCss: LECTURE_CSS + CSS,
    headerNote,
    pageLabel: pageLabel(t),
  });
}
