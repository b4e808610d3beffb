/** 交班: a summary of the shift, saved with notes for the next shift, who acknowledges it. */
import type { Handover, HandoverSummary } from '../../../shared/domain/hotline';
import { previousShiftWindow, shiftWindowAt } from '../../../shared/domain/shiftWindow';
import type { HandlerContext } from '../context';
import { requireActor } from '../context';
import { appError, notFound } from '../errors';
import { listRefItems } from '../reference/repository';
import { activeRefs, audit } from './common';
import { listFollowUps } from './followUpRepository';
import { acknowledgeHandoverRow, findHandover, insertHandover, latestHandover, listHandovers } from './handoverRepository';
import { listReferrals } from './referralRepository';
import { countCallsByType, flaggedCallsIn } from './searchRepository';

export type HandoverWhich = 'current' | 'previous';

/** Counts for the shift window; open follow-ups and pending referrals as they stand now. */
export function summarize(ctx: HandlerContext, which: HandoverWhich): HandoverSummary {
  const shifts = activeRefs(ctx.db, 'shift');
  const now = new Date(ctx.now());
  const w = which === 'current' ? shiftWindowAt(shifts, now) : previousShiftWindow(shifts, now);
  const from = w.start.toISOString();
  const to = w.end.toISOString();
  const counts = countCallsByType(ctx.db, from, to);
  const byType = new Map(counts.filter((c) => c.kind === 'nonService').map((c) => [c.typeId, c.n]));
  const types = listRefItems(ctx.db, 'nonServiceCallType').filter((t) => !t.retired || byType.has(t.id));
  const serviceCalls = counts.filter((c) => c.kind === 'service').reduce((s, c) => s + c.n, 0);
  const nonServiceCalls = counts.filter((c) => c.kind === 'nonService').reduce((s, c) => s + c.n, 0);
  return {
    windowStart: from,
    windowEnd: to,
    shiftId: w.shift?.id ?? null,
    totalCalls: serviceCalls + nonServiceCalls,
    serviceCalls,
    nonServiceCalls,
    nonServiceByType: types.map((t) => ({ typeId: t.id, count: byType.get(t.id) ?? 0 })),
    openFollowUps: listFollowUps(ctx.db, { open: true }),
    pendingReferrals: listReferrals(ctx.db, 'pending'),
    flaggedCalls: flaggedCallsIn(ctx.db, from, to),
  };
}

const publicView = ({ createdBy: _c, ...h }: Handover & { createdBy: number }): Handover => h;

export function preview(ctx: HandlerContext, input: { which: HandoverWhich }): HandoverSummary {
  return summarize(ctx, input.which);
}

export function saveHandover(ctx: HandlerContext, input: { which: HandoverWhich; notes: string }): Handover {
  const actor = requireActor(ctx);
  const now = ctx.now();
  const id = ctx.db.transaction(() => {
    const summary = summarize(ctx, input.which);
    const newId = insertHandover(ctx.db, summary, input.notes, now, actor.id);
    audit(ctx, 'create', 'hotline_handover', newId, { windowStart: summary.windowStart, windowEnd: summary.windowEnd });
    return newId;
  }).immediate();
  return getHandover(ctx, id);
}

export function getHandover(ctx: HandlerContext, id: number): Handover {
  const h = findHandover(ctx.db, id);
  if (!h) throw notFound('id');
  return publicView(h);
}

/** The newest handover, if someone else wrote it and nobody has acknowledged it yet. */
export function pendingHandover(ctx: HandlerContext): Handover | null {
  const h = latestHandover(ctx.db);
  if (!h || h.acknowledgedAt !== null || h.createdBy === requireActor(ctx).id) return null;
  return publicView(h);
}

export function acknowledgeHandover(ctx: HandlerContext, input: { id: number }): Handover {
  const actor = requireActor(ctx);
  ctx.db.transaction(() => {
    const h = findHandover(ctx.db, input.id);
    if (!h) throw notFound('id');
    if (h.createdBy === actor.id) throw appError('conflict', 'hotline:errors.ownHandover', { field: 'id' });
    if (h.acknowledgedAt !== null) throw appError('conflict', 'hotline:errors.alreadyAcknowledged', { field: 'id' });
    acknowledgeHandoverRow(ctx.db, input.id, ctx.now(), actor.id);
    audit(ctx, 'acknowledge', 'hotline_handover', input.id);
  }).immediate();
  return getHandover(ctx, input.id);
}

/** The screen shows the 100 newest; a null limit gives every handover (exports). */
export function handovers(ctx: HandlerContext, limit: number | null = 100): Handover[] {
  return listHandovers(ctx.db, limit).map(publicView);
}
