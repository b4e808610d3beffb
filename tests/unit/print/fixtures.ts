import { fileURLToPath } from 'node:url';
import type { AccountListRow } from '../../../electron/core/print/templates/accountList';
import type { Translate } from '../../../electron/core/print/translate';

/** The @fontsource package the app ships; tests embed from the same files. */
export const FONT_DIR = fileURLToPath(new URL('../../../node_modules/@fontsource/noto-sans-tc', import.meta.url));

const ZH: Record<string, string> = {
  'print.accountList.title': '工作人員帳號清冊',
  'print.accountList.columns.index': '序號',
  'print.accountList.columns.loginName': '登入帳號',
  'print.accountList.columns.displayName': '姓名',
  'print.accountList.columns.roles': '角色',
  'print.accountList.columns.status': '狀態',
  'print.accountList.columns.lastSignIn': '最後登入',
  'print.accountList.neverSignedIn': '從未登入',
  'print.accountList.empty': '沒有帳號資料',
  'print.common.printedAt': '列印時間',
  'print.common.printedBy': '列印人',
  'print.common.page': '第 {{page}} 頁，共 {{pages}} 頁',
  'print.common.total': '共 {{count}} 筆',
  'roles.operator': '話務人員',
  'roles.counter': '櫃台人員',
  'roles.coordinator': '業務承辦',
  'roles.supervisor': '主管',
  'accounts.status.active': '啟用',
  'accounts.status.locked': '鎖定',
  'accounts.status.disabled': '停用',
};

const EN: Record<string, string> = {
  'print.accountList.title': 'Staff Account List',
  'print.accountList.columns.index': '#',
  'print.accountList.columns.loginName': 'Login name',
  'print.accountList.columns.displayName': 'Name',
  'print.accountList.columns.roles': 'Roles',
  'print.accountList.columns.status': 'Status',
  'print.accountList.columns.lastSignIn': 'Last sign-in',
  'print.accountList.neverSignedIn': 'Never',
  'print.accountList.empty': 'No accounts',
  'print.common.printedAt': 'Printed at',
  'print.common.printedBy': 'Printed by',
  'print.common.page': 'Page {{page}} of {{pages}}',
  'print.common.total': 'Total: {{count}}',
  'roles.operator': 'Hotline operator',
  'roles.counter': 'Counter staff',
  'roles.coordinator': 'Coordinator',
  'roles.supervisor': 'Supervisor',
  'accounts.status.active': 'Active',
  'accounts.status.locked': 'Locked',
  'accounts.status.disabled': 'Disabled',
};

/**
 * Same contract as shared/i18n's translatorFor: `{{name}}` filled from params.
 * Unknown keys come back as the key itself, so a typo shows up in assertions.
 */
export function testT(lang: 'zh-TW' | 'en'): Translate {
  const map = lang === 'zh-TW' ? ZH : EN;
  return (key, params = {}) =>
    (map[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

export const SAMPLE_ROWS: AccountListRow[] = [
  { loginName: 'wang.xm', displayName: '王小明', roles: ['operator'], status: 'active', lastSignInAt: '2025-03-05T06:30:00.000Z' },
  { loginName: 'lin.mh', displayName: '林美華', roles: ['counter', 'coordinator'], status: 'active', lastSignInAt: '2025-03-04T01:05:00.000Z' },
  { loginName: 'chen.zw', displayName: '陳志偉', roles: ['supervisor'], status: 'locked', lastSignInAt: '2025-02-27T23:59:00.000Z' },
  { loginName: 'huang.yt', displayName: '黃雅婷', roles: ['coordinator'], status: 'disabled', lastSignInAt: null },
  { loginName: 'evil', displayName: '<script>alert(1)</script>', roles: ['operator', 'counter'], status: 'active', lastSignInAt: null },
];
