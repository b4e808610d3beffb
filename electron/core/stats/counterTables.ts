/** The counter's tables (issue 6 §1): visits by purpose, language, outcome and unit; satisfaction; top topics. */
import type { Db } from '../db/open';
import type { ReportTable, Text } from '../../../shared/domain/reportTable';
import { countCell, key, rateCell, shareTable, textCell } from '../../../shared/domain/reportTable';
import { formatCount } from '../../../shared/lib/percent';
import { refRows } from './common';
import type { CounterCounts, TopicCount } from './counterStats';

const k = (s: string, params?: Record<string, string | number | Text>) => key(`stats:counter.${s}`, params);
const topicText = (t: TopicCount): Text => ({ zh: t.titleZh, en: t.titleEn });
const average = (c: { rated: number; satisfactionSum: number }): number | null => (c.rated > 0 ? Math.round((c.satisfactionSum / c.rated) * 100) / 100 : null);
const LANG_KEYS: Record<string, string> = { 'zh-TW': 'zh', en: 'en' };

function summaryTable(c: CounterCounts): ReportTable {
  const row = (label: string, n: number) => [textCell(k(`summary.${label}`)), countCell(n), rateCell(n, c.visits, 1)];
  return {
    id: 'counter.summary',
    title: k('tables.summary'),
    columns: [
      { key: 'item', label: key('stats:col.item'), kind: 'text' },
      { key: 'value', label: key('stats:col.value'), kind: 'count' },
      { key: 'share', label: k('col.shareOfVisits'), kind: 'percent' },
    ],
    rows: [
      row('visits', c.visits),
      row('zh', c.byLang.get('zh-TW') ?? 0),
      row('en', c.byLang.get('en') ?? 0),
      row('referred', c.byOutcome.get('referred') ?? 0),
      row('rated', c.rated),
      [textCell(k('summary.satisfaction')), { t: 'decimal', value: average(c), digits: 2 }, textCell({ raw: '' })],
    ],
    total: null,
    formulas: [k('formula.shareOfVisits'), k('formula.satisfaction')],
    notes: [],
    chart: null,
    layout: 'long',
  };
}

const visits = (id: string, title: string, category: string, rows: { label: Text; count: number }[]) =>
  shareTable({ id: `counter.${id}`, title: k(`tables.${title}`), categoryLabel: k(`col.${category}`), countLabel: k('col.visits'), rows });

function topTopicsTable(c: CounterCounts): ReportTable {
  return {
    id: 'counter.topTopics',
    title: k('tables.topTopics'),
    columns: [
      { key: 'rank', label: k('col.rank'), kind: 'count' },
      { key: 'topic', label: k('col.topic'), kind: 'text' },
      { key: 'count', label: k('col.visits'), kind: 'count' },
      { key: 'share', label: k('col.shareOfVisits'), kind: 'percent' },
    ],
    rows: c.topTopics.map((t, i) => [countCell(i + 1), textCell(topicText(t)), countCell(t.n), rateCell(t.n, c.visits, 1)]),
    total: null,
    formulas: [k('formula.topicShare')],
    notes: [k('note.multipleTopics')],
    chart: { type: 'bar', category: 1, series: [2] },
    layout: 'long',
  };
}

export function counterTables(db: Db, c: CounterCounts): ReportTable[] {
  const purpose = c.byPurpose.map((t) => ({ label: topicText(t), count: t.n }));
  if (c.withoutTopic > 0) purpose.push({ label: k('row.noTopic'), count: c.withoutTopic });
  const satisfaction = [5, 4, 3, 2, 1].map((score) => ({ label: k('score', { score }), count: c.bySatisfaction.get(score) ?? 0 }));
  const sat = visits('satisfaction', 'satisfaction', 'score', satisfaction);
  return [
    summaryTable(c),
    visits('purpose', 'purpose', 'purpose', purpose),
    visits(
      'language',
      'language',
      'language',
      ['zh-TW', 'en'].map((l) => ({ label: k(`lang.${LANG_KEYS[l] ?? l}`), count: c.byLang.get(l) ?? 0 })),
    ),
    visits(
      'outcome',
      'outcome',
      'outcome',
      [...c.byOutcome].map(([o, n]) => ({ label: k(`outcome.${o}`), count: n })),
    ),
    visits('unit', 'unit', 'unit', refRows(db, ['guidanceUnit', 'referralUnit'], c.byUnit, { missing: k('row.noUnit') })),
    { ...sat, formulas: [...sat.formulas, k('formula.satisfaction')], notes: [k('note.satisfaction', { avg: average(c)?.toFixed(2) ?? '—', rated: formatCount(c.rated) })] },
    topTopicsTable(c),
  ];
}

export function counterSummary(c: CounterCounts): Text[] {
  const out: Text[] = [k('sentence.visits', { visits: formatCount(c.visits), en: formatCount(c.byLang.get('en') ?? 0) })];
  if (c.rated > 0) out.push(k('sentence.satisfaction', { avg: average(c)?.toFixed(2) ?? '—', rated: formatCount(c.rated) }));
  const [top] = c.topTopics;
  if (top) out.push(k('sentence.topTopic', { topic: topicText(top), n: formatCount(top.n) }));
  return out;
}
