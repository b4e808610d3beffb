import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { okValue } from '../../support/core';
import { missingForPublish, REQUIRED_TEXT_FIELDS, isWebUrl, type TopicContent } from '../../../shared/domain/counter';
import { startCore } from '../../../electron/core/bootstrap';
import { memoryPreferences } from '../../../electron/core/prefs/memoryStore';
import { fakePrintHost } from '../../support/core';
import { contentOf } from '../../../electron/core/counter/topicsRepository';
import { completeContent, newDesk } from './support';

const SEED = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'resources/seed/guidance-topics.json'), 'utf8')) as {
  topics: ({ code: string; unit: string; related: string[]; webUrl: string } & Record<string, string>)[];
};

function errorOf(r: { ok: boolean; error?: unknown }) {
  expect(r.ok).toBe(false);
  return (r as { error: { code: string; messageKey: string; field?: string; fields?: { field: string; messageKey: string }[] } }).error;
}

describe('starter topics', () => {
  it('ship complete in both languages, each with a unit, a web address and related topics, all published', async () => {
    const d = await newDesk();
    expect(SEED.topics.length).toBeGreaterThanOrEqual(12);
    const all = okValue(await d.call('admin', 'counter:searchTopics', { query: '', scope: 'all' }));
    expect(all).toHaveLength(SEED.topics.length);
    for (const hit of all) {
      const topic = okValue(await d.call('admin', 'counter:getTopic', { id: hit.id }));
      expect({ code: topic.code, status: topic.status, missing: topic.missing }).toEqual({ code: topic.code, status: 'published', missing: [] });
      expect(topic.related.length).toBeGreaterThan(0);
      expect(isWebUrl(topic.webUrl)).toBe(true);
    }
    // Every required text really is in each language (not the other language copied over).
    for (const s of SEED.topics) {
      for (const f of REQUIRED_TEXT_FIELDS) {
        expect(s[`${f}Zh`], `${s.code}.${f}Zh`).toMatch(/[\u4e00-\u9fff]/);
        expect(s[`${f}En`], `${s.code}.${f}En`).toMatch(/^[^\u4e00-\u9fff]*$/);
      }
    }
  });

  it('are seeded once: a restart adds nothing and keeps what a supervisor changed', async () => {
    const d = await newDesk();
    const id = d.topicId('volunteers');
    okValue(await d.call('admin', 'counter:setTopicStatus', { id, expectedRevision: 1, status: 'retired' }));
    const before = d.rowCounts();
    d.core.close();
    const again = startCore({ dbFile: d.dbFile, appRoot: process.cwd(), clock: () => d.clock.now, prefs: memoryPreferences(), printHost: fakePrintHost(), sleep: async () => undefined });
    try {
      const count = (again.db.prepare('SELECT count(*) AS n FROM counter_topics').get() as { n: number }).n;
      expect(count).toBe(before.counter_topics);
      expect((again.db.prepare('SELECT status FROM counter_topics WHERE id = ?').get(id) as { status: string }).status).toBe('retired');
    } finally {
      again.close();
    }
  });
});

describe('editing and publishing', () => {
  it('a draft missing its English text is saved and flagged, but cannot be published; completed, it can', async () => {
    const d = await newDesk();
    const unitId = d.unitId('guidanceUnit', 'counselling-lecture');
    const zhOnly = { ...completeContent(unitId, '講習證明補發'), titleEn: '', summaryEn: '', documentsEn: '' };
    const draft = okValue(await d.call('admin', 'counter:createTopic', zhOnly));
    expect(draft.status).toBe('draft');
    expect(draft.missing).toEqual(['titleEn', 'summaryEn', 'documentsEn']);

    const before = d.rowCounts();
    const refused = errorOf(await d.call('admin', 'counter:setTopicStatus', { id: draft.id, expectedRevision: draft.revision, status: 'published' }));
    expect(refused.code).toBe('validation');
    expect(refused.fields).toEqual([
      { field: 'titleEn', messageKey: 'counter:errors.requiredToPublish' },
      { field: 'summaryEn', messageKey: 'counter:errors.requiredToPublish' },
      { field: 'documentsEn', messageKey: 'counter:errors.requiredToPublish' },
    ]);
    expect(d.rowCounts()).toEqual(before);

    const filled = okValue(await d.call('admin', 'counter:updateTopic', { id: draft.id, expectedRevision: draft.revision, ...completeContent(unitId, '講習證明補發') }));
    expect(filled.missing).toEqual([]);
    const published = okValue(await d.call('admin', 'counter:setTopicStatus', { id: draft.id, expectedRevision: filled.revision, status: 'published' }));
    expect(published.status).toBe('published');
    // Now counter staff find it.
    const hits = okValue(await d.call('desk', 'counter:searchTopics', { query: '證明補發' }));
    expect(hits.map((h) => h.id)).toEqual([draft.id]);
  });

  it('a published topic cannot lose a language: clearing its English title is refused at that field', async () => {
    const d = await newDesk();
    const topic = okValue(await d.call('admin', 'counter:getTopic', { id: d.topicId('hotline') }));
    const before = d.rowCounts();
    const content = { ...contentOf(topic), titleEn: '' };
    const e = errorOf(await d.call('admin', 'counter:updateTopic', { id: topic.id, expectedRevision: topic.revision, ...content }));
    expect(e).toMatchObject({ code: 'validation', field: 'titleEn', messageKey: 'counter:errors.requiredToPublish' });
    expect(d.rowCounts()).toEqual(before);
  });

  it('refuses bad input with a translated key at the field and writes nothing', async () => {
    const d = await newDesk();
    const unitId = d.unitId('guidanceUnit', 'service-desk');
    const partnerAgency = d.unitId('referralUnit', 'halfway-house');
    const cases: [Partial<TopicContent>, string, string][] = [
      [{ titleZh: '', titleEn: '' }, 'titleZh', 'counter:errors.titleRequired'],
      [{ titleZh: '   ', titleEn: ' ' }, 'titleZh', 'counter:errors.titleRequired'],
      [{ webUrl: 'dsacp.kcg.gov.tw' }, 'webUrl', 'counter:errors.webUrl'],
      [{ webUrl: 'javascript:alert(1)' }, 'webUrl', 'counter:errors.webUrl'],
      [{ webUrl: 'ftp://dsacp.kcg.gov.tw/' }, 'webUrl', 'counter:errors.webUrl'],
      [{ webUrl: 'https://dsacp.kcg.gov.tw/a b' }, 'webUrl', 'counter:errors.webUrl'],
      [{ webUrl: 'https://localhost/' }, 'webUrl', 'counter:errors.webUrl'],
      [{ unitId: partnerAgency }, 'unitId', 'counter:errors.unknownUnit'],
      [{ unitId: 99999 }, 'unitId', 'counter:errors.unknownUnit'],
      [{ relatedIds: [99999] }, 'relatedIds', 'counter:errors.relatedInvalid'],
    ];
    const before = d.rowCounts();
    for (const [patch, field, key] of cases) {
      const e = errorOf(await d.call('admin', 'counter:createTopic', { ...completeContent(unitId), ...patch }));
      expect({ patch, field: e.field, key: e.messageKey }).toEqual({ patch, field, key });
    }
    const tooLong = errorOf(await d.call('admin', 'counter:createTopic', { ...completeContent(unitId), titleZh: '長'.repeat(121) }));
    expect(tooLong).toMatchObject({ field: 'titleZh', messageKey: 'validation.tooLong' });
    expect(d.rowCounts()).toEqual(before);
  });

  it('a topic cannot be its own related topic, and a stale edit is refused as a conflict', async () => {
    const d = await newDesk();
    const id = d.topicId('forms');
    const topic = okValue(await d.call('admin', 'counter:getTopic', { id }));
    const content = { ...completeContent(topic.unitId ?? 0), relatedIds: [id] };
    expect(errorOf(await d.call('admin', 'counter:updateTopic', { id, expectedRevision: topic.revision, ...content }))).toMatchObject({
      field: 'relatedIds',
      messageKey: 'counter:errors.relatedInvalid',
    });
    okValue(await d.call('admin', 'counter:updateTopic', { id, expectedRevision: topic.revision, ...completeContent(topic.unitId ?? 0, '表單') }));
    expect(errorOf(await d.call('admin', 'counter:updateTopic', { id, expectedRevision: topic.revision, ...completeContent(topic.unitId ?? 0, '舊的') }))).toMatchObject({
      code: 'conflict',
      messageKey: 'counter:errors.staleTopic',
    });
  });

  it('keeps a change history: who changed what and when, append-only', async () => {
    const d = await newDesk();
    const unitId = d.unitId('guidanceUnit', 'service-desk');
    const created = okValue(await d.call('admin', 'counter:createTopic', { titleZh: '遺失物招領' }));
    d.clock.advance(60_000);
    const edited = okValue(await d.call('admin', 'counter:updateTopic', { id: created.id, expectedRevision: 1, ...completeContent(unitId, '遺失物招領') }));
    d.clock.advance(60_000);
    // Saving the same content again is not a change.
    okValue(await d.call('admin', 'counter:updateTopic', { id: created.id, expectedRevision: edited.revision, ...completeContent(unitId, '遺失物招領') }));
    const published = okValue(await d.call('admin', 'counter:setTopicStatus', { id: created.id, expectedRevision: edited.revision, status: 'published' }));
    okValue(await d.call('admin', 'counter:setTopicStatus', { id: created.id, expectedRevision: published.revision, status: 'retired' }));

    const history = okValue(await d.call('admin', 'counter:topicHistory', { id: created.id }));
    expect(history.map((h) => [h.revision, h.action, h.status, h.byName])).toEqual([
      [4, 'retire', 'retired', '王督導'],
      [3, 'publish', 'published', '王督導'],
      [2, 'edit', 'draft', '王督導'],
      [1, 'create', 'draft', '王督導'],
    ]);
    expect(history[2]?.changed).toContain('titleEn');
    expect(history[2]?.changed).not.toContain('titleZh');
    expect(history[3]?.content.titleZh).toBe('遺失物招領');
    expect(history[2]?.at).toBe('2025-03-05T01:01:00.000Z');

    const audit = d.core.db.prepare("SELECT action FROM audit_log WHERE entity = 'counterTopic' AND entity_id = ? ORDER BY id").all(String(created.id));
    expect(audit).toEqual([{ action: 'create' }, { action: 'update' }, { action: 'publish' }, { action: 'retire' }]);
    expect(() => d.core.db.prepare('DELETE FROM counter_topic_revisions').run()).toThrow(/append-only/);
    expect(() => d.core.db.prepare("UPDATE counter_topic_revisions SET action = 'edit'").run()).toThrow(/append-only/);
  });
});

describe('who sees what', () => {
  it('counter staff see published topics only; drafts, retired topics and editing are the supervisor’s', async () => {
    const d = await newDesk();
    const draft = okValue(await d.call('admin', 'counter:createTopic', { titleZh: '內部草稿' }));
    expect(errorOf(await d.call('desk', 'counter:getTopic', { id: draft.id }))).toMatchObject({ code: 'notFound' });
    expect(errorOf(await d.call('desk', 'counter:searchTopics', { query: '', scope: 'all' }))).toMatchObject({ code: 'forbidden' });
    expect(errorOf(await d.call('desk', 'counter:createTopic', { titleZh: 'x' }))).toMatchObject({ code: 'forbidden' });

    const id = d.topicId('support-group');
    okValue(await d.call('admin', 'counter:setTopicStatus', { id, expectedRevision: 1, status: 'retired' }));
    const hits = okValue(await d.call('desk', 'counter:searchTopics', { query: '' }));
    expect(hits.map((h) => h.id)).not.toContain(id);
    expect(hits.map((h) => h.id)).not.toContain(draft.id);
    // A retired topic disappears from the related topics counter staff see.
    const family = okValue(await d.call('desk', 'counter:getTopic', { id: d.topicId('family-support') }));
    expect(family.related.map((r) => r.id)).not.toContain(id);
  });

  it('missingForPublish names every missing field, and a bad web address counts as missing', () => {
    const empty = completeContent(1);
    expect(missingForPublish({ ...empty, hoursEn: ' ', unitId: null, webUrl: 'not a url' })).toEqual(['hoursEn', 'unitId', 'webUrl']);
  });
});
