import { z } from 'zod';
import { textOf } from '../../../shared/domain/reportTable';
import { formatPeriod, formatPeriodDays, periodSchema, periodTag } from '../../../shared/domain/statsPeriod';
import { translatorFor } from '../../../shared/i18n';
import { defineExport, type ExportSpec } from '../export/spec';
import { notFound } from '../errors';
import { checkPeriod, computeAll, findTable } from './service';

const SUPERVISOR = ['supervisor'] as const;

const periodLines = (period: z.infer<typeof periodSchema>, lang: 'zh-TW' | 'en') => {
  const t = translatorFor(lang);
  return [t('stats:export.periodLine', { period: formatPeriod(period, lang), days: formatPeriodDays(period, lang) })];
};

/**
 * The statistics screen's exports: one table (XLSX or CSV), or every table of the period in
 * one workbook. Figures only, but the operator table names staff, so exports are audited.
 */
export const statsExports: Record<string, ExportSpec<never>> = {
  'stats.table': defineExport({
    access: SUPERVISOR,
    params: z.object({ period: periodSchema, table: z.string().min(1).max(64) }).strict(),
    personalData: false,
    build: (ctx, params, lang) => {
      checkPeriod(params.period, 'params.period');
      const table = findTable(ctx, params.period, params.table);
      if (!table) throw notFound('params.table');
      const t = translatorFor(lang);
      return { fileName: `${textOf(table.title, lang, t)} ${periodTag(params.period)}`, headerLines: periodLines(params.period, lang), tables: [table] };
    },
  }),
  'stats.workbook': defineExport({
    access: SUPERVISOR,
    params: z.object({ period: periodSchema }).strict(),
    personalData: false,
    formats: ['xlsx'],
    build: (ctx, params, lang) => {
      checkPeriod(params.period, 'params.period');
      const t = translatorFor(lang);
      return {
        fileName: `${t('stats:report.fileName')} ${periodTag(params.period)}`,
        headerLines: periodLines(params.period, lang),
        tables: computeAll(ctx, params.period).flatMap((s) => s.tables),
      };
    },
  }),
};
