import { z } from 'zod';
import type { Access } from '../../../shared/api/define';
import type { Lang } from '../../../shared/api/common';
import { translatorFor } from '../../../shared/i18n';
import type { HandlerContext } from '../context';
import type { PrintDocument } from './page';
import { accountListDocument } from './templates/accountList';
import { listAccounts, toSummary } from '../accounts/repository';

/** A printable document: who may print it, what parameters it takes, how data becomes HTML. */
export interface DocumentSpec<P> {
  access: Access;
  params: z.ZodType<P>;
  /** whether the printed page carries personal data (then every print is audited as such) */
  personalData: boolean;
  build(ctx: HandlerContext, params: P, lang: Lang): PrintDocument;
}

const define = <P>(spec: DocumentSpec<P>) => spec;

/** Every document of the app; later features register theirs here. */
export const DOCUMENTS: Record<string, DocumentSpec<never>> = {
  // Each spec is typed by its own params; the table erases them (the handler validates first).
  'accounts.list': define({
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
} as unknown as Record<string, DocumentSpec<never>>;
