/**
 * Staff account list, printed by a supervisor (e.g. for the periodic access
 * review the bureau files on paper).
 */
import type { Role } from '../../../../shared/domain/roles';
import { formatDateTime } from '../../../../shared/lib/time';
import { html, type SafeHtml } from '../html';
import { renderPage, type PrintDocument, type PrintLang } from '../page';
import { labelled, pageLabel, type Translate } from '../translate';

export const ACCOUNT_LIST_KIND = 'accounts.list';

export type AccountStatus = 'active' | 'locked' | 'disabled';

export interface AccountListRow {
  loginName: string;
  displayName: string;
  roles: Role[];
  status: AccountStatus;
  /** ISO instant, or null if the account has never signed in */
  lastSignInAt: string | null;
}

export interface AccountListData {
  rows: AccountListRow[];
  /** ISO instant */
  printedAt: string;
  printedBy: string;
}

const COLUMNS = ['index', 'loginName', 'displayName', 'roles', 'status', 'lastSignIn'] as const;

// Widths sum to 100%; fixed layout keeps columns stable from page to page
// instead of re-flowing around whichever row happens to be longest.
const COLUMN_WIDTHS: Record<(typeof COLUMNS)[number], string> = {
  index: '7%',
  loginName: '17%',
  displayName: '17%',
  roles: '27%',
  status: '11%',
  lastSignIn: '21%',
};

const EXTRA_CSS = `
table.account-list { table-layout: fixed; }
table.account-list td.index, table.account-list th.index { text-align: right; }
tr.status-locked td.status { font-weight: 700; }
tr.status-disabled td { color: #777; }
`;

// A malformed timestamp must not abort a whole print job; show it verbatim.
function formatInstant(iso: string, lang: PrintLang): string {
  try {
    return formatDateTime(iso, lang);
  } catch {
    return iso;
  }
}

function row(r: AccountListRow, i: number, t: Translate, lang: PrintLang): SafeHtml {
  const roles = r.roles.map((role) => t(`roles.${role}`)).join(lang === 'zh-TW' ? '、' : ', ');
  const lastSignIn = r.lastSignInAt === null ? t('print.accountList.neverSignedIn') : formatInstant(r.lastSignInAt, lang);
  return html`<tr class="status-${r.status}">
  <td class="index num">${i + 1}</td>
  <td>${r.loginName}</td>
  <td>${r.displayName}</td>
  <td>${roles}</td>
  <td class="status">${t(`accounts.status.${r.status}`)}</td>
  <td class="num nowrap${r.lastSignInAt === null ? ' muted' : ''}">${lastSignIn}</td>
</tr>`;
}

export function accountListDocument(
  data: AccountListData,
  t: Translate,
  lang: PrintLang,
  fontDir: string,
): PrintDocument {
  const title = t('print.accountList.title');
  const sep = lang === 'zh-TW' ? '\u3000' : ' \u00b7 ';
  const headerNote =
    labelled(t('print.common.printedAt'), formatInstant(data.printedAt, lang), lang) +
    sep +
    labelled(t('print.common.printedBy'), data.printedBy, lang);

  const rows =
    data.rows.length > 0
      ? data.rows.map((r, i) => row(r, i, t, lang))
      : html`<tr><td class="center muted" colspan="${COLUMNS.length}">${t('print.accountList.empty')}</td></tr>`;

  const body = html`<table class="account-list">
<colgroup>${COLUMNS.map((c) => html`<col style="width:${COLUMN_WIDTHS[c]}">`)}</colgroup>
<thead><tr>${COLUMNS.map((c) => html`<th class="${c}">${t(`print.accountList.columns.${c}`)}</th>`)}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
<div class="doc-footer">${t('print.common.total', { count: data.rows.length })}</div>`;

  return renderPage({
    kind: ACCOUNT_LIST_KIND,
    title,
    lang,
    format: 'a4',
    body,
    fontDir,
    extraCss: EXTRA_CSS,
    headerNote,
    pageLabel: pageLabel(t),
  });
}
