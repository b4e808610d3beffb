/** Referrals (轉介) and follow-ups (追蹤/回電) attached to a saved call. */
import type { FollowUpInput, ReferralInput } from '../../../shared/api/channels/hotline';
import { canMoveReferral, type FollowUp, type Referral, type ReferralStatus } from '../../../shared/domain/hotline';
import type { HandlerContext } from '../context';
import { requireActor } from '../context';
import { appError, notFound } from '../errors';
import { findCall } from './callRepository';
import { checkFollowUp, checkReferral } from './callValidation';
import { Problems, audit } from './common';
import { completeFollowUp, findFollowUp, insertFollowUp, listFollowUps } from './followUpRepository';
import { findReferral, insertReferral, listReferrals, setReferralStatusRow } from './referralRepository';

export function addReferral(ctx: HandlerContext, input: { callId: number; referral: ReferralInput }): Referral {
  const actor = requireActor(ctx);
  const now = ctx.now();
  const id = ctx.db.transaction(() => {
    if (!findCall(ctx.db, input.callId)) throw notFound('callId');
    const problems = new Problems();
    checkReferral(ctx.db, input.referral, now, problems, 'referral.');
    problems.throwIfAny();
    const newId = insertReferral(ctx.db, { callId: input.callId, ...input.referral }, now, actor.id);
    audit(ctx, 'create', 'hotline_referral', newId, { callId: input.callId, unitId: input.referral.unitId });
    return newId;
  }).immediate();
  const r = findReferral(ctx.db, id);
  if (!r) throw notFound('id');
  return r;
}

/** 轉介中 → 已回覆 / 已結案; every change appended to the referral's history. */
export function setReferralStatus(ctx: HandlerContext, input: { id: number; status: ReferralStatus; note: string }): Referral {
  const actor = requireActor(ctx);
  const now = ctx.now();
  ctx.db.transaction(() => {
    const r = findReferral(ctx.db, input.id);
    if (!r) throw notFound('id');
    if (!canMoveReferral(r.status, input.status)) {
      throw appError('conflict', 'hotline:errors.referralTransition', { field: 'status', params: { from: r.status, to: input.status } });
    }
    setReferralStatusRow(ctx.db, input.id, r.status, input.status, input.note, now, actor.id);
    audit(ctx, 'setStatus', 'hotline_referral', input.id, { from: r.status, to: input.status });
  }).immediate();
  const r = findReferral(ctx.db, input.id);
  if (!r) throw notFound('id');
  return r;
}

/** `limit` caps the list of every status (the screen's 500 newest); null lifts it (exports). */
export function referrals(ctx: HandlerContext, input: { status?: ReferralStatus }, limit: number | null = 500): (Referral & { phoneMasked: string })[] {
  return listReferrals(ctx.db, input.status, limit);
}

export function addFollowUp(ctx: HandlerContext, input: { callId: number; followUp: FollowUpInput }): FollowUp {
  const actor = requireActor(ctx);
  const now = ctx.now();
  const id = ctx.db.transaction(() => {
    if (!findCall(ctx.db, input.callId)) throw notFound('callId');
    const problems = new Problems();
    checkFollowUp(ctx.db, input.followUp, problems, 'followUp.');
    problems.throwIfAny();
    const newId = insertFollowUp(ctx.db, { callId: input.callId, ...input.followUp }, now, actor.id);
    audit(ctx, 'create', 'hotline_follow_up', newId, { callId: input.callId, ownerId: input.followUp.ownerId });
    return newId;
  }).immediate();
  const f = findFollowUp(ctx.db, id);
  if (!f) throw notFound('id');
  return f;
}

/**
 * Marks one or many follow-ups done with the same outcome, all or nothing: if any is
 * unknown or already done, none changes and the operator is told which.
 */
export function completeFollowUps(ctx: HandlerContext, input: { ids: number[]; outcome: string }): FollowUp[] {
  const actor = requireActor(ctx);
  const now = ctx.now();
  ctx.db.transaction(() => {
    for (const id of input.ids) {
      const f = findFollowUp(ctx.db, id);
      if (!f) throw notFound('ids');
      if (f.doneAt !== null) throw appError('conflict', 'hotline:errors.followUpDone', { field: 'ids', params: { id } });
      completeFollowUp(ctx.db, id, input.outcome, now, actor.id);
    }
    audit(ctx, 'complete', 'hotline_follow_up', input.ids.length === 1 ? (input.ids[0] ?? null) : null, { ids: input.ids });
  }).immediate();
  return input.ids.map((id) => findFollowUp(ctx.db, id)).filter((f): f is FollowUp => f !== null);
}

/** `doneLimit` caps the done ones (the screen's 500 latest); null lifts it (exports). */
export function followUps(ctx: HandlerContext, input: { open: boolean; mine: boolean }, doneLimit: number | null = 500): FollowUp[] {
  return listFollowUps(ctx.db, { open: input.open, ownerId: input.mine ? requireActor(ctx).id : undefined, doneLimit });
}
