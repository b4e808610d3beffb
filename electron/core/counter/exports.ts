/**
 * The counter's list screens as spreadsheets (issue 6 item 3): one day's visit log, the FAQ
 * ranking of a period and the guidance topics list. Each takes the filter its screen sends,
 * is open to the roles of the screen's channel (drafts and retired topics stay the
 * supervisor's), and reads the rows with the screen's own query.
 */
import { z } from 'zod';
import { counterChannels, type FaqItem, type TopicHit } from '../../../shared/api/channels/counter';
import type { Lang } from '../../../shared/api/common';
import { optionalText } from '../../../shared/api/common';
import { TOPIC_STATUSES, type Visit } from '../../../shared/domain/counter';
import { refName } from '../../../shared/domain/reference';
import { countCell, key, rateCell, raw, textCell, type Cell } from '../../../shared/domain/reportTable';
import { translatorFor, type TFunction } from '../../../shared/i18n';
import { formatDateForLang } from '../../../shared/lib/rocDate';
import { taipeiDateKey } from '../../../shared/lib/time';
import type { HandlerContext } from '../context';
import { findRefItem } from '../reference/repository';
import { describeFilter, listTable, type ListColumn } from '../export/listTable';
import { defineExport, type ExportSpec } from '../export/spec';
import { searchTopics } from './search';
import { scopeStatuses } from './topicsService';
import { dayVisits, faq } from './visitsService';

const text = (s: string): Cell => textCell(raw(s));

/** A bilingual text in the chosen language, or the other one when that is still empty. */
const inLang = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en || zh : zh || en);

interface Words {
  t: TFunction;
  lang: Lang;
  unit(id: number | null): string;
}

function words(ctx: HandlerContext, lang: Lang): Words {
  return {
    t: translatorFor(lang),
    lang,
    unit: (id) => {
      const item = id === null ? null : findRefItem(ctx.db, id);
      return item ? refName(item, lang) : '';
    },
  };
}

function visitColumns(w: Words): ListColumn<Visit>[] {
  return [
    { key: 'time', label: key('counter:visits.columns.time'), kind: 'instant', cell: (v) => ({ t: 'instant', at: v.visitedAt }) },
    {
      key: 'topics',
      label: key('counter:visits.columns.topics'),
      kind: 'text',
      cell: (v) => text(v.topics.map((x) => inLang(w.lang, x.titleZh, x.titleEn)).join(w.lang === 'en' ? '; ' : '、')),
    },
    { key: 'lang', label: key('counter:visits.columns.lang'), kind: 'text', cell: (v) => textCell(key(`counter:exports.langs.${v.lang}`)) },
    { key: 'outcome', label: key('counter:visits.columns.outcome'), kind: 'text', cell: (v) => textCell(key(`counter:visit.outcomes.${v.outcome}`)) },
    { key: 'unit', label: key('counter:visits.columns.unit'), kind: 'text', cell: (v) => text(w.unit(v.unitId)) },
    { key: 'satisfaction', label: key('counter:visits.columns.satisfaction'), kind: 'count', cell: (v) => (v.satisfaction === null ? text('') : countCell(v.satisfaction)) },
    { key: 'staff', label: key('counter:visits.columns.staff'), kind: 'text', cell: (v) => text(v.staffName) },
    { key: 'note', label: key('counter:visits.columns.note'), kind: 'text', cell: (v) => text(v.note) },
  ];
}

function faqColumns(w: Words, totalVisits: number): ListColumn<FaqItem>[] {
  return [
    { key: 'rank', label: key('counter:exports.faq.rank'), kind: 'count', cell: (i) => countCell(i.rank) },
    { key: 'title', label: key('counter:topics.columns.title'), kind: 'text', cell: (i) => text(inLang(w.lang, i.titleZh, i.titleEn)) },
    { key: 'status', label: key('counter:topics.columns.status'), kind: 'text', cell: (i) => textCell(key(`counter:status.${i.status}`)) },
    { key: 'count', label: key('counter:exports.faq.count'), kind: 'count', cell: (i) => countCell(i.count) },
    { key: 'share', label: key('counter:exports.faq.share'), kind: 'percent', cell: (i) => rateCell(i.count, totalVisits, 1) },
  ];
}

function topicColumns(w: Words): ListColumn<TopicHit>[] {
  return [
    { key: 'titleZh', label: key('counter:exports.topics.titleZh'), kind: 'text', cell: (h) => text(h.titleZh) },
    { key: 'titleEn', label: key('counter:exports.topics.titleEn'), kind: 'text', cell: (h) => text(h.titleEn) },
    { key: 'status', label: key('counter:topics.columns.status'), kind: 'text', cell: (h) => textCell(key(`counter:status.${h.status}`)) },
    {
      key: 'missing',
      label: key('counter:topics.columns.missing'),
      kind: 'text',
      cell: (h) => text(h.missing === 0 ? w.t('counter:topics.complete') : w.t('counter:topics.missingCount', { count: h.missing })),
    },
    { key: 'unit', label: key('counter:exports.topics.unit'), kind: 'text', cell: (h) => text(w.unit(h.unitId)) },
    { key: 'asks', label: key('counter:topics.columns.asks'), kind: 'count', cell: (h) => countCell(h.asks) },
    { key: 'updatedAt', label: key('counter:topics.columns.updated'), kind: 'instant', cell: (h) => ({ t: 'instant', at: h.updatedAt }) },
  ];
}

const topicsParams = z
  .object({
    query: optionalText(100).default(''),
    /** the status tab of the topics screen */
    status: z.enum(['all', ...TOPIC_STATUSES], { error: 'validation.invalidChoice' }).default('all'),
  })
  .strict();

export const counterExports: Record<string, ExportSpec<never>> = {
  'counter.visits': defineExport({
    access: counterChannels['counter:visitsOn'].access,
    params: counterChannels['counter:visitsOn'].input,
    personalData: false,
    build: (ctx, p, lang) => {
      const w = words(ctx, lang);
      const day = dayVisits(ctx, p.date);
      const s = day.summary;
      const lines = [
        w.t('counter:exports.visits.date', { date: formatDateForLang(day.date, lang, 'long') }),
        w.t('counter:exports.visits.summary', {
          total: s.total,
          answered: s.byOutcome.answered,
          referred: s.byOutcome.referred,
          followUp: s.byOutcome.followUp,
          mean: s.meanSatisfaction === null ? '—' : s.meanSatisfaction.toFixed(1),
          rated: s.rated,
        }),
      ];
      return {
        fileName: `${w.t('counter:visits.title')} ${day.date}`,
        headerLines: lines,
        tables: [listTable('counter.visits', key('counter:visits.title'), visitColumns(w), day.visits)],
      };
    },
  }),
  'counter.faq': defineExport({
    access: counterChannels['counter:faq'].access,
    params: counterChannels['counter:faq'].input,
    personalData: false,
    build: (ctx, p, lang) => {
      const w = words(ctx, lang);
      const result = faq(ctx, p.from, p.to, p.limit);
      const period = `${formatDateForLang(result.from, lang, 'short')}–${formatDateForLang(result.to, lang, 'short')}`;
      const table = listTable('counter.faq', key('counter:faq.title'), faqColumns(w, result.totalVisits), result.items);
      return {
        fileName: `${w.t('counter:faq.title')} ${result.from}–${result.to}`,
        headerLines: [w.t('counter:exports.faq.period', { period, total: result.totalVisits, limit: p.limit })],
        tables: [{ ...table, formulas: [key('counter:exports.faq.formula')] }],
      };
    },
  }),
  'counter.topics': defineExport({
    access: counterChannels['counter:searchTopics'].access,
    params: topicsParams,
    personalData: false,
    build: (ctx, p, lang) => {
      const w = words(ctx, lang);
      // The same rule as the search: a desk account sees published topics only.
      const statuses = scopeStatuses(ctx, p.status === 'published' ? 'published' : 'all');
      const today = taipeiDateKey(ctx.clock());
      const rows = searchTopics(ctx.db, p.query, statuses, today).filter((h) => p.status === 'all' || h.status === p.status);
      const filter = describeFilter(lang, [
        [w.t('counter:topics.columns.status'), p.status === 'all' ? '' : w.t(`counter:status.${p.status}`)],
        [w.t('counter:topics.search'), p.query],
      ]);
      return {
        fileName: `${w.t('counter:topics.title')} ${today}`,
        headerLines: [w.t('counter:exports.filter', { filter: filter || w.t('counter:exports.noFilter') })],
        tables: [listTable('counter.topics', key('counter:topics.title'), topicColumns(w), rows)],
      };
    },
  }),
};
