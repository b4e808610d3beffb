import type { CallInput, FollowUpInput, ReferralInput } from '../../../shared/api/channels/hotline';
import type { CallDetail, CallHistoryEntry, CallRecord } from '../../../shared/domain/hotline';
import type { Actor, HandlerContext } from '../context';
import { requireActor } from '../context';
import { findAccountById } from '../accounts/repository';
import { appError, notFound } from '../errors';
import {
  countCallHistory,
  findCall,
  indexCallText,
  insertCall,
  insertCallHistory,
  listCallHistory,
  replaceCallFlags,
  replaceCallItems,
  updateCallRow,
} from './callRepository';
import { checkCall, checkFollowUp, checkReferral, type CheckedCall } from './callValidation';
import { Problems, audit, editWindowHours, isSupervisor } from './common';
import { deleteDraft, findDraft } from './draftRepository';
import { insertFollowUp, listFollowUpsOfCall } from './followUpRepository';
import { insertReferral, listReferralsOfCall } from './referralRepository';
import type { Db } from '../db/open';

const HOUR_MS = 3_600_000;

/** Until when the operator may still change the record; null when they never may (not theirs). */
function operatorEditDeadline(db: Db, call: CallRecord, actor: Actor): string | null {
  if (call.operatorId !== actor.id && call.createdBy !== actor.id) return null;
  return new Date(Date.parse(call.createdAt) + editWindowHours(db) * HOUR_MS).toISOString();
}

function editability(ctx: HandlerContext, call: CallRecord): { editable: boolean; editableUntil: string | null; reason: string | null } {
  const actor = requireActor(ctx);
  if (isSupervisor(actor)) return { editable: true, editableUntil: null, reason: null };
  const deadline = operatorEditDeadline(ctx.db, call, actor);
  if (deadline === null) return { editable: false, editableUntil: null, reason: 'hotline:errors.notYourCall' };
  const open = Date.parse(ctx.now()) < Date.parse(deadline);
  return { editable: open, editableUntil: deadline, reason: open ? null : 'hotline:errors.editWindowClosed' };
}

/** What the window shows of a call, read from the database. */
export function detail(ctx: HandlerContext, id: number): CallDetail {
  const call = findCall(ctx.db, id);
  if (!call) throw notFound('id');
  return detailOf(ctx, call);
}

/**
 * `created`: the call was inserted in this same request, so it has no edits yet and holds only
 * the referrals and follow-ups just saved with it (not read back when there were none: a save
 * answers sooner).
 */
function detailOf(ctx: HandlerContext, call: CallRecord, created?: { referrals: number; followUps: number }): CallDetail {
  const { editable, editableUntil } = editability(ctx, call);
  return {
    call,
    referrals: created?.referrals === 0 ? [] : listReferralsOfCall(ctx.db, call.id),
    followUps: created?.followUps === 0 ? [] : listFollowUpsOfCall(ctx.db, call.id),
    editable,
    editableUntil,
    editCount: created ? 0 : countCallHistory(ctx.db, call.id),
  };
}

/**
 * A call inserted in this same request, exactly as findCall would read it back: every column is
 * what was just written (the checked fields, the time, the actor). A save then answers without
 * reading the row, its items and its flags again (issue 8: ~55 µs of a ~0.9 ms save).
 * tests/unit/hotline/calls.test.ts holds the answer equal to the record read back.
 */
function insertedRecord(ctx: HandlerContext, id: number, checked: CheckedCall, at: string): CallRecord {
  const actor = requireActor(ctx);
  const f = checked.fields;
  const operatorName = f.operatorId === actor.id ? actor.displayName : findAccountById(ctx.db, f.operatorId)?.displayName;
  if (operatorName === undefined) throw notFound('call.operatorId');
  return {
    id,
    kind: f.kind,
    nonServiceTypeId: f.nonServiceTypeId,
    direction: f.direction,
    startedAt: f.startedAt,
    endedAt: f.endedAt,
    durationSec: f.durationSec,
    shiftId: f.shiftId,
    operatorId: f.operatorId,
    operatorName,
    callerTypeId: f.callerTypeId,
    gender: f.gender,
    ageGroupId: f.ageGroupId,
    districtId: f.districtId,
    phone: f.phone,
    notes: f.notes,
    serviceItemIds: checked.serviceItemIds,
    flags: checked.flags.map(({ flagId, actionTaken }) => ({ flagId, actionTaken })),
    createdAt: at,
    createdBy: actor.id,
    createdByName: actor.displayName,
    updatedAt: at,
    updatedBy: actor.id,
  };
}

function write(ctx: HandlerContext, id: number | null, checked: CheckedCall, at: string, by: number): number {
  const fresh = id === null;
  const callId = id ?? insertCall(ctx.db, checked.fields, at, by);
  if (id !== null) updateCallRow(ctx.db, id, checked.fields, at, by);
  replaceCallItems(ctx.db, callId, checked.serviceItemIds, at, by, fresh);
  replaceCallFlags(ctx.db, callId, checked.flags, at, by, fresh);
  indexCallText(ctx.db, callId, [checked.fields.notes, ...checked.flags.map((f) => f.actionTaken)]);
  return callId;
}

function ownDraft(ctx: HandlerContext, draftId: number, field: string) {
  const draft = findDraft(ctx.db, draftId);
  if (!draft || draft.ownerId !== requireActor(ctx).id) throw appError('notFound', 'hotline:errors.draftGone', { field });
  return draft;
}

/**
 * A draft becomes a call record in ONE transaction — record, items, flags, referrals,
 * follow-ups, and the draft row deleted — so a failure leaves the draft exactly as it was.
 */
export function saveCall(
  ctx: HandlerContext,
  input: { draftId: number | null; call: CallInput; referrals: ReferralInput[]; followUps: FollowUpInput[] },
): CallDetail {
  const actor = requireActor(ctx);
  const now = ctx.now();
  const saved = ctx.db.transaction(() => {
    if (input.draftId !== null) ownDraft(ctx, input.draftId, 'draftId');
    const problems = new Problems();
    const checked = checkCall(ctx.db, input.call, { kind: 'service', nonServiceTypeId: null, now, actor }, problems);
    input.referrals.forEach((r, i) => checkReferral(ctx.db, r, now, problems, `referrals.${i}.`));
    input.followUps.forEach((f, i) => checkFollowUp(ctx.db, f, problems, `followUps.${i}.`));
    problems.throwIfAny();
    const callId = write(ctx, null, checked, now, actor.id);
    for (const r of input.referrals) insertReferral(ctx.db, { callId, ...r }, now, actor.id);
    for (const f of input.followUps) insertFollowUp(ctx.db, { callId, ...f }, now, actor.id);
    if (input.draftId !== null) deleteDraft(ctx.db, input.draftId);
    audit(ctx, 'create', 'hotline_call', callId, {
      draftId: input.draftId,
      onBehalfOf: checked.fields.operatorId === actor.id ? null : checked.fields.operatorId,
      referrals: input.referrals.length,
      followUps: input.followUps.length,
    });
    return insertedRecord(ctx, callId, checked, now);
  }).immediate();
  return detailOf(ctx, saved, { referrals: input.referrals.length, followUps: input.followUps.length });
}

/**
 * Silent, prank, wrong-number and test calls in one key. If the operator had just opened a
 * call and typed nothing, that draft becomes the non-service call (its start time kept).
 */
export function quickCall(ctx: HandlerContext, input: { typeId: number; draftId: number | null }): CallDetail {
  const actor = requireActor(ctx);
  const now = ctx.now();
  const saved = ctx.db.transaction(() => {
    const draft = input.draftId !== null ? ownDraft(ctx, input.draftId, 'draftId') : null;
    const problems = new Problems();
    const call: CallInput = {
      direction: draft?.payload.direction ?? 'inbound',
      startedAt: draft?.startedAt ?? now,
      endedAt: now,
      operatorId: actor.id,
      callerTypeId: null,
      gender: null,
      ageGroupId: null,
      districtId: null,
      phone: '',
      serviceItemIds: [],
      notes: '',
      flags: [],
    };
    const checked = checkCall(ctx.db, call, { kind: 'nonService', nonServiceTypeId: input.typeId, now, actor }, problems, '');
    if (problems.list.some((p) => p.field === 'nonServiceTypeId')) throw appError('validation', 'hotline:errors.unknownRef', { field: 'typeId' });
    problems.throwIfAny();
    const callId = write(ctx, null, checked, now, actor.id);
    if (draft) deleteDraft(ctx.db, draft.id);
    audit(ctx, 'create', 'hotline_call', callId, { nonServiceTypeId: input.typeId, draftId: draft?.id ?? null });
    return insertedRecord(ctx, callId, checked, now);
  }).immediate();
  return detailOf(ctx, saved, { referrals: 0, followUps: 0 });
}

/** Opening a call is a read of a person's record: attributable. */
export function getCall(ctx: HandlerContext, id: number): CallDetail {
  const d = detail(ctx, id);
  audit(ctx, 'read', 'hotline_call', id);
  return d;
}

/** The editable content of a record, as kept in the edit history. */
function snapshot(c: CallRecord): Record<string, unknown> {
  const { id: _id, durationSec: _d, createdAt: _ca, createdBy: _cb, createdByName: _cn, updatedAt: _ua, updatedBy: _ub, ...rest } = c;
  return rest;
}

export function updateCall(ctx: HandlerContext, input: { id: number; call: CallInput }): CallDetail {
  const actor = requireActor(ctx);
  const now = ctx.now();
  ctx.db.transaction(() => {
    const before = findCall(ctx.db, input.id);
    if (!before) throw notFound('id');
    const rights = editability(ctx, before);
    if (!rights.editable) throw appError('forbidden', rights.reason ?? 'errors.forbidden');
    const problems = new Problems();
    const checked = checkCall(ctx.db, input.call, { kind: before.kind, nonServiceTypeId: before.nonServiceTypeId, existing: before, now }, problems);
    problems.throwIfAny();
    write(ctx, input.id, checked, now, actor.id);
    const after = findCall(ctx.db, input.id);
    if (!after) throw notFound('id');
    insertCallHistory(ctx.db, input.id, snapshot(before), snapshot(after), now, actor.id);
    audit(ctx, 'update', 'hotline_call', input.id);
  }).immediate();
  return detail(ctx, input.id);
}

export function callHistory(ctx: HandlerContext, id: number): CallHistoryEntry[] {
  if (!findCall(ctx.db, id)) throw notFound('id');
  audit(ctx, 'readHistory', 'hotline_call', id);
  return listCallHistory(ctx.db, id);
}
