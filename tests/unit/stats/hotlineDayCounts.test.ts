/**
 * The hotline's statistics read counts kept per Taipei day (electron/core/stats/hotlineDayCounts.ts).
 * Kept figures are only right if every write that changes a day's calls makes that day count
 * again: after each kind of write below, the figures must equal those worked out here in plain
 * JavaScript from the records themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSomeDays } from '../../../electron/core/stats/hotlineDayCounts';
import { hotlineByMonth, hotlineCounts, type HotlineCounts } from '../../../electron/core/stats/hotlineStats';
import { periodRange } from '../../../shared/domain/statsPeriod';
import { taipeiDateKey } from '../../../shared/lib/time';
import { okValue } from '../../support/core';
import { hotlineFixture, type HotlineFixture } from '../hotline/helpers';

let f: HotlineFixture;
beforeAll(async () => {
  // Noon in Taipei, 10 March 2025.
  f = await hotlineFixture(new Date('2025-03-10T04:00:00.000Z'));
}, 30_000);
afterAll(() => f.t.cleanup());

const MARCH = periodRange({ kind: 'month', year: 2025, month: 3 });
const Q1 = periodRange({ kind: 'quarter', year: 2025, quarter: 1 });

interface CallRow {
  id: number;
  kind: string;
  direction: string;
  started_at: string;
  duration_sec: number;
  caller_type_id: number | null;
  non_service_type_id: number | null;
  district_id: number | null;
  shift_id: number | null;
  operator_id: number;
}

/** The figures the report must show, from every call of the period, one by one. */
function expected(range: typeof MARCH) {
  const db = f.t.core.db;
  const calls = (db.prepare('SELECT * FROM hotline_calls').all() as CallRow[]).filter(
    (c) => c.started_at >= range.fromInstant && c.started_at < range.toInstant,
  );
  const clientFamily = new Set(
    (db.prepare("SELECT id, extra FROM ref_items WHERE kind = 'callerType'").all() as { id: number; extra: string }[])
      .filter((r) => JSON.parse(r.extra ?? '{}').countsAsClientOrFamily === true || JSON.parse(r.extra ?? '{}').countsAsClientOrFamily === 1)
      .map((r) => r.id),
  );
  const count = (pairs: [number | null, boolean][]) => {
    const m = new Map<number | null, number>();
    for (const [k, yes] of pairs) if (yes) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const svc = (c: CallRow) => c.kind === 'service';
  const items = new Map<number, number[]>();
  for (const r of db.prepare('SELECT call_id, service_item_id FROM hotline_call_items').all() as { call_id: number; service_item_id: number }[]) {
    items.set(r.call_id, [...(items.get(r.call_id) ?? []), r.service_item_id]);
  }
  const itemsOf = (c: CallRow) => items.get(c.id) ?? [];
  const byOperator = new Map<number, { calls: number; service: number; items: number; durationSec: number }>();
  for (const c of calls) {
    const o = byOperator.get(c.operator_id) ?? { calls: 0, service: 0, items: 0, durationSec: 0 };
    byOperator.set(c.operator_id, {
      calls: o.calls + 1,
      service: o.service + (svc(c) ? 1 : 0),
      items: o.items + itemsOf(c).length,
      durationSec: o.durationSec + (svc(c) ? c.duration_sec : 0),
    });
  }
  return {
    totals: {
      total: calls.length,
      service: calls.filter(svc).length,
      nonService: calls.filter((c) => !svc(c)).length,
      inbound: calls.filter((c) => c.direction === 'inbound').length,
      outbound: calls.filter((c) => c.direction === 'outbound').length,
      clientFamily: calls.filter((c) => c.caller_type_id !== null && clientFamily.has(c.caller_type_id)).length,
      items: calls.reduce((n, c) => n + itemsOf(c).length, 0),
      durationSec: calls.filter(svc).reduce((n, c) => n + c.duration_sec, 0),
    },
    byCallerType: count(calls.map((c) => [c.caller_type_id, svc(c)])),
    byNonServiceType: count(calls.map((c) => [c.non_service_type_id, !svc(c)])),
    byDistrict: count(calls.map((c) => [c.district_id, svc(c)])),
    byHour: count(calls.map((c) => [(new Date(c.started_at).getUTCHours() + 8) % 24, true])),
    byShift: count(calls.map((c) => [c.shift_id, true])),
    byItem: count(calls.flatMap((c) => itemsOf(c).map((i): [number, boolean] => [i, true]))),
    byOperator: Object.fromEntries(byOperator),
    months: [...new Set(calls.map((c) => taipeiDateKey(c.started_at).slice(0, 7)))].sort(),
  };
}

function reported(range: typeof MARCH) {
  const c: HotlineCounts = hotlineCounts(f.t.core.db, range, f.t.clock.now.toISOString());
  const sorted = (m: Map<number | null, number>) => new Map([...m].sort((a, b) => (a[0] ?? -1) - (b[0] ?? -1)));
  return {
    totals: c.totals,
    byCallerType: sorted(c.byCallerType),
    byNonServiceType: sorted(c.byNonServiceType),
    byDistrict: sorted(c.byDistrict),
    byHour: sorted(c.byHour),
    byShift: sorted(c.byShift),
    byItem: sorted(c.byItem),
    byOperator: Object.fromEntries(c.byOperator.map(({ id, name: _n, ...o }) => [id, o])),
    months: [...hotlineByMonth(f.t.core.db, range).keys()].sort(),
  };
}

function expectSame(range: typeof MARCH) {
  const want = expected(range);
  const sorted = (m: Map<number | null, number>) => new Map([...m].sort((a, b) => (a[0] ?? -1) - (b[0] ?? -1)));
  expect(reported(range)).toEqual({
    ...want,
    byCallerType: sorted(want.byCallerType),
    byNonServiceType: sorted(want.byNonServiceType),
    byDistrict: sorted(want.byDistrict),
    byHour: sorted(want.byHour),
    byShift: sorted(want.byShift),
    byItem: sorted(want.byItem),
  });
}

const counted = () => f.t.core.db.prepare('SELECT day FROM hotline_days_counted ORDER BY day').pluck().all() as string[];

describe('hotline figures kept per day', () => {
  it('match the records after saving calls today, late ones for earlier days, and a non-service call', async () => {
    okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call() }));
    // 23:59 and 00:00 in Taipei: the day boundary is Taipei's, not UTC's.
    for (const startedAt of ['2025-03-09T15:59:00.000Z', '2025-03-09T16:00:00.000Z', '2025-02-28T15:59:30.000Z', '2025-03-01T02:00:00.000Z']) {
      const endedAt = new Date(Date.parse(startedAt) + 20_000).toISOString();
      okValue(await f.t.call('op2', 'hotline:saveCall', { draftId: null, call: f.call({ startedAt, endedAt, operatorId: f.op2, direction: 'outbound' }) }));
    }
    const silent = f.ref('nonServiceCallType', 'silent');
    okValue(await f.t.call('op1', 'hotline:quickCall', { typeId: silent.id, draftId: null }));
    expectSame(MARCH);
    expectSame(Q1);
    expect(counted()).toContain('2025-03-09');
  });

  it('count a day again after a save into a day already counted', async () => {
    expect(counted()).toContain('2025-03-05');
    okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call({ startedAt: '2025-03-05T01:00:00.000Z', endedAt: '2025-03-05T01:30:00.000Z' }) }));
    expect(counted()).not.toContain('2025-03-05');
    expectSame(MARCH);
  });

  it('follow an edit that moves a call to another day, another caller, other items and another operator', async () => {
    const all = okValue(await f.t.call('admin', 'hotline:searchCalls', { dateFrom: '2025-03-09', dateTo: '2025-03-09' }));
    const id = all.rows[0]?.id as number;
    expect(id).toBeGreaterThan(0);
    okValue(
      await f.t.call('admin', 'hotline:updateCall', {
        id,
        call: f.call({
          startedAt: '2025-03-03T03:00:00.000Z',
          endedAt: '2025-03-03T03:12:00.000Z',
          operatorId: f.op1,
          callerTypeId: f.ref('callerType', 'public').id,
          districtId: null,
          serviceItemIds: [f.ref('serviceItem', 'drug-hazard-lecture').id],
        }),
      }),
    );
    expectSame(MARCH);
    expectSame(Q1);
  });

  it('follow a change made outside the services (a repair in SQL) and a deletion', () => {
    const db = f.t.core.db;
    const district = f.ref('district', 'gushan').id;
    db.prepare("UPDATE hotline_calls SET district_id = ? WHERE started_at < '2025-03-01T00:00:00Z'").run(district);
    expectSame(Q1);
    db.prepare("DELETE FROM hotline_call_items WHERE call_id = (SELECT min(id) FROM hotline_calls)").run();
    expectSame(MARCH);
    db.pragma('foreign_keys = OFF');
    try {
      db.prepare("DELETE FROM hotline_calls WHERE started_at BETWEEN '2025-03-09T00:00:00Z' AND '2025-03-09T23:59:59Z'").run();
    } finally {
      db.pragma('foreign_keys = ON');
    }
    expectSame(MARCH);
  });

  it('idle time counts the newest uncounted days first, a bounded number at a time', () => {
    const db = f.t.core.db;
    db.exec('DELETE FROM hotline_days_counted');
    // From the first call (28 Feb, Taipei) to today (10 March): 11 days.
    expect(countSomeDays(db, f.t.clock.now, 4)).toBe(4);
    expect(counted()).toEqual(['2025-03-07', '2025-03-08', '2025-03-09', '2025-03-10']);
    expect(countSomeDays(db, f.t.clock.now, 100)).toBe(7);
    expect(counted()).toHaveLength(11);
    expect(countSomeDays(db, f.t.clock.now, 100)).toBe(0);
    expectSame(MARCH);
  });
});
