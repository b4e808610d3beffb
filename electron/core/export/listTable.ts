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
