import { z } from 'zod';
import { translatorFor } from '../../../shared/i18n';
import { defineDocument, type DocumentSpec } from './spec';
import { accountListDocument } from './templates/accountList';
import { listAccounts, toSummary } from '../accounts/repository';
import { hotlineDocuments } from '../hotline/documents';
import { lecturesDocuments } from '../lectures/documents';
import { counterDocuments } from '../counter/documents';
import { statsDocuments } from '../stats/documents';
import { safetyDocuments } from '../safety/documents';

/** Every document of the app; later features register theirs here. */
export const DOCUMENTS: Record<string, DocumentSpec<never>> = {
  'accounts.list': defineDocument({
    access: ['supervisor'],
    params: z.object({}).strict(),
    personalData: true,
    build: (ctx, _params, lang) => {
      const now = ctx.now();
      const rows = listAccounts(ctx.db).map((a) => toSummary(a, now));
      return accountListDocument(
        { rows, printedAt: now, printedBy: ctx.actor?.displayName ?? '' },
        translatorFor(lang),
        lang,
        ctx.fontDir,
      );
    },
  }),
  ...hotlineDocuments,
  ...lecturesDocuments,
  ...counterDocuments,
  ...statsDocuments,
  ...safetyDocuments,
};

export type { DocumentSpec };
