import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open';
import type { HandlerContext } from '../context';
import { requireActor } from '../context';
import { appError, fieldError } from '../errors';
import { appendAudit } from '../audit/repository';
import { findRefItem } from '../reference/repository';
import { enrolmentsForPerson } from '../lectures/inquiry';
import type { InquiryEnrolment, InquiryResult } from '../../../shared/api/channels/counter';
import { maskId, validateTaiwanId } from '../../../shared/lib/taiwanId';

/**
 * Progress inquiry (進度查詢): a visitor gives their ID number, the desk sees that one
 * person's lecture enrolments. The ID is checked before anything is looked up, nothing
 * about anyone else can come back, and every look-up — found or not — is in the audit trail.
 *
 * To print the person's status slip the renderer gets a short-lived handle, never the ID:
 * print parameters are written to the audit trail, and an ID there would be one more copy.
 */
interface Handle {
  nationalId: string;
  accountId: number;
  expiresAt: number;
}

const handles = new WeakMap<Db, Map<string, Handle>>();

/** Long enough to answer and print at the desk; after that, look the person up again. */
export const INQUIRY_TTL_MS = 30 * 60_000;

const ID_ERRORS = { empty: 'validation.required', format: 'counter:errors.idFormat', checksum: 'counter:errors.idChecksum' } as const;

function enrolmentsOf(db: Db, nationalId: string): { name: string; attendeeId: number; enrolments: InquiryEnrolment[] } | null {
  const person = enrolmentsForPerson(db, nationalId);
  if (!person) return null;
  const enrolments = person.enrolments.map((e) => {
    const venue = e.venueId === null ? null : findRefItem(db, e.venueId);
    return {
      enrolmentId: e.enrolmentId,
      sessionDate: e.sessionDate,
      startTime: e.startTime,
      endTime: e.endTime,
      venue: venue ? { nameZh: venue.nameZh, nameEn: venue.nameEn } : null,
      sessionKind: e.sessionKind,
      status: e.status,
      statusChangedAt: e.statusChangedAt,
    };
  });
  return { name: person.name, attendeeId: person.attendeeId, enrolments };
}

export function inquire(ctx: HandlerContext, typedId: string): InquiryResult {
  const actor = requireActor(ctx);
  const checked = validateTaiwanId(typedId);
  if (!checked.ok) throw fieldError('nationalId', ID_ERRORS[checked.reason]);
  const nationalId = checked.value;
  const now = ctx.clock().getTime();

  const person = enrolmentsOf(ctx.db, nationalId);
  const inquiryId = randomUUID();
  const own = handles.get(ctx.db) ?? new Map<string, Handle>();
  for (const [key, h] of own) if (h.expiresAt <= now) own.delete(key);
  if (person) own.set(inquiryId, { nationalId, accountId: actor.id, expiresAt: now + INQUIRY_TTL_MS });
  handles.set(ctx.db, own);

  appendAudit(ctx.db, {
    at: ctx.now(),
    accountId: actor.id,
    action: 'read',
    entity: 'person',
    entityId: person?.attendeeId ?? null,
    details: { via: 'counter.inquiry', inquiryId, maskedId: maskId(nationalId), found: person !== null, enrolments: person?.enrolments.length ?? 0 },
  });

  return {
    inquiryId,
    maskedId: maskId(nationalId),
    found: person !== null,
    name: person?.name ?? null,
    enrolments: person?.enrolments ?? [],
  };
}

/** The person behind a handle, for their status slip: only for the account that looked them up, only while fresh. */
export function inquiryForSlip(ctx: HandlerContext, inquiryId: string): { maskedId: string; name: string; enrolments: InquiryEnrolment[] } {
  const actor = requireActor(ctx);
  const handle = handles.get(ctx.db)?.get(inquiryId);
  const expired = appError('notFound', 'counter:errors.inquiryExpired', { field: 'params.inquiryId' });
  if (!handle || handle.accountId !== actor.id || handle.expiresAt <= ctx.clock().getTime()) throw expired;
  const person = enrolmentsOf(ctx.db, handle.nationalId);
  if (!person) throw expired;
  return { maskedId: maskId(handle.nationalId), name: person.name, enrolments: person.enrolments };
}
