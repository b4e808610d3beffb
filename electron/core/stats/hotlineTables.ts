/**
 * The hotline's tables (issue 6 §1, seed 004 §(四)) from the counts of hotlineStats.ts.
 * Shares of one total use largest-remainder rounding; service items carry two decimals
 * as the bureau prints them (心理支持 497 項次 占 47.11%).
 */
import type { Db } from '../db/open';
import type { ReportTable, ShareRow, Text } from '../../../shared/domain/reportTable';
import { countCell, key, names, percentCell, rateCell, shareTable, textCell } from '../../../shared/domain/reportTable';
import { formatCount, formatPercent, formatPercentUnits, largestRemainderUnits } from '../../../shared/lib/percent';
import { REFERRAL_STATUSES } from '../../../shared/domain/hotline';
import { refItems, refRows, sum } from './common';
import type { HotlineCounts } from './hotlineStats';

const k = (s: string) => key(`stats:hotline.${s}`);
const minutes = (sec: number, calls: number) => (calls > 0 ? Math.round(sec / calls / 6) / 10 : null);

function summaryTable(c: HotlineCounts): ReportTable {
  const t = c.totals;
  const row = (label: string, n: number, withShare = true) => [textCell(k(`summary.${label}`)), countCell(n), withShare ? rateCell(n, t.total, 1) : percentCell(null, 1)];
  return {
    id: 'hotline.summary',
    title: k('tables.summary'),
    columns: [
      { key: 'item', label: key('stats:col.item'), kind: 'text' },
      { key: 'value', label: key('stats:col.value'), kind: 'count' },
      { key: 'share', label: k('col.shareOfCalls'), kind: 'percent' },
    ],
    rows: [
      row('total', t.total),
      row('inbound', t.inbound),
      row('outbound', t.outbound),
      row('service', t.service),
      row('nonService', t.nonService),
      row('clientFamily', t.clientFamily),
      row('items', t.items, false),
      [textCell(k('summary.avgMinutes')), { t: 'decimal', value: minutes(t.durationSec, t.service), digits: 1 }, percentCell(null, 1)],
    ],
    total: null,
    formulas: [k('formula.shareOfCalls'), k('formula.clientFamily'), k('formula.avgMinutes')],
    notes: [],
    chart: null,
    layout: 'long',
  };
}

function itemsTable(db: Db, c: HotlineCounts): ReportTable {
  const rows = refRows(db, 'serviceItem', c.byItem, { keepZero: true });
  const items = sum(rows.map((r) => r.count));
  const shares = largestRemainderUnits(
    rows.map((r) => r.count),
    2,
  );
  return {
    id: 'hotline.serviceItems',
    title: k('tables.serviceItems'),
    columns: [
      { key: 'item', label: k('col.serviceItem'), kind: 'text' },
      { key: 'count', label: k('col.items'), kind: 'count' },
      { key: 'shareOfItems', label: k('col.shareOfItems'), kind: 'percent' },
      { key: 'shareOfCalls', label: k('col.shareOfServiceCalls'), kind: 'percent' },
    ],
    rows: rows.map((r, i) => [textCell(r.label), countCell(r.count), percentCell(shares[i] ?? null, 2), rateCell(r.count, c.totals.service, 2)]),
    total: [textCell(key('stats:col.total')), countCell(items), percentCell(items > 0 ? 10000 : null, 2), percentCell(null, 2)],
    formulas: [k('formula.shareOfItems'), k('formula.shareOfServiceCalls')],
    notes: [k('note.multipleItems')],
    chart: { type: 'bar', category: 0, series: [1] },
    layout: 'long',
  };
}

function shares(id: string, title: Text, category: Text, rows: ShareRow[], extra: Partial<Parameters<typeof shareTable>[0]> = {}): ReportTable {
  return shareTable({ id: `hotline.${id}`, title, categoryLabel: category, countLabel: k('col.calls'), rows, ...extra });
}

function operatorTable(c: HotlineCounts): ReportTable {
  const calls = c.byOperator.map((o) => o.calls);
  const pct = largestRemainderUnits(calls, 1);
  const total = c.totals;
  return {
    id: 'hotline.operator',
    title: k('tables.operator'),
    columns: [
      { key: 'operator', label: k('col.operator'), kind: 'text' },
      { key: 'calls', label: k('col.calls'), kind: 'count' },
      { key: 'share', label: key('stats:col.share'), kind: 'percent' },
      { key: 'service', label: k('col.serviceCalls'), kind: 'count' },
      { key: 'items', label: k('col.items'), kind: 'count' },
      { key: 'avg', label: k('col.avgMinutes'), kind: 'decimal' },
    ],
    rows: c.byOperator.map((o, i) => [
      textCell({ raw: o.name }),
      countCell(o.calls),
      percentCell(pct[i] ?? null, 1),
      countCell(o.service),
      countCell(o.items),
      { t: 'decimal', value: minutes(o.durationSec, o.service), digits: 1 },
    ]),
    total: [
      textCell(key('stats:col.total')),
      countCell(total.total),
      percentCell(total.total > 0 ? 1000 : null, 1),
      countCell(total.service),
      countCell(total.items),
      { t: 'decimal', value: minutes(total.durationSec, total.service), digits: 1 },
    ],
    formulas: [key('stats:formula.share'), k('formula.avgMinutes')],
    notes: [],
    chart: { type: 'bar', category: 0, series: [1] },
    layout: 'long',
  };
}

function referralStatusTable(db: Db, c: HotlineCounts): ReportTable {
  const units = refItems(db, 'referralUnit').filter((u) => c.referrals.some((r) => r.unitId === u.id));
  const n = (unitId: number | null, status: string) => sum(c.referrals.filter((r) => (unitId === null || r.unitId === unitId) && r.status === status).map((r) => r.n));
  const line = (label: Text, unitId: number | null) => {
    const counts = REFERRAL_STATUSES.map((s) => n(unitId, s));
    const all = sum(counts);
    return [textCell(label), ...counts.map(countCell), countCell(all), rateCell(all - (counts[0] ?? 0), all, 1)];
  };
  return {
    id: 'hotline.referralStatus',
    title: k('tables.referralStatus'),
    columns: [
      { key: 'unit', label: k('col.referralUnit'), kind: 'text' },
      ...REFERRAL_STATUSES.map((s) => ({ key: s, label: key(`stats:hotline.referralStatus.${s}`), kind: 'count' as const })),
      { key: 'all', label: key('stats:col.total'), kind: 'count' },
      { key: 'replyRate', label: k('col.replyRate'), kind: 'percent' },
    ],
    rows: units.map((u) => line(names(u), u.id)),
    total: line(key('stats:col.total'), null),
    formulas: [k('formula.replyRate')],
    notes: [],
    chart: null,
    layout: 'long',
  };
}

function followUpTable(c: HotlineCounts): ReportTable {
  const f = c.followUps;
  const table = shareTable({
    id: 'hotline.followUps',
    title: k('tables.followUps'),
    categoryLabel: k('col.followUpState'),
    countLabel: k('col.followUps'),
    rows: (['onTime', 'late', 'overdueOpen', 'notYetDue'] as const).map((s) => ({ label: k(`followUp.${s}`), count: f[s] })),
    formulas: [key('stats:formula.share'), k('formula.onTime')],
  });
  return { ...table, chart: null };
}

export function hotlineTables(db: Db, c: HotlineCounts): ReportTable[] {
  const callerRows = refRows(db, 'callerType', c.byCallerType, { keepZero: true });
  if (c.totals.nonService > 0) callerRows.push({ label: k('summary.nonService'), count: c.totals.nonService });
  const hours = new Map(Array.from({ length: 24 }, (_, h) => [h, c.byHour.get(h) ?? 0]));
  const referralRows = refRows(db, 'referralUnit', new Map(refItems(db, 'referralUnit').map((u) => [u.id, sum(c.referrals.filter((r) => r.unitId === u.id).map((r) => r.n))])), { keepZero: true });
  return [
    summaryTable(c),
    shares('callerType', k('tables.callerType'), k('col.callerType'), callerRows, { notes: [k('note.clientFamily')] }),
    itemsTable(db, c),
    shares('nonService', k('tables.nonService'), k('col.nonServiceType'), refRows(db, 'nonServiceCallType', c.byNonServiceType, { keepZero: true })),
    shares('hour', k('tables.hour'), k('col.hour'), [...hours].map(([h, n]) => ({ label: key('stats:hotline.hourLabel', { h: String(h).padStart(2, '0') }), count: n })), { layout: 'across' }),
    shares('shift', k('tables.shift'), k('col.shift'), refRows(db, 'shift', c.byShift, { keepZero: true })),
    shares('district', k('tables.district'), k('col.district'), refRows(db, 'district', c.byDistrict)),
    operatorTable(c),
    shareTable({
      id: 'hotline.referralUnits',
      title: k('tables.referralUnits'),
      categoryLabel: k('col.referralUnit'),
      countLabel: key('stats:col.persons'),
      rows: referralRows,
      layout: 'across',
    }),
    referralStatusTable(db, c),
    followUpTable(c),
  ];
}

/** The bureau's paragraph (seed 004 §(四)1), filled with the period's figures. */
export function hotlineSummary(db: Db, c: HotlineCounts): Text[] {
  const t = c.totals;
  const out: Text[] = [
    key('stats:hotline.sentence.calls', { total: formatCount(t.total), cf: formatCount(t.clientFamily), cfPct: formatPercent(t.clientFamily, t.total, 1) }),
  ];
  // The same rows and rounding as the items table, so the sentence and the table agree to the digit.
  const rows = refRows(db, 'serviceItem', c.byItem, { keepZero: true });
  const itemShares = largestRemainderUnits(
    rows.map((r) => r.count),
    2,
  );
  const ranked = rows
    .map((r, i) => ({ ...r, pct: formatPercentUnits(itemShares[i] ?? null, 2) }))
    .filter((r) => r.count > 0 && !('key' in r.label))
    .sort((a, b) => b.count - a.count);
  const [first, second] = ranked;
  if (first) out.push(key('stats:hotline.sentence.topItem', { items: formatCount(t.items), item: first.label, n: formatCount(first.count), pct: first.pct }));
  if (second) out.push(key('stats:hotline.sentence.secondItem', { item: second.label, n: formatCount(second.count), pct: second.pct }));
  const f = c.followUps;
  if (f.due > 0) out.push(key('stats:hotline.sentence.followUps', { due: formatCount(f.due), onTime: formatCount(f.onTime), pct: formatPercent(f.onTime, f.due, 1) }));
  return out;
}

