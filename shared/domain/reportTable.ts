/**
 * One table, defined once, rendered four ways: on the statistics screen, into XLSX, into CSV
 * and on the printed monthly report (issue 6). Every consumer formats cells through
 * `cellText`, so a percentage reads the same on screen, in the file and on paper.
 *
 * Texts are language-neutral until rendered: an i18n key, a reference item's two names, or
 * data as typed (an operator's name, a topic title).
 */
import type { Decimals } from '../lib/percent';
import { formatCount, formatPercentUnits, largestRemainderUnits, percentUnits } from '../lib/percent';
import { formatDateForLang } from '../lib/rocDate';
import { formatDateTime } from '../lib/time';

export type Lang = 'zh-TW' | 'en';

export type Text =
  | { key: string; params?: Record<string, TextParam> }
  | { zh: string; en: string }
  | { raw: string };

/** A sentence may name a category ("以「心理支持」最多"): such a parameter is itself a Text. */
export type TextParam = string | number | Text;

export type Cell =
  | { t: 'text'; text: Text }
  | { t: 'count'; n: number }
  /** units of 10^-decimals percent (shared/lib/percent.ts); null = no rate (denominator 0) */
  | { t: 'percent'; units: number | null; decimals: Decimals }
  | { t: 'decimal'; value: number | null; digits: number }
  /** a calendar day 'YYYY-MM-DD': ROC in zh-TW */
  | { t: 'date'; date: string | null }
  /** an ISO instant: Taipei date and time, ROC date in zh-TW */
  | { t: 'instant'; at: string | null };

export type ColumnKind = Cell['t'];

export interface Column {
  key: string;
  label: Text;
  kind: ColumnKind;
}

export interface ChartSpec {
  type: 'bar' | 'line';
  /** column holding the category (x axis) labels */
  category: number;
  /** columns plotted (counts or percentages) */
  series: number[];
}

export interface ReportTable {
  /** stable id, e.g. 'hotline.callerType'; also the export kind's table parameter */
  id: string;
  title: Text;
  columns: Column[];
  rows: Cell[][];
  /** the 總計 row, or null */
  total: Cell[] | null;
  /** how each rate in the table is computed, shown under it wherever it appears */
  formulas: Text[];
  notes: Text[];
  chart: ChartSpec | null;
  /** 'across' = the bureau's print layout with the categories across the page (表二, 表三) */
  layout: 'long' | 'across';
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export const key = (k: string, params?: Record<string, TextParam>): Text => (params ? { key: k, params } : { key: k });
export const raw = (s: string): Text => ({ raw: s });
export const names = (item: { nameZh: string; nameEn: string }): Text => ({ zh: item.nameZh, en: item.nameEn });

export const textCell = (text: Text): Cell => ({ t: 'text', text });
export const countCell = (n: number): Cell => ({ t: 'count', n });
export const percentCell = (units: number | null, decimals: Decimals): Cell => ({ t: 'percent', units, decimals });
export const rateCell = (numerator: number, denominator: number, decimals: Decimals): Cell =>
  percentCell(percentUnits(numerator, denominator, decimals), decimals);

export function textOf(text: Text, lang: Lang, t: Translate): string {
  if ('key' in text) {
    if (!text.params) return t(text.key);
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(text.params)) params[k] = typeof v === 'object' ? textOf(v, lang, t) : v;
    return t(text.key, params);
  }
  if ('raw' in text) return text.raw;
  return lang === 'en' ? text.en || text.zh : text.zh || text.en;
}

export function cellText(cell: Cell, lang: Lang, t: Translate): string {
  switch (cell.t) {
    case 'text':
      return textOf(cell.text, lang, t);
    case 'count':
      return formatCount(cell.n);
    case 'percent':
      return formatPercentUnits(cell.units, cell.decimals);
    case 'decimal':
      return cell.value === null ? '—' : cell.value.toFixed(cell.digits);
    case 'date':
      return cell.date === null ? '' : formatDateForLang(cell.date, lang, 'short');
    case 'instant':
      return cell.at === null ? '' : formatDateTime(cell.at, lang);
  }
}

/** Numbers right, words left, as the seed's tables and every spreadsheet do. */
export const isNumeric = (kind: ColumnKind): boolean => kind === 'count' || kind === 'percent' || kind === 'decimal';

export interface ShareRow {
  label: Text;
  count: number;
}

/**
 * The bureau's commonest table: categories with 人次 and 百分比 that add up to the 總計 row's
 * 100.0% (largest remainder). Used for 表二 (referrals by unit), 表三 (counselling categories)…
 */
export function shareTable(opts: {
  id: string;
  title: Text;
  categoryLabel: Text;
  countLabel: Text;
  rows: readonly ShareRow[];
  decimals?: Decimals;
  formulas?: Text[];
  notes?: Text[];
  layout?: ReportTable['layout'];
}): ReportTable {
  const decimals = opts.decimals ?? 1;
  const shares = largestRemainderUnits(
    opts.rows.map((r) => r.count),
    decimals,
  );
  const total = opts.rows.reduce((a, r) => a + r.count, 0);
  return {
    id: opts.id,
    title: opts.title,
    columns: [
      { key: 'category', label: opts.categoryLabel, kind: 'text' },
      { key: 'count', label: opts.countLabel, kind: 'count' },
      { key: 'share', label: key('stats:col.share'), kind: 'percent' },
    ],
    rows: opts.rows.map((r, i) => [textCell(r.label), countCell(r.count), percentCell(shares[i] ?? null, decimals)]),
    total: [textCell(key('stats:col.total')), countCell(total), percentCell(total > 0 ? 100 * 10 ** decimals : null, decimals)],
    formulas: opts.formulas ?? [key('stats:formula.share')],
    notes: opts.notes ?? [],
    chart: { type: 'bar', category: 0, series: [1] },
    layout: opts.layout ?? 'long',
  };
}

/** The text of every cell, header and total included, for CSV and tests. */
export function tableMatrix(table: ReportTable, lang: Lang, t: Translate): string[][] {
  const head = table.columns.map((c) => textOf(c.label, lang, t));
  const body = table.rows.map((r) => r.map((c) => cellText(c, lang, t)));
  return table.total ? [head, ...body, table.total.map((c) => cellText(c, lang, t))] : [head, ...body];
}

/** Categories per block in the across layout (表二/表三): more would squeeze the names to one character per line. */
const ACROSS_CHUNK = 8;
const ACROSS_CHUNK_EN = 6;
/** Short labels (the 24 hours) fit twelve to a block. */
const ACROSS_CHUNK_SHORT = 12;

/**
 * How an across table is cut into blocks, the same on screen and on paper: `labels` are the
 * category names of the rows and the total, shown in `lang`. Each block lists row indexes into
 * [...rows, total]; the 總計 column always closes the last block.
 */
export function acrossBlocks(table: ReportTable, labels: readonly string[], lang: Lang): { chunk: number; blocks: number[][] } {
  // English unit names are three times as long as Chinese ones: fewer per block.
  const chunk = labels.every((l) => l.length <= 5) ? ACROSS_CHUNK_SHORT : lang === 'en' ? ACROSS_CHUNK_EN : ACROSS_CHUNK;
  const blocks: number[][] = [];
  for (let i = 0; i < table.rows.length; i += chunk) blocks.push(table.rows.slice(i, i + chunk).map((_, j) => i + j));
  if (table.total) {
    const last = blocks[blocks.length - 1];
    if (last) last.push(table.rows.length);
    else blocks.push([table.rows.length]);
  }
  return { chunk, blocks };
}
