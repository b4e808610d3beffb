import type { exportChannels, ExportFormat } from '../../../shared/api/channels/export';
import type { Lang } from '../../../shared/api/common';
import { tableMatrix, textOf } from '../../../shared/domain/reportTable';
import { translatorFor } from '../../../shared/i18n';
import { formatDateTime } from '../../../shared/lib/time';
import type { FileFilter, HandlerContext } from '../context';
import type { HandlersFor } from '../handlers';
import { appendAudit } from '../audit/repository';
import { issueToField } from '../dispatch';
import { appError, AppError } from '../errors';
import { csvBytes } from './csv';
import { EXPORTS } from './registry';
import type { ExportBook } from './spec';
import { xlsxBytes } from './xlsx';

const FILTERS: Record<ExportFormat, FileFilter[]> = {
  xlsx: [{ name: 'Excel', extensions: ['xlsx'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
};

/** A name Windows, macOS and Linux all accept. */
export function safeFileName(name: string, ext: ExportFormat): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/[. ]+$/, '').trim().slice(0, 150);
  return `${cleaned || 'export'}.${ext}`;
}

function build(ctx: HandlerContext, kind: string, params: unknown, lang: Lang, format: ExportFormat): { book: ExportBook; personalData: boolean; audited: unknown } {
  const spec = Object.hasOwn(EXPORTS, kind) ? EXPORTS[kind] : undefined;
  if (!spec) throw appError('notFound', 'stats:export.unknownKind', { field: 'kind' });
  const actor = ctx.actor;
  if (spec.access !== 'public' && spec.access !== 'signedIn' && !spec.access.some((r) => actor?.roles.includes(r))) {
    throw appError('forbidden', 'errors.forbidden');
  }
  if (spec.formats && !spec.formats.includes(format)) throw appError('validation', 'validation.invalidChoice', { field: 'format' });
  const parsed = spec.params.safeParse(params ?? {}, { reportInput: true });
  if (!parsed.success) {
    const fields = parsed.error.issues.map(issueToField).map((f) => ({ ...f, field: `params.${f.field}` }));
    throw new AppError({ code: 'validation', messageKey: fields[0]?.messageKey ?? 'validation.invalid', field: fields[0]?.field, fields });
  }
  const book = spec.build(ctx, parsed.data as never, lang);
  if (format === 'csv' && book.tables.length !== 1) throw appError('validation', 'stats:export.csvOneTable', { field: 'format' });
  return { book, personalData: spec.personalData, audited: spec.auditParams ? spec.auditParams(parsed.data as never) : (params ?? {}) };
}

export const exportHandlers: HandlersFor<typeof exportChannels> = {
  'export:run': async (ctx, input) => {
    const { kind, params, lang, format } = input;
    const { book, personalData, audited } = build(ctx, kind, params, lang, format);
    if (!ctx.fileSaver) throw appError('internal', 'stats:export.unavailable');
    const t = translatorFor(lang);
    const now = ctx.now();
    const stamp = t('stats:export.exportedAt', { at: formatDateTime(now, lang), by: ctx.actor?.displayName ?? '' });
    const [first] = book.tables;
    const bytes =
      format === 'csv' && first
        ? csvBytes(tableMatrix(first, lang, t))
        : await xlsxBytes(
            book.tables.map((table) => ({ table, header: { lines: [textOf(table.title, lang, t), ...book.headerLines, stamp] } })),
            lang,
            t,
            { creator: ctx.actor?.displayName ?? '', created: new Date(now) },
          );
    const rows = book.tables.reduce((n, tb) => n + tb.rows.length, 0);
    const path = await ctx.fileSaver.saveFile(bytes, safeFileName(book.fileName, format), FILTERS[format]);
    if (path !== null) {
      appendAudit(ctx.db, { at: now, accountId: ctx.actor?.id ?? null, action: 'export', entity: 'export', entityId: kind, details: { format, params: audited, rows, personalData } });
    }
    return { saved: path !== null, path, rows };
  },
};

