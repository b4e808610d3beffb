import { z } from 'zod';
import type { AccountSummary } from '../../../shared/api/channels/auth';
import { key, raw, textCell } from '../../../shared/domain/reportTable';
import { translatorFor } from '../../../shared/i18n';
import { listAccounts, toSummary } from '../accounts/repository';
import { listTable, type ListColumn } from './listTable';
import { defineExport, type ExportSpec } from './spec';

/**
 * The staff account list as a spreadsheet, next to its print (accounts.list): the worked
 * example of a list export. A list with a filter takes the filter as `params` (the same zod
 * schema as its list channel) and builds the rows with the same query the screen uses.
 */
export const accountsExports: Record<string, ExportSpec<never>> = {
  'accounts.list': defineExport({
    access: ['supervisor'],
    params: z.object({}).strict(),
    personalData: true,
    build: (ctx, _params, lang) => {
      const now = ctx.now();
      const t = translatorFor(lang);
      const columns: ListColumn<AccountSummary>[] = [
        { key: 'displayName', label: key('print.accountList.columns.displayName'), kind: 'text', cell: (a) => textCell(raw(a.displayName)) },
        { key: 'loginName', label: key('print.accountList.columns.loginName'), kind: 'text', cell: (a) => textCell(raw(a.loginName)) },
        {
          key: 'roles',
          label: key('print.accountList.columns.roles'),
          kind: 'text',
          cell: (a) => textCell(raw(a.roles.map((r) => t(`roles.${r}`)).join(lang === 'zh-TW' ? '、' : ', '))),
        },
        { key: 'status', label: key('print.accountList.columns.status'), kind: 'text', cell: (a) => textCell(key(`accounts.status.${a.status}`)) },
        { key: 'lastSignIn', label: key('print.accountList.columns.lastSignIn'), kind: 'instant', cell: (a) => ({ t: 'instant', at: a.lastSignInAt }) },
      ];
      const rows = listAccounts(ctx.db).map((a) => toSummary(a, now));
      return { fileName: t('print.accountList.title'), headerLines: [], tables: [listTable('accounts.list', key('print.accountList.title'), columns, rows)] };
    },
  }),
};
