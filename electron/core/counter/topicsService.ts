import type { Db } from '../db/open';
import type { HandlerContext } from '../context';
import { requireActor } from '../context';
import { AppError, appError, notFound } from '../errors';
import { appendAudit } from '../audit/repository';
import { findRefItem } from '../reference/repository';
import type { FieldError } from '../../../shared/api/result';
import type { TopicAction, TopicDetail, TopicRevision } from '../../../shared/api/channels/counter';
import {
  isWebUrl,
  missingForPublish,
  type Topic,
  type TopicContent,
  type TopicStatus,
} from '../../../shared/domain/counter';
import { taipeiDateKey } from '../../../shared/lib/time';
import { askWindowStart } from './search';
import {
  askCounts,
  contentOf,
  findTopic,
  insertRevision,
  insertTopic,
  listRevisions,
  topicLinks,
  updateTopicContent,
  updateTopicStatus,
} from './topicsRepository';

/** The topics a search may return: published ones for the desk, every status for a supervisor. */
export function scopeStatuses(ctx: HandlerContext, scope: 'published' | 'all'): readonly TopicStatus[] {
  if (scope === 'published') return ['published'];
  // Drafts and retired topics are the supervisor's to see, whatever the renderer shows.
  if (!requireActor(ctx).roles.includes('supervisor')) throw appError('forbidden', 'errors.forbidden');
  return ['draft', 'published', 'retired'];
}

/** Several field problems at once, so the editor can mark every one of them. */
export function fieldsError(fields: FieldError[]): AppError {
  const first = fields[0] ?? { field: '', messageKey: 'validation.invalid' };
  return new AppError({ code: 'validation', messageKey: first.messageKey, field: first.field, fields });
}

function requiredToPublish(c: TopicContent): FieldError[] {
  return missingForPublish(c).map((field) => ({
    field,
    messageKey: field === 'webUrl' && c.webUrl !== '' ? 'counter:errors.webUrl' : 'counter:errors.requiredToPublish',
  }));
}

/**
 * The rules every saved topic obeys, whatever its status: a title in at least one
 * language, a web address the QR code can open, a guidance unit from the reference list,
 * related topics that exist. A published topic must moreover stay complete.
 */
function checkContent(db: Db, c: TopicContent, self: Topic | null): void {
  const problems: FieldError[] = [];
  if (c.titleZh === '' && c.titleEn === '') {
    problems.push({ field: 'titleZh', messageKey: 'counter:errors.titleRequired' }, { field: 'titleEn', messageKey: 'counter:errors.titleRequired' });
  }
  if (c.webUrl !== '' && !isWebUrl(c.webUrl)) problems.push({ field: 'webUrl', messageKey: 'counter:errors.webUrl' });
  if (c.unitId !== null && c.unitId !== self?.unitId) {
    const unit = findRefItem(db, c.unitId);
    // A unit retired since the topic was written may stay; a new choice must be current.
    if (!unit || unit.kind !== 'guidanceUnit' || unit.retired) problems.push({ field: 'unitId', messageKey: 'counter:errors.unknownUnit' });
  }
  if (c.relatedIds.some((id) => id === self?.id) || topicLinks(db, c.relatedIds).length !== c.relatedIds.length) {
    problems.push({ field: 'relatedIds', messageKey: 'counter:errors.relatedInvalid' });
  }
  if (self?.status === 'published') {
    for (const p of requiredToPublish(c)) if (!problems.some((q) => q.field === p.field)) problems.push(p);
  }
  if (problems.length > 0) throw fieldsError(problems);
}

function today(ctx: HandlerContext): string {
  return taipeiDateKey(ctx.clock());
}

export function topicDetail(db: Db, topic: Topic, today: string, onlyPublishedLinks: boolean): TopicDetail {
  const related = topicLinks(db, topic.relatedIds).filter((l) => !onlyPublishedLinks || l.status === 'published');
  return { ...topic, missing: missingForPublish(topic), asks: askCounts(db, askWindowStart(today)).get(topic.id) ?? 0, related };
}

const isSupervisor = (ctx: HandlerContext) => requireActor(ctx).roles.includes('supervisor');

/** Counter staff see published topics only; drafts and retired ones are the supervisor's. */
export function getTopic(ctx: HandlerContext, id: number): TopicDetail {
  const topic = findTopic(ctx.db, id);
  const supervisor = isSupervisor(ctx);
  if (!topic || (!supervisor && topic.status !== 'published')) throw notFound();
  return topicDetail(ctx.db, topic, today(ctx), !supervisor);
}

function audit(ctx: HandlerContext, action: string, topicId: number, details: Record<string, unknown>) {
  appendAudit(ctx.db, { at: ctx.now(), accountId: requireActor(ctx).id, action, entity: 'counterTopic', entityId: topicId, details });
}

export function createTopic(ctx: HandlerContext, content: TopicContent): TopicDetail {
  const actor = requireActor(ctx);
  return ctx.db.transaction(() => {
    checkContent(ctx.db, content, null);
    const at = ctx.now();
    const id = insertTopic(ctx.db, null, 'draft', content, at, actor.id);
    insertRevision(ctx.db, { topicId: id, revision: 1, action: 'create', status: 'draft', content }, at, actor.id);
    audit(ctx, 'create', id, { revision: 1 });
    return topicDetail(ctx.db, findTopic(ctx.db, id) as Topic, today(ctx), false);
  }).immediate();
}

function loadForChange(ctx: HandlerContext, id: number, expectedRevision: number): Topic {
  const topic = findTopic(ctx.db, id);
  if (!topic) throw notFound();
  // Two supervisors editing the same topic: the later save must not silently undo the earlier one.
  if (topic.revision !== expectedRevision) throw appError('conflict', 'counter:errors.staleTopic');
  return topic;
}

export function changedFields(before: TopicContent, after: TopicContent): string[] {
  return (Object.keys(after) as (keyof TopicContent)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

export function updateTopic(ctx: HandlerContext, id: number, expectedRevision: number, content: TopicContent): TopicDetail {
  const actor = requireActor(ctx);
  return ctx.db.transaction(() => {
    const topic = loadForChange(ctx, id, expectedRevision);
    checkContent(ctx.db, content, topic);
    const changed = changedFields(contentOf(topic), content);
    if (changed.length > 0) {
      const at = ctx.now();
      const revision = updateTopicContent(ctx.db, id, content, at, actor.id);
      insertRevision(ctx.db, { topicId: id, revision, action: 'edit', status: topic.status, content }, at, actor.id);
      audit(ctx, 'update', id, { revision, changed });
    }
    return topicDetail(ctx.db, findTopic(ctx.db, id) as Topic, today(ctx), false);
  }).immediate();
}

const ACTION_FOR: Record<TopicStatus, TopicAction> = { published: 'publish', retired: 'retire', draft: 'unpublish' };

export function setTopicStatus(ctx: HandlerContext, id: number, expectedRevision: number, status: TopicStatus): TopicDetail {
  const actor = requireActor(ctx);
  return ctx.db.transaction(() => {
    const topic = loadForChange(ctx, id, expectedRevision);
    if (topic.status !== status) {
      if (status === 'published') {
        const missing = requiredToPublish(topic);
        if (missing.length > 0) throw fieldsError(missing);
      }
      const at = ctx.now();
      const action = ACTION_FOR[status];
      const revision = updateTopicStatus(ctx.db, id, status, at, actor.id);
      insertRevision(ctx.db, { topicId: id, revision, action, status, content: topic }, at, actor.id);
      audit(ctx, action, id, { revision, from: topic.status, to: status });
    }
    return topicDetail(ctx.db, findTopic(ctx.db, id) as Topic, today(ctx), false);
  }).immediate();
}

/** Newest first, each with the fields it changed compared with the revision before it. */
export function topicHistory(ctx: HandlerContext, id: number): TopicRevision[] {
  if (!findTopic(ctx.db, id)) throw notFound();
  const revisions = listRevisions(ctx.db, id);
  return revisions
    .map((r, i) => {
      const before = revisions[i - 1];
      return { ...r, changed: before ? changedFields(before.content, r.content) : [] };
    })
    .reverse();
}
