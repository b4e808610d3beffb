import type { Db } from '../db/open';
import type { RefItem, RefKind } from '../../../shared/domain/reference';
import { key, names, type ShareRow, type Text } from '../../../shared/domain/reportTable';
import { listRefItems } from '../reference/repository';

/** `[fromInstant, toInstant)` and the inclusive Taipei days of one period. */
export interface Range {
  from: string;
  to: string;
  fromInstant: string;
  toInstant: string;
}

export type CountMap = Map<number | null, number>;

/** Rows of `SELECT <id> AS id, count(*) AS n … GROUP BY <id>` as a map (NULL = not recorded). */
export function countMap(rows: readonly { id: number | null; n: number }[]): CountMap {
  return new Map(rows.map((r) => [r.id, r.n]));
}

export interface RefRowsOptions {
  /** list entries with no records too (the bureau's fixed tables show every category) */
  keepZero?: boolean;
  /** label of the row for records without a value; omitted when that count is 0 */
  missing?: Text;
}

/**
 * One row per reference entry in the supervisor's order. Retired entries appear only when
 * records in the period still use them, so old figures stay complete and new lists stay short.
 */
export function refRows(db: Db, kinds: RefKind | readonly RefKind[], counts: CountMap, opts: RefRowsOptions = {}): ShareRow[] {
  const items = (typeof kinds === 'string' ? [kinds] : kinds).flatMap((kind) => listRefItems(db, kind));
  const rows: ShareRow[] = [];
  for (const item of items) {
    const n = counts.get(item.id) ?? 0;
    if (n > 0 || (opts.keepZero && !item.retired)) rows.push({ label: names(item), count: n });
  }
  // Ids that point at no entry of these kinds cannot happen through the services; count them anyway so totals hold.
  const known = new Set(items.map((i) => i.id));
  let stray = 0;
  for (const [id, n] of counts) if (id !== null && !known.has(id)) stray += n;
  const missing = (counts.get(null) ?? 0) + stray;
  if (missing > 0) rows.push({ label: opts.missing ?? key('stats:row.notRecorded'), count: missing });
  return rows;
}

export function refItems(db: Db, kind: RefKind): RefItem[] {
  return listRefItems(db, kind);
}

export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
