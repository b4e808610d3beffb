import { z } from 'zod';
import { idSchema } from '../../../shared/api/common';
import { refName } from '../../../shared/domain/reference';
import { translatorFor } from '../../../shared/i18n';
import type { Lang } from '../../../shared/api/common';
import type { Db } from '../db/open';
import type { HandlerContext } from '../context';
import { listAllRefItems } from '../reference/repository';
import { defineDocument, type DocumentSpec } from '../print/spec';
import { detail } from './callService';
import { audit } from './common';
import { getHandover } from './handoverService';
import { CALL_DOC_KIND, callDocument } from './printCall';
import { HANDOVER_DOC_KIND, handoverDocument } from './printHandover';

function namesFor(db: Db, lang: Lang): (id: number | null) => string {
  const byId = new Map(listAllRefItems(db).map((i) => [i.id, refName(i, lang)]));
  return (id) => (id === null ? '' : (byId.get(id) ?? `#${id}`));
}

const printedBy = (ctx: HandlerContext) => ctx.actor?.displayName ?? '';

/** Printable documents of this feature, registered in electron/core/print/registry.ts. */
export const hotlineDocuments: Record<string, DocumentSpec<never>> = {
  [CALL_DOC_KIND]: defineDocument({
    access: ['operator', 'supervisor'],
    params: z.object({ id: idSchema, showFull: z.boolean({ error: 'validation.invalidType' }).default(false) }).strict(),
    personalData: true,
    build: (ctx, params, lang) => {
      const d = detail(ctx, params.id);
      // Preview and print both show the record; showing the full phone number is a deliberate, attributable choice.
      audit(ctx, 'printView', 'hotline_call', params.id, { showFull: params.showFull });
      return callDocument(
        { detail: d, names: namesFor(ctx.db, lang), showFull: params.showFull, printedAt: ctx.now(), printedBy: printedBy(ctx) },
        translatorFor(lang),
        lang,
        ctx.fontDir,
      );
    },
  }),
  [HANDOVER_DOC_KIND]: defineDocument({
    access: ['operator', 'supervisor'],
    params: z.object({ id: idSchema }).strict(),
    personalData: true,
    build: (ctx, params, lang) =>
      handoverDocument(
        { handover: getHandover(ctx, params.id), names: namesFor(ctx.db, lang), printedAt: ctx.now(), printedBy: printedBy(ctx) },
        translatorFor(lang),
        lang,
        ctx.fontDir,
      ),
  }),
};
