import type { printChannels } from '../../../shared/api/channels/print';
import type { Lang } from '../../../shared/api/common';
import type { HandlersFor } from '../handlers';
import type { HandlerContext } from '../context';
import { appError, AppError } from '../errors';
import { issueToField } from '../dispatch';
import { appendAudit } from '../audit/repository';
import { DOCUMENTS } from './registry';
import type { PrintDocument } from './page';

function build(ctx: HandlerContext, kind: string, params: unknown, lang: Lang): PrintDocument {
  const spec = Object.hasOwn(DOCUMENTS, kind) ? DOCUMENTS[kind] : undefined;
  if (!spec) throw appError('notFound', 'print.unknownDocument');
  const actor = ctx.actor;
  if (spec.access !== 'public' && spec.access !== 'signedIn' && !spec.access.some((r) => actor?.roles.includes(r))) {
    throw appError('forbidden', 'errors.forbidden');
  }
  const parsed = spec.params.safeParse(params ?? {}, { reportInput: true });
  if (!parsed.success) {
    const fields = parsed.error.issues.map(issueToField).map((f) => ({ ...f, field: `params.${f.field}` }));
    throw new AppError({ code: 'validation', messageKey: fields[0]?.messageKey ?? 'validation.invalid', field: fields[0]?.field, fields });
  }
  return spec.build(ctx, parsed.data as never, lang);
}

function audit(ctx: HandlerContext, kind: string, action: string, details: Record<string, unknown>) {
  appendAudit(ctx.db, { at: ctx.now(), accountId: ctx.actor?.id ?? null, action, entity: 'document', entityId: kind, details });
}

export const printHandlers: HandlersFor<typeof printChannels> = {
  'print:printers': (ctx) => ctx.printHost.listPrinters(),
  'print:preview': (ctx, input) => {
    const doc = build(ctx, input.kind, input.params, input.lang);
    return { title: doc.title, format: doc.format, html: doc.html, lastPrinter: ctx.prefs.get().printers[input.kind] ?? null };
  },
  'print:run': async (ctx, input) => {
    const doc = build(ctx, input.kind, input.params, input.lang);
    if (input.target.mode === 'pdf') {
      const path = await ctx.printHost.savePdf(doc, `${doc.title}.pdf`);
      if (path) audit(ctx, input.kind, 'savePdf', { params: input.params ?? {} });
      return { done: path !== null, path };
    }
    const { deviceName, copies } = input.target;
    const printers = await ctx.printHost.listPrinters();
    // An unknown device name silently prints to the default printer in Electron: refuse it instead.
    if (deviceName && !printers.some((p) => p.name === deviceName)) throw appError('validation', 'print.unknownPrinter', { field: 'target.deviceName' });
    await ctx.printHost.print(doc, { deviceName, copies });
    ctx.prefs.set({ printers: { ...ctx.prefs.get().printers, [input.kind]: deviceName } });
    audit(ctx, input.kind, 'print', { copies, deviceName, params: input.params ?? {} });
    return { done: true, path: null };
  },
};
