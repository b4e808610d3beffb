/**
 * The checks a call record must pass beyond its shape (which the channel schema already
 * checked): times that make sense, reference ids of the right kind, an action recorded for
 * every risk flag. Every problem is reported at its field, and nothing is written.
 */
import type { CallInput, FollowUpInput, ReferralInput } from '../../../shared/api/channels/hotline';
import { CLOCK_SKEW_MS, durationSeconds, type CallFlag, type CallKind, type CallRecord } from '../../../shared/domain/hotline';
import { currentShift } from '../../../shared/domain/shifts';
import { normalizePhone, phoneSearchKey } from '../../../shared/lib/phone';
import { taipeiDateKey } from '../../../shared/lib/time';
import type { Actor } from '../context';
import type { Db } from '../db/open';
import type { CallFields } from './callRepository';
import { activeRefs, isActiveStaff, refOfKind, type Problems } from './common';

const MAX_CALL_MS = 24 * 3_600_000;

/** Display form for a Taiwan number; other dialable numbers (6–15 digits) are kept as typed. */
export function checkPhone(phone: string): { phone: string; key: string } | null {
  if (phone === '') return { phone: '', key: '' };
  const parsed = normalizePhone(phone);
  if (parsed.ok) return { phone: parsed.display, key: parsed.value };
  const key = phoneSearchKey(phone);
  if (key.length < 6 || key.length > 15 || !/^[\d\s+\-()#.轉分機extEXT]+$/.test(phone)) return null;
  return { phone, key };
}

export interface CheckedCall {
  fields: CallFields;
  serviceItemIds: number[];
  flags: CallFlag[];
}

interface CallContext {
  kind: CallKind;
  nonServiceTypeId: number | null;
  /** the record being edited: ids it already holds stay valid even if retired since */
  existing?: CallRecord;
  now: string;
  /** who saves it, as the dispatch table read them for this request */
  actor?: Actor;
}

export function checkCall(db: Db, input: CallInput, c: CallContext, problems: Problems, prefix = 'call.'): CheckedCall {
  const at = (field: string) => `${prefix}${field}`;
  const existing = c.existing;
  const keep = new Set<number>(
    existing
      ? [existing.callerTypeId, existing.ageGroupId, existing.districtId, existing.nonServiceTypeId, ...existing.serviceItemIds, ...existing.flags.map((f) => f.flagId)].filter(
          (x): x is number => x !== null,
        )
      : [],
  );
  const now = Date.parse(c.now);
  const start = Date.parse(input.startedAt);
  const end = Date.parse(input.endedAt);
  if (start > now + CLOCK_SKEW_MS) problems.add(at('startedAt'), 'hotline:errors.startInFuture');
  if (end > now + CLOCK_SKEW_MS) problems.add(at('endedAt'), 'hotline:errors.endInFuture');
  else if (end < start) problems.add(at('endedAt'), 'hotline:errors.endBeforeStart');
  else if (end - start > MAX_CALL_MS) problems.add(at('endedAt'), 'hotline:errors.tooLongCall');

  if (input.operatorId !== existing?.operatorId && !isActiveStaff(db, input.operatorId, ['operator'], c.actor)) {
    problems.add(at('operatorId'), 'hotline:errors.notOperator');
  }

  if (c.kind === 'service') {
    if (input.callerTypeId === null) problems.add(at('callerTypeId'), 'validation.required');
    if (input.serviceItemIds.length === 0) problems.add(at('serviceItemIds'), 'hotline:errors.serviceItemRequired');
  } else if (c.nonServiceTypeId === null || !refOfKind(db, c.nonServiceTypeId, 'nonServiceCallType', keep)) {
    problems.add(at('nonServiceTypeId'), 'hotline:errors.unknownRef');
  }
  if (input.callerTypeId !== null && !refOfKind(db, input.callerTypeId, 'callerType', keep)) problems.add(at('callerTypeId'), 'hotline:errors.unknownRef');
  if (input.ageGroupId !== null && !refOfKind(db, input.ageGroupId, 'ageGroup', keep)) problems.add(at('ageGroupId'), 'hotline:errors.unknownRef');
  if (input.districtId !== null && !refOfKind(db, input.districtId, 'district', keep)) problems.add(at('districtId'), 'hotline:errors.unknownRef');

  if (new Set(input.serviceItemIds).size !== input.serviceItemIds.length) problems.add(at('serviceItemIds'), 'validation.duplicate');
  else if (input.serviceItemIds.some((id) => !refOfKind(db, id, 'serviceItem', keep))) problems.add(at('serviceItemIds'), 'hotline:errors.unknownRef');

  const seenFlags = new Set<number>();
  input.flags.forEach((f, i) => {
    if (seenFlags.has(f.flagId)) problems.add(at(`flags.${i}.flagId`), 'validation.duplicate');
    else if (!refOfKind(db, f.flagId, 'riskFlag', keep)) problems.add(at(`flags.${i}.flagId`), 'hotline:errors.unknownRef');
    if (f.actionTaken === '') problems.add(at(`flags.${i}.actionTaken`), 'hotline:errors.actionRequired');
    seenFlags.add(f.flagId);
  });

  const phone = checkPhone(input.phone);
  if (!phone) problems.add(at('phone'), 'hotline:errors.phone');

  const shift = Number.isNaN(start) ? null : currentShift(activeRefs(db, 'shift'), new Date(start));
  return {
    fields: {
      kind: c.kind,
      nonServiceTypeId: c.kind === 'nonService' ? c.nonServiceTypeId : null,
      direction: input.direction,
      startedAt: new Date(start).toISOString(),
      endedAt: new Date(end).toISOString(),
      durationSec: durationSeconds(input.startedAt, input.endedAt),
      shiftId: shift?.id ?? null,
      operatorId: input.operatorId,
      callerTypeId: input.callerTypeId,
      gender: input.gender,
      ageGroupId: input.ageGroupId,
      districtId: input.districtId,
      phone: phone?.phone ?? '',
      phoneKey: phone?.key ?? '',
      notes: input.notes,
    },
    serviceItemIds: [...input.serviceItemIds].sort((a, b) => a - b),
    flags: [...input.flags].sort((a, b) => a.flagId - b.flagId),
  };
}

export function checkReferral(db: Db, r: ReferralInput, now: string, problems: Problems, prefix: string): void {
  if (!refOfKind(db, r.unitId, 'referralUnit')) problems.add(`${prefix}unitId`, 'hotline:errors.unknownRef');
  if (r.referredOn > taipeiDateKey(now)) problems.add(`${prefix}referredOn`, 'hotline:errors.dateInFuture');
}

export function checkFollowUp(db: Db, f: FollowUpInput, problems: Problems, prefix: string): void {
  if (!isActiveStaff(db, f.ownerId, ['operator', 'supervisor'])) problems.add(`${prefix}ownerId`, 'hotline:errors.notStaff');
}
