/**
 * Between what the operator typed (kept verbatim in the draft) and what the API stores.
 * Dates are typed the way staff write them (114/3/5, 2025-03-05 …), times as 24-hour clock.
 */
import type { CallInput, FollowUpInput, ReferralInput } from '../../../../shared/api/channels/hotline';
import type { ApiError } from '../../../../shared/api/result';
import type { CallRecord, DraftFollowUp, DraftPayload, DraftReferral } from '../../../../shared/domain/hotline';
import { formatDateForLang, parseDateInput, type DateLang } from '../../../../shared/lib/rocDate';
import { toHalfWidth } from '../../../../shared/lib/text';
import { addDays, formatTime, fromTaipeiLocal, taipeiDateKey } from '../../../../shared/lib/time';

export interface FormProblem {
  field: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export interface SaveInput {
  call: CallInput;
  referrals: ReferralInput[];
  followUps: FollowUpInput[];
}

/** '9:05', '0905', '09:05' → '09:05'; null when it is no time of day. */
export function parseTimeText(text: string): string | null {
  const m = /^([01]?\d|2[0-3])[:：.]?([0-5]\d)$/.exec(toHalfWidth(text).trim());
  return m ? `${(m[1] ?? '').padStart(2, '0')}:${m[2] ?? ''}` : null;
}

function parseDate(text: string): string | null {
  const r = parseDateInput(text);
  return r.ok ? r.date : null;
}

/** The stamped instant wins while the typed fields still show its minute; a change means "this time instead". */
function instantOf(stamp: string, dateText: string, timeText: string, problems: FormProblem[], dateField: string, timeField: string, fallbackDate?: string): string | null {
  const date = dateText.trim() === '' && fallbackDate ? fallbackDate : parseDate(dateText);
  const time = parseTimeText(timeText);
  if (!date) problems.push({ field: dateField, messageKey: dateText.trim() === '' ? 'validation.required' : 'hotline:errors.dateFormat' });
  if (!time) problems.push({ field: timeField, messageKey: timeText.trim() === '' ? 'validation.required' : 'hotline:errors.timeFormat' });
  if (!date || !time) return null;
  if (stamp && taipeiDateKey(stamp) === date && formatTime(stamp) === time) return stamp;
  return fromTaipeiLocal(date, time).toISOString();
}

/** Converts the form; an end not yet stamped is stamped `now` (saving ends the call). */
export function toSaveInput(p: DraftPayload, now: Date): { ok: true; value: SaveInput } | { ok: false; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const startedAt = instantOf(p.startStamp, p.startDate, p.startTime, problems, 'startDate', 'startTime');
  let endedAt: string | null;
  if (p.endTime.trim() === '' && p.endDate.trim() === '') {
    endedAt = now.toISOString();
  } else {
    // An end date left empty means the start's day — or the next day when the end time is earlier (past midnight).
    const startDay = startedAt ? taipeiDateKey(startedAt) : undefined;
    const endTime = parseTimeText(p.endTime);
    const fallback = startDay && endTime && startedAt && endTime < formatTime(startedAt) ? addDays(startDay, 1) : startDay;
    endedAt = instantOf(p.endStamp, p.endDate, p.endTime, problems, 'endDate', 'endTime', fallback);
  }
  if (p.operatorId === null) problems.push({ field: 'operatorId', messageKey: 'validation.required' });

  const referrals = p.referrals.map((r, i) => referralInput(r, `referrals.${i}.`, problems));
  const followUps = p.followUps.map((f, i) => followUpInput(f, `followUps.${i}.`, problems));

  if (problems.length > 0 || !startedAt || !endedAt || p.operatorId === null) return { ok: false, problems };
  return {
    ok: true,
    value: {
      call: {
        direction: p.direction,
        startedAt,
        endedAt,
        operatorId: p.operatorId,
        callerTypeId: p.callerTypeId,
        gender: p.gender,
        ageGroupId: p.ageGroupId,
        districtId: p.districtId,
        phone: p.phone.trim(),
        serviceItemIds: p.serviceItemIds,
        notes: p.notes.trim(),
        flags: p.flags.map((f) => ({ flagId: f.flagId, actionTaken: f.actionTaken.trim() })),
      },
      referrals: referrals.filter((r): r is ReferralInput => r !== null),
      followUps: followUps.filter((f): f is FollowUpInput => f !== null),
    },
  };
}

/** A referral as typed; problems are reported at `prefix` + field. */
export function referralInput(r: DraftReferral, prefix: string, problems: FormProblem[]): ReferralInput | null {
  const referredOn = parseDate(r.referredOn);
  if (r.unitId === null) problems.push({ field: `${prefix}unitId`, messageKey: 'validation.required' });
  if (!referredOn) problems.push({ field: `${prefix}referredOn`, messageKey: r.referredOn.trim() === '' ? 'validation.required' : 'hotline:errors.dateFormat' });
  return r.unitId !== null && referredOn ? { unitId: r.unitId, contactPerson: r.contactPerson.trim(), referredOn, note: r.note.trim() } : null;
}

/** A follow-up as typed; problems are reported at `prefix` + field. */
export function followUpInput(f: DraftFollowUp, prefix: string, problems: FormProblem[]): FollowUpInput | null {
  const dueAt = instantOf('', f.dueDate, f.dueTime, problems, `${prefix}dueDate`, `${prefix}dueTime`);
  if (f.ownerId === null) problems.push({ field: `${prefix}ownerId`, messageKey: 'validation.required' });
  return dueAt && f.ownerId !== null ? { dueAt, ownerId: f.ownerId, note: f.note.trim() } : null;
}

/** The "end call" key: the end stamped to the millisecond, shown as date and time. */
export function stampEnd(p: DraftPayload, now: Date, lang: DateLang): DraftPayload {
  return { ...p, endStamp: now.toISOString(), endDate: formatDateForLang(now, lang, 'short'), endTime: formatTime(now) };
}

/** A new draft from main carries a Gregorian date; staff read ROC dates in the Chinese UI. */
export function localizeStart(p: DraftPayload, lang: DateLang): DraftPayload {
  return p.startStamp ? { ...p, startDate: formatDateForLang(new Date(p.startStamp), lang, 'short'), startTime: formatTime(p.startStamp) } : p;
}

/** A saved record in the same form the operator typed it in, for editing. */
export function recordToPayload(c: CallRecord, lang: DateLang): DraftPayload {
  return {
    direction: c.direction,
    startStamp: c.startedAt,
    endStamp: c.endedAt,
    startDate: formatDateForLang(new Date(c.startedAt), lang, 'short'),
    startTime: formatTime(c.startedAt),
    endDate: formatDateForLang(new Date(c.endedAt), lang, 'short'),
    endTime: formatTime(c.endedAt),
    operatorId: c.operatorId,
    callerTypeId: c.callerTypeId,
    gender: c.gender,
    ageGroupId: c.ageGroupId,
    districtId: c.districtId,
    phone: c.phone,
    serviceItemIds: c.serviceItemIds,
    notes: c.notes,
    flags: c.flags,
    referrals: [],
    followUps: [],
  };
}

/** Where the API's field names land in the form. */
function formField(apiField: string): string {
  const f = apiField.replace(/^(call|payload)\./, '');
  if (f === 'followUp.dueAt') return 'followUp.dueTime';
  if (f === 'startedAt') return 'startTime';
  if (f === 'endedAt') return 'endTime';
  return f.replace(/^followUps\.(\d+)\.dueAt$/, 'followUps.$1.dueTime');
}

export function problemsOf(error: ApiError | null): FormProblem[] {
  if (!error) return [];
  const list = error.fields?.length ? error.fields : [{ field: error.field ?? '', messageKey: error.messageKey, params: error.params }];
  return list.map((f) => ({ field: formField(f.field), messageKey: f.messageKey, params: f.params ?? error.params }));
}
