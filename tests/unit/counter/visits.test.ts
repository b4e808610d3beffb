import { describe, expect, it } from 'vitest';
import { okValue } from '../../support/core';
import { newDesk } from './support';

const errorOf = (r: { ok: boolean }) => {
  expect(r.ok).toBe(false);
  return (r as unknown as { error: { code: string; field?: string; messageKey: string } }).error;
};

describe('visit log', () => {
  it('logs a visit with several topics, language, referral and rating; the day list shows it newest first with a summary', async () => {
    const d = await newDesk(); // 2025-03-05 09:00 Taipei
    const leave = d.topicId('lecture-leave');
    const forms = d.topicId('forms');
    const lectureUnit = d.unitId('guidanceUnit', 'counselling-lecture');
    const visit = okValue(
      await d.call('desk', 'counter:logVisit', { topicIds: [leave, forms], lang: 'en', unitId: lectureUnit, outcome: 'referred', satisfaction: 5, note: '  needs LINE group  ' }),
    );
    expect(visit).toMatchObject({ lang: 'en', outcome: 'referred', unitId: lectureUnit, satisfaction: 5, note: 'needs LINE group', staffName: '櫃台小林' });
    expect(visit.topics.map((t) => t.id)).toEqual([leave, forms]);
    d.clock.advance(5 * 60_000);
    await d.visit([forms], { satisfaction: 2 });
    d.clock.advance(5 * 60_000);
    okValue(await d.call('desk', 'counter:logVisit', { topicIds: [], lang: 'zh-TW', outcome: 'followUp', note: '詢問停車位置' }));

    const day = okValue(await d.call('desk', 'counter:visitsOn', {}));
    expect(day.date).toBe('2025-03-05');
    expect(day.visits.map((v) => v.outcome)).toEqual(['followUp', 'answered', 'referred']);
    expect(day.summary).toEqual({ total: 3, byOutcome: { answered: 1, referred: 1, followUp: 1 }, rated: 2, meanSatisfaction: 3.5 });
    // The supervisor reads the same list; another day is empty.
    expect(okValue(await d.call('admin', 'counter:visitsOn', {})).visits).toHaveLength(3);
    expect(okValue(await d.call('admin', 'counter:visitsOn', { date: '2025-03-04' })).visits).toEqual([]);
  });

  it('"today" is the Taipei day: a visit at 00:30 Taipei (16:30Z the day before) belongs to the new day', async () => {
    const d = await newDesk(new Date('2025-03-05T16:30:00.000Z'));
    await d.visit([d.topicId('hotline')]);
    const day = okValue(await d.call('desk', 'counter:visitsOn', {}));
    expect(day.date).toBe('2025-03-06');
    expect(day.visits).toHaveLength(1);
  });

  it('refuses a visit with no purpose, a referral without a unit, an unknown topic or unit, a rating outside 1–5 — and writes nothing', async () => {
    const d = await newDesk();
    const forms = d.topicId('forms');
    const before = d.rowCounts();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ topicIds: [] }, 'topicIds', 'counter:errors.purposeRequired'],
      [{ topicIds: [forms], outcome: 'referred' }, 'unitId', 'counter:errors.unitRequired'],
      [{ topicIds: [99999] }, 'topicIds', 'counter:errors.relatedInvalid'],
      [{ topicIds: [forms], unitId: d.unitId('guidanceUnit', 'service-desk') + 100000 }, 'unitId', 'counter:errors.unknownUnit'],
      [{ topicIds: [forms], satisfaction: 6 }, 'satisfaction', 'validation.tooBig'],
      [{ topicIds: [forms], satisfaction: 0 }, 'satisfaction', 'validation.tooSmall'],
      [{ topicIds: [forms, forms] }, 'topicIds', 'validation.duplicate'],
      [{ topicIds: [forms], outcome: 'lost' }, 'outcome', 'validation.invalidChoice'],
    ];
    for (const [patch, field, key] of cases) {
      const e = errorOf(await d.callRaw('desk', 'counter:logVisit', { topicIds: [forms], lang: 'zh-TW', outcome: 'answered', ...patch }));
      expect({ patch, field: e.field, key: e.messageKey }).toEqual({ patch, field, key });
    }
    expect(d.rowCounts()).toEqual(before);
  });

  it('a partner agency counts as "referred to" as well as a bureau unit', async () => {
    const d = await newDesk();
    const v = okValue(
      await d.call('desk', 'counter:logVisit', { topicIds: [d.topicId('employment')], lang: 'zh-TW', outcome: 'referred', unitId: d.unitId('referralUnit', 'labor-employment-support') }),
    );
    expect(v.outcome).toBe('referred');
  });
});

describe('FAQ', () => {
  it('ranks topics by how many visits of the period asked about them, ties sharing a rank', async () => {
    const d = await newDesk(new Date('2025-03-01T02:00:00.000Z'));
    const [hotline, leave, forms, jobs] = ['hotline', 'lecture-leave', 'forms', 'employment'].map((c) => d.topicId(c)) as [number, number, number, number];
    await d.visit([leave, forms]);
    await d.visit([leave]);
    await d.visit([hotline]);
    d.clock.advance(24 * 3600_000); // 03-02
    await d.visit([leave, hotline]);
    await d.visit([jobs]);
    d.clock.advance(9 * 24 * 3600_000); // 03-11: outside a period ending 03-10
    await d.visit([forms]);
    await d.visit([forms]);
    await d.visit([forms]);

    const faq = okValue(await d.call('admin', 'counter:faq', { from: '2025-03-01', to: '2025-03-10' }));
    expect(faq.totalVisits).toBe(5);
    expect(faq.items.map((i) => [i.rank, i.topicId, i.count])).toEqual([
      [1, leave, 3],
      [2, hotline, 2],
      // forms and jobs were asked once each; jobs most recently, so listed first, same rank.
      [3, jobs, 1],
      [3, forms, 1],
    ]);
    expect(faq.items[0]?.share).toBeCloseTo(0.6);

    // A period is inclusive on both ends; the later visits move forms to the top.
    const wider = okValue(await d.call('desk', 'counter:faq', { from: '2025-03-01', to: '2025-03-11' }));
    expect(wider.items[0]).toMatchObject({ topicId: forms, count: 4, rank: 1 });
    const one = okValue(await d.call('desk', 'counter:faq', { from: '2025-03-11', to: '2025-03-11', limit: 1 }));
    expect(one.items).toHaveLength(1);
    expect(okValue(await d.call('desk', 'counter:faq', { from: '2024-01-01', to: '2024-12-31' }))).toMatchObject({ totalVisits: 0, items: [] });
  });

  it('a retired topic stays in the FAQ of the period it was asked in', async () => {
    const d = await newDesk();
    const id = d.topicId('support-group');
    await d.visit([id]);
    okValue(await d.call('admin', 'counter:setTopicStatus', { id, expectedRevision: 1, status: 'retired' }));
    const faq = okValue(await d.call('admin', 'counter:faq', { from: '2025-03-05', to: '2025-03-05' }));
    expect(faq.items[0]).toMatchObject({ topicId: id, status: 'retired' });
  });

  it('refuses a period that ends before it starts, and impossible dates', async () => {
    const d = await newDesk();
    expect(errorOf(await d.call('desk', 'counter:faq', { from: '2025-03-10', to: '2025-03-01' }))).toMatchObject({ field: 'to', messageKey: 'counter:errors.periodOrder' });
    expect(errorOf(await d.call('desk', 'counter:faq', { from: '2025-02-30', to: '2025-03-01' }))).toMatchObject({ field: 'from', messageKey: 'counter:errors.date' });
    expect(errorOf(await d.callRaw('desk', 'counter:faq', { from: '114/3/1', to: '2025-03-01' }))).toMatchObject({ field: 'from', messageKey: 'validation.invalid' });
  });

  it('reads one covering index, not the visits table (EXPLAIN QUERY PLAN)', async () => {
    const d = await newDesk();
    const plan = d.core.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT topic_id, count(*) AS n, max(visit_date) FROM counter_visit_topics WHERE visit_date BETWEEN ? AND ? GROUP BY topic_id`,
      )
      .all('2025-03-01', '2025-03-31') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING COVERING INDEX counter_visit_topics_date_topic/);
    const day = d.core.db.prepare('EXPLAIN QUERY PLAN SELECT * FROM counter_visits WHERE visit_date = ? ORDER BY visited_at DESC').all('2025-03-05') as { detail: string }[];
    expect(day.map((p) => p.detail).join('\n')).toMatch(/USING INDEX counter_visits_date/);
  });
});
