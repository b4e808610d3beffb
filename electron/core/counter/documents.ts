import { z } from 'zod';
import { idSchema, langSchema, type Lang } from '../../../shared/api/common';
import { translatorFor } from '../../../shared/i18n';
import { maskName } from '../../../shared/lib/maskName';
import type { HandlerContext } from '../context';
import { requireActor } from '../context';
import { notFound } from '../errors';
import { findRefItem } from '../reference/repository';
import type { PageFormat } from '../print/page';
import { defineDocument, type DocumentSpec } from '../print/spec';
import { guidanceSlipDocument, type GuidanceSlipData, type Translators } from './guidanceSlip';
import { inquiryForSlip } from './inquiry';
import { statusSlipDocument } from './statusSlip';
import { findTopic, topicLinks } from './topicsRepository';

const translators = (): Translators => ({ 'zh-TW': translatorFor('zh-TW'), en: translatorFor('en') });

function slipData(ctx: HandlerContext, topicId: number, first: Lang, uiLang: Lang): GuidanceSlipData {
  const topic = findTopic(ctx.db, topicId);
  // Counter staff hand out published guidance only; a supervisor may proof a draft's slip.
  if (!topic || (topic.status !== 'published' && !requireActor(ctx).roles.includes('supervisor'))) throw notFound('params.topicId');
  const unit = topic.unitId === null ? null : findRefItem(ctx.db, topic.unitId);
  const related = topicLinks(ctx.db, topic.relatedIds).filter((l) => l.status === 'published');
  return {
    texts: topic,
    unit: unit
      ? {
          nameZh: unit.nameZh,
          nameEn: unit.nameEn,
          floorRoomZh: String(unit.extra.floorRoomZh ?? ''),
          floorRoomEn: String(unit.extra.floorRoomEn ?? ''),
          extension: String(unit.extra.extension ?? ''),
        }
      : null,
    webUrl: topic.webUrl,
    relatedZh: related.map((l) => l.titleZh),
    relatedEn: related.map((l) => l.titleEn),
    first,
    uiLang,
    printedAt: ctx.now(),
  };
}

const slipParams = z.object({ topicId: idSchema, first: langSchema.optional() }).strict();
const statusParams = z.object({ inquiryId: z.uuid({ error: 'validation.invalid' }), first: langSchema.optional() }).strict();

const guidanceSlip = (kind: string, format: PageFormat) =>
  defineDocument({
    access: ['counter', 'supervisor'],
    params: slipParams,
    personalData: false,
    build: (ctx, p, lang) => guidanceSlipDocument(slipData(ctx, p.topicId, p.first ?? lang, lang), format, translators(), kind, ctx.fontDir),
  });

const statusSlip = (kind: string, format: PageFormat) =>
  defineDocument({
    access: ['counter', 'supervisor'],
    params: statusParams,
    personalData: true,
    build: (ctx, p, lang) => {
      const person = inquiryForSlip(ctx, p.inquiryId);
      const data = { maskedId: person.maskedId, maskedName: maskName(person.name), enrolments: person.enrolments, first: p.first ?? lang, uiLang: lang, printedAt: ctx.now() };
      return statusSlipDocument(data, format, translators(), kind, ctx.fontDir);
    },
  });

/**
 * Printable documents of this feature, registered in electron/core/print/registry.ts. Each
 * slip has an A4 and an 80 mm receipt kind: the print dialog remembers the last printer per
 * kind, so the receipt layout goes back to the receipt printer and A4 to the office printer.
 */
export const counterDocuments: Record<string, DocumentSpec<never>> = {
  'counter.slip': guidanceSlip('counter.slip', 'a4'),
  'counter.slip80': guidanceSlip('counter.slip80', 'receipt80'),
  'counter.statusSlip': statusSlip('counter.statusSlip', 'a4'),
  'counter.statusSlip80': statusSlip('counter.statusSlip80', 'receipt80'),
};
