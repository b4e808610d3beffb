import type { HandlerContext } from '../context';
import { appError, fieldError, notFound } from '../errors';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { AttendeeRecord, AttendeeSummary, EnrolmentRecord } from '../../../shared/api/channels/lecturesTypes';
import { maskId, validateTaiwanId } from '../../../shared/lib/taiwanId';
import { normalizePhone, phoneSearchKey } from '../../../shared/lib/phone';
import { actorId, audit, today, typedDate } from './common';
import {
  attendeeSummaries,
  findAttendee,
  findAttendeeByNationalId,
  flagsOf,
  insertAttendee,
  toValues,
  updateAttendee,
  type AttendeeValues,
} from './attendeesRepo';
import { historyOf, leavesOf, type EnrolmentRow } from './enrolmentsRepo';
import { classifyQuery, findPeople } from './search';

/** Raw person fields as typed in the form or read from a roster file. */
export interface AttendeeDraft {
  name: string;
  nationalId: string;
  birthDate: string;
  phone: string;
  address: string;
  penaltyDocNo: string;
  issuingAgency: string;
  drugClass: number | null;
  penaltyCount: number;
  needsInterpreter: boolean;
  interpreterLanguage: string;
  note: string;
}

export interface DraftProblem {
  field: keyof AttendeeDraft;
  messageKey: string;
}

const ID_ERRORS = { empty: 'validation.required', format: 'lectures:errors.idFormat', checksum: 'lectures:errors.idChecksum' } as const;

/** Checks a person's fields; returns the values to store, or every problem found. */
export function checkDraft(d: AttendeeDraft, todayKey: string): { values: AttendeeValues | null; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const name = d.name.trim();
  if (name === '') problems.push({ field: 'name', messageKey: 'validation.required' });
  const id = validateTaiwanId(d.nationalId);
  if (!id.ok) problems.push({ field: 'nationalId', messageKey: ID_ERRORS[id.reason] });
  let birthDate: string | null = null;
  try {
    birthDate = typedDate('birthDate', d.birthDate, false);
    if (birthDate !== null && birthDate > todayKey) problems.push({ field: 'birthDate', messageKey: 'lectures:errors.birthInFuture' });
  } catch {
    problems.push({ field: 'birthDate', messageKey: 'lectures:errors.badDate' });
  }
  let phone = d.phone.trim();
  if (phone !== '') {
    const p = normalizePhone(phone);
    if (p.ok) phone = p.display;
    else problems.push({ field: 'phone', messageKey: 'lectures:errors.badPhone' });
  }
  if (d.drugClass !== null && d.drugClass !== 3 && d.drugClass !== 4) problems.push({ field: 'drugClass', messageKey: 'lectures:errors.drugClass' });
  if (!Number.isInteger(d.penaltyCount) || d.penaltyCount < 1 || d.penaltyCount > 99) {
    problems.push({ field: 'penaltyCount', messageKey: 'lectures:errors.penaltyCount' });
  }
  if (problems.length > 0 || !id.ok) return { values: null, problems };
  return {
    values: {
      name,
      nationalId: id.value,
      birthDate,
      phone,
      phoneKey: phone === '' ? '' : phoneSearchKey(phone),
      address: d.address.trim(),
      penaltyDocNo: d.penaltyDocNo.trim(),
      issuingAgency: d.issuingAgency.trim(),
      drugClass: d.drugClass,
      penaltyCount: d.penaltyCount,
      needsInterpreter: d.needsInterpreter,
      interpreterLanguage: d.needsInterpreter ? d.interpreterLanguage.trim() : '',
      note: d.note.trim(),
    },
    problems,
  };
}

/** The attendee list for a query; a null limit gives every match (the list's export). */
export function search(ctx: HandlerContext, input: Omit<ParsedInputOf<'lectures:searchAttendees'>, 'limit'> & { limit: number | null }): AttendeeSummary[] {
  const opts = { waitingOnly: input.waitingOnly, limit: input.limit, today: today(ctx) };
  if (input.query.trim() === '') return attendeeSummaries(ctx.db, null, opts);
  const match = findPeople(ctx.db, input.query, input.limit);
  return attendeeSummaries(ctx.db, match.attendeeIds, opts);
}

/**
 * A search from the attendees page or the enrol dialog, attributable like the hotline's. The
 * trail says what kind of query it was (name, ID, phone, code), never the ID or phone typed.
 */
export function searchAudited(ctx: HandlerContext, input: ParsedInputOf<'lectures:searchAttendees'>): AttendeeSummary[] {
  const rows = search(ctx, input);
  audit(ctx, 'search', 'lecture_attendee', null, { by: classifyQuery(input.query).by, waitingOnly: input.waitingOnly, found: rows.length });
  return rows;
}

function enrolmentRecords(ctx: HandlerContext, attendeeId: number): EnrolmentRecord[] {
  const rows = ctx.db
    .prepare(
      `SELECT e.*, s.session_date, s.start_time, s.end_time, s.venue_id FROM lecture_enrolments e
         JOIN lecture_sessions s ON s.id = e.session_id WHERE e.attendee_id = ? ORDER BY s.session_date DESC, e.id DESC`,
    )
    .all(attendeeId) as (EnrolmentRow & { session_date: string; start_time: string; end_time: string; venue_id: number | null })[];
  return rows.map((e) => ({
    enrolmentId: e.id,
    sessionId: e.session_id,
    sessionDate: e.session_date,
    startTime: e.start_time,
    endTime: e.end_time,
    venueId: e.venue_id,
    status: e.status,
    code: e.code,
    checkedInAt: e.checked_in_at,
    late: e.late === 1,
    signedOutAt: e.signed_out_at,
    leftEarly: e.left_early === 1,
    certificateSerial: e.certificate_serial,
    cityTransferTo: e.city_transfer_to,
    history: historyOf(ctx.db, e.id),
    leaves: leavesOf(ctx.db, e.id),
  }));
}

function record(ctx: HandlerContext, id: number): AttendeeRecord {
  const a = findAttendee(ctx.db, id);
  if (!a) throw notFound('id');
  return {
    id: a.id,
    name: a.name,
    nationalId: a.national_id,
    maskedId: maskId(a.national_id),
    birthDate: a.birth_date,
    phone: a.phone,
    address: a.address,
    penaltyDocNo: a.penalty_doc_no,
    issuingAgency: a.issuing_agency,
    drugClass: a.drug_class,
    penaltyCount: a.penalty_count,
    note: a.note,
    ...flagsOf(a, today(ctx)),
    enrolments: enrolmentRecords(ctx, id),
  };
}

/** The person's own record, with the full ID: every read is audited (個人資料保護法). */
export function get(ctx: HandlerContext, id: number): AttendeeRecord {
  const r = record(ctx, id);
  audit(ctx, 'read', 'lecture_attendee', id);
  return r;
}

function refuse(problems: DraftProblem[]): never {
  const fields = problems.map((p) => ({ field: p.field, messageKey: p.messageKey }));
  throw appError('validation', fields[0]?.messageKey ?? 'validation.invalid', { field: fields[0]?.field, fields });
}

export function save(ctx: HandlerContext, input: ParsedInputOf<'lectures:saveAttendee'>): AttendeeRecord {
  const { values, problems } = checkDraft(input, today(ctx));
  if (!values) refuse(problems);
  const by = actorId(ctx);
  const id = ctx.db.transaction(() => {
    const at = ctx.now();
    const sameId = findAttendeeByNationalId(ctx.db, values.nationalId);
    if (sameId && sameId.id !== input.id) throw fieldError('nationalId', 'lectures:errors.idTaken', 'conflict');
    if (input.id === undefined) {
      const newId = insertAttendee(ctx.db, values, at, by);
      audit(ctx, 'create', 'lecture_attendee', newId);
      return newId;
    }
    const before = findAttendee(ctx.db, input.id);
    if (!before) throw notFound('id');
    updateAttendee(ctx.db, input.id, values, at, by);
    const old = toValues(before);
    const changed = (Object.keys(values) as (keyof AttendeeValues)[]).filter((k) => values[k] !== old[k]);
    // The audit names the changed fields, not their values: the log must not become a copy of the data.
    audit(ctx, 'update', 'lecture_attendee', input.id, { changed });
    return input.id;
  })();
  return record(ctx, id);
}
