import type { HandlerContext } from '../context';
import { requireActor } from '../context';
import { appError, fieldError, notFound } from '../errors';
import { appendAudit } from '../audit/repository';
import { findRefItem } from '../reference/repository';
import type { RefKind } from '../../../shared/domain/reference';
import { canTransition, type EnrolmentStatus } from '../../../shared/domain/lectures';
import { parseDateInput } from '../../../shared/lib/rocDate';
import { taipeiDateKey } from '../../../shared/lib/time';
import { findEnrolment, patchEnrolment, appendHistory, type EnrolmentPatch, type EnrolmentRow } from './enrolmentsRepo';
import { findSession, type SessionRow } from './sessionsRepo';

export const actorId = (ctx: HandlerContext): number => requireActor(ctx).id;

/** Today on the Taipei calendar. */
export const today = (ctx: HandlerContext): string => taipeiDateKey(ctx.clock());

export function audit(ctx: HandlerContext, action: string, entity: string, entityId: number | string | null, details: Record<string, unknown> = {}): void {
  appendAudit(ctx.db, { at: ctx.now(), accountId: ctx.actor?.id ?? null, action, entity, entityId, details });
}

/** A date as typed (114/3/5, 2025-03-05 …) → 'YYYY-MM-DD', or a translated error at the field. */
export function typedDate(field: string, value: string, required: true): string;
export function typedDate(field: string, value: string, required: false): string | null;
export function typedDate(field: string, value: string, required: boolean): string | null {
  if (value.trim() === '') {
    if (required) throw fieldError(field, 'validation.required');
    return null;
  }
  const parsed = parseDateInput(value);
  if (!parsed.ok) throw fieldError(field, 'lectures:errors.badDate');
  return parsed.date;
}

/** A reference entry of the expected kind that is still in use, or an error at the field. */
export function activeRef(ctx: HandlerContext, field: string, id: number, kind: RefKind): void {
  const item = findRefItem(ctx.db, id);
  if (!item || item.kind !== kind) throw fieldError(field, 'validation.invalidChoice');
  if (item.retired) throw fieldError(field, 'lectures:errors.retiredChoice');
}

export function getSession(ctx: HandlerContext, id: number, field = 'sessionId'): SessionRow {
  const s = findSession(ctx.db, id);
  if (!s) throw notFound(field);
  return s;
}

export function getEnrolment(ctx: HandlerContext, id: number, field = 'enrolmentId'): EnrolmentRow {
  const e = findEnrolment(ctx.db, id);
  if (!e) throw notFound(field);
  return e;
}

/**
 * The one way an enrolment changes status: the state machine (shared/domain/lectures.ts) must
 * allow it, and the change is appended to the history with who, when and why.
 */
export function changeStatus(ctx: HandlerContext, e: EnrolmentRow, to: EnrolmentStatus, reason: string, patch: EnrolmentPatch = {}): void {
  if (!canTransition(e.status, to)) {
    throw appError('conflict', 'lectures:errors.transitionRefused', { params: { from: e.status, to } });
  }
  const at = ctx.now();
  const by = actorId(ctx);
  patchEnrolment(ctx.db, e.id, { ...patch, status: to, status_changed_at: at }, at, by);
  appendHistory(ctx.db, e.id, e.status, to, reason, at, by);
}
