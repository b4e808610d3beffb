import type { Cell, ColumnKind, ReportTable, Text } from '../../../shared/domain/reportTable';

/** One column of a list export: its header and how a row of the list becomes a cell. */
export interface ListColumn<R> {
  key: string;
  label: Text;
  kind: ColumnKind;
  cell(row: R): Cell;
}

/**
 * A list screen's rows as a ReportTable, for a list export: the same rows the screen's
 * own query returns for its filter, one column per visible column, no totals.
 */
export function listTable<R>(id: string, title: Text, columns: readonly ListColumn<R>[], rows: readonly R[]): ReportTable {
  return {
    id,
    title,
    columns: columns.map(({ key, label, kind }) => ({ key, label, kind })),
    rows: rows.map((r) => columns.map((c) => c.cell(r))),
    total: null,
    formulas: [],
    notes: [],
    chart: null,
    layout: 'long',
  };
}

/**
 * A list's filter in words, for the line above its table ("起日 114/03/01；班別 早班"), so a
 * file read weeks later still says what it holds. Empty values are left out.
 */
export function describeFilter(lang: 'zh-TW' | 'en', parts: readonly (readonly [label: string, value: string])[]): string {
  const [pair, sep] = lang === 'zh-TW' ? [' ', '；'] : [': ', '; '];
  return parts
    .filter(([, value]) => value !== '')
    .map(([label, value]) => `${label}${pair}${value}`)
    .join(sep);
}
