import { z } from 'zod';
import { periodSchema } from '../../../shared/domain/statsPeriod';
import { translatorFor } from '../../../shared/i18n';
import { defineDocument, type DocumentSpec } from '../print/spec';
import { monthlyReportDocument, MONTHLY_REPORT_KIND } from './report';
import { checkPeriod, computeAll } from './service';

/** The statistics report for any period (a month by default on the screen), through the one print path. */
export const statsDocuments: Record<string, DocumentSpec<never>> = {
  [MONTHLY_REPORT_KIND]: defineDocument({
    access: ['supervisor'],
    params: z.object({ period: periodSchema }).strict(),
    // Aggregates only, but the operator table names staff: printed and saved reports are audited by print:run anyway.
    personalData: false,
    build: (ctx, params, lang) => {
      checkPeriod(params.period, 'params.period');
      return monthlyReportDocument(
        { period: params.period, sections: computeAll(ctx, params.period), printedAt: ctx.now(), printedBy: ctx.actor?.displayName ?? '' },
        translatorFor(lang),
        lang,
        ctx.fontDir,
      );
    },
  }),
};
