import type { DraftPayloadInput } from '../../../shared/api/channels/hotline';
import { emptyDraftPayload, type CallDraft, type Direction, type DraftPayload } from '../../../shared/domain/hotline';
import { formatTime, taipeiDateKey } from '../../../shared/lib/time';
import type { HandlerContext } from '../context';
import { requireActor } from '../context';
import { appError } from '../errors';
import { audit } from './common';
import { deleteDraft, findDraft, insertDraft, listDrafts, updateDraftPayload } from './draftRepository';

export function drafts(ctx: HandlerContext): CallDraft[] {
  return listDrafts(ctx.db, requireActor(ctx).id);
}

/** The start time is stamped by main's clock the moment the key is pressed. */
export function startDraft(ctx: HandlerContext, input: { direction: Direction }): CallDraft {
  const actor = requireActor(ctx);
  const now = ctx.now();
  const payload: DraftPayload = {
    ...emptyDraftPayload(),
    direction: input.direction,
    startStamp: now,
    startDate: taipeiDateKey(now),
    startTime: formatTime(now),
    operatorId: actor.id,
  };
  const id = ctx.db.transaction(() => {
    const newId = insertDraft(ctx.db, actor.id, now, payload, now);
    audit(ctx, 'create', 'hotline_draft', newId);
    return newId;
  }).immediate();
  const draft = findDraft(ctx.db, id);
  if (!draft) throw appError('internal', 'errors.internal');
  return draft;
}

function ownDraft(ctx: HandlerContext, id: number) {
  const draft = findDraft(ctx.db, id);
  if (!draft || draft.ownerId !== requireActor(ctx).id) throw appError('notFound', 'hotline:errors.draftGone', { field: 'id' });
  return draft;
}

/** Called about every 400 ms while the operator types: no audit row per keystroke, the call's own creation is audited. */
export function saveDraft(ctx: HandlerContext, input: { id: number; payload: DraftPayloadInput }): CallDraft {
  const actor = requireActor(ctx);
  ctx.db.transaction(() => {
    ownDraft(ctx, input.id);
    updateDraftPayload(ctx.db, input.id, input.payload as DraftPayload, ctx.now(), actor.id);
  }).immediate();
  const draft = findDraft(ctx.db, input.id);
  if (!draft) throw appError('internal', 'errors.internal');
  return draft;
}

export function discardDraft(ctx: HandlerContext, input: { id: number }): null {
  ctx.db.transaction(() => {
    ownDraft(ctx, input.id);
    deleteDraft(ctx.db, input.id);
    audit(ctx, 'discard', 'hotline_draft', input.id);
  }).immediate();
  return null;
}
