/**
 * Hotline call logging (issue 3): the vocabulary shared by the core, the renderer and the
 * print templates. Pick-lists (service items, caller types, flags, units, shifts) are
 * reference data; only the fixed workflow states live here.
 */

/** A note longer than this is refused (a pasted 10 MB log must not reach the database). */
export const NOTE_MAX = 20_000;
export const ACTION_MAX = 2_000;
export const SHORT_TEXT_MAX = 100;
export const PHONE_MAX = 40;
/** Operators may edit their own calls for this long unless a supervisor changes it. */
export const DEFAULT_EDIT_WINDOW_HOURS = 24;
export const MAX_EDIT_WINDOW_HOURS = 24 * 90;
/** Leeway for the desk PC's clock when checking "not in the future". */
export const CLOCK_SKEW_MS = 60_000;

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const GENDERS = ['male', 'female', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const CALL_KINDS = ['service', 'nonService'] as const;
export type CallKind = (typeof CALL_KINDS)[number];

/** 轉介中 → 已回覆 / 已結案. */
export const REFERRAL_STATUSES = ['pending', 'replied', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  pending: ['replied', 'closed'],
  replied: ['closed'],
  closed: [],
};

export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

export interface CallFlag {
  flagId: number;
  actionTaken: string;
}

/** What a saved call holds (the form's fields plus who and when). */
export interface CallRecord {
  id: number;
  kind: CallKind;
  nonServiceTypeId: number | null;
  direction: Direction;
  startedAt: string;
  endedAt: string;
  durationSec: number;
  shiftId: number | null;
  operatorId: number;
  operatorName: string;
  callerTypeId: number | null;
  gender: Gender | null;
  ageGroupId: number | null;
  districtId: number | null;
  phone: string;
  notes: string;
  serviceItemIds: number[];
  flags: CallFlag[];
  createdAt: string;
  createdBy: number;
  createdByName: string;
  updatedAt: string;
  updatedBy: number;
}

export interface ReferralStatusChange {
  id: number;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  note: string;
  at: string;
  byName: string;
}

export interface Referral {
  id: number;
  callId: number;
  unitId: number;
  contactPerson: string;
  referredOn: string;
  status: ReferralStatus;
  note: string;
  createdAt: string;
  updatedAt: string;
  history: ReferralStatusChange[];
}

export interface FollowUp {
  id: number;
  callId: number;
  dueAt: string;
  ownerId: number;
  ownerName: string;
  note: string;
  doneAt: string | null;
  doneByName: string | null;
  outcome: string | null;
  /** the call's phone, masked: enough to recognise the caller on a list */
  phoneMasked: string;
  createdAt: string;
}

export interface CallDetail {
  call: CallRecord;
  referrals: Referral[];
  followUps: FollowUp[];
  /** whether the signed-in account may change this record now (edit window or supervisor) */
  editable: boolean;
  /** until when an operator may still edit it (null for a supervisor) */
  editableUntil: string | null;
  editCount: number;
}

export interface CallSummary {
  id: number;
  kind: CallKind;
  nonServiceTypeId: number | null;
  direction: Direction;
  startedAt: string;
  durationSec: number;
  shiftId: number | null;
  operatorId: number;
  operatorName: string;
  callerTypeId: number | null;
  phoneMasked: string;
  serviceItemIds: number[];
  flagIds: number[];
  notesExcerpt: string;
  referralStatuses: ReferralStatus[];
  openFollowUps: number;
}

export interface CallHistoryEntry {
  id: number;
  at: string;
  byName: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** The open call as the form holds it: text exactly as typed, so a reload restores it exactly. */
export interface DraftReferral {
  unitId: number | null;
  contactPerson: string;
  referredOn: string;
  note: string;
}

export interface DraftFollowUp {
  dueDate: string;
  dueTime: string;
  ownerId: number | null;
  note: string;
}

export interface DraftPayload {
  direction: Direction;
  /**
   * The instants stamped by the keys (start call / end call), to the millisecond. The typed
   * date and time fields win when the operator changes them (e.g. logging after the fact).
   */
  startStamp: string;
  endStamp: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  operatorId: number | null;
  callerTypeId: number | null;
  gender: Gender | null;
  ageGroupId: number | null;
  districtId: number | null;
  phone: string;
  serviceItemIds: number[];
  notes: string;
  flags: CallFlag[];
  referrals: DraftReferral[];
  followUps: DraftFollowUp[];
}

export interface CallDraft {
  id: number;
  startedAt: string;
  payload: DraftPayload;
  createdAt: string;
  updatedAt: string;
}

export interface CountByType {
  typeId: number;
  count: number;
}

/** What a shift hands over; stored as saved, so a later print shows what was handed over. */
export interface HandoverSummary {
  windowStart: string;
  windowEnd: string;
  shiftId: number | null;
  totalCalls: number;
  serviceCalls: number;
  nonServiceCalls: number;
  /** one entry per non-service type (zero counts included), in reference order */
  nonServiceByType: CountByType[];
  openFollowUps: FollowUp[];
  pendingReferrals: (Referral & { phoneMasked: string })[];
  flaggedCalls: { id: number; startedAt: string; operatorName: string; flagIds: number[]; actions: string[] }[];
}

export interface Handover {
  id: number;
  shiftId: number | null;
  windowStart: string;
  windowEnd: string;
  summary: HandoverSummary;
  notes: string;
  createdAt: string;
  createdByName: string;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
}

/** Home-screen counters for the shift on duty. */
export interface HotlineOverview {
  shiftId: number | null;
  windowStart: string;
  windowEnd: string;
  followUpsDue: number;
  followUpsOverdue: number;
  pendingReferrals: number;
  callsThisShift: number;
}

/**
 * Hides the middle digits of a phone number on lists and prints (個人資料保護法):
 * `0912-345-678` → `0912-***-678`. Separators stay so the shape is still recognisable.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').length;
  if (digits === 0) return phone;
  const keepHead = Math.min(4, Math.max(0, digits - 6));
  const keepTail = Math.min(3, Math.max(1, digits - keepHead - 3));
  let seen = 0;
  return phone.replace(/\d/g, (d) => {
    seen += 1;
    return seen <= keepHead || seen > digits - keepTail ? d : '*';
  });
}

/** `m:ss`, or `h:mm:ss` for calls of an hour or more. */
export function formatDuration(totalSec: number): string {
  const s = Math.max(0, Math.round(totalSec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export function durationSeconds(startedAt: string, endedAt: string): number {
  return Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 1000));
}

export function emptyDraftPayload(): DraftPayload {
  return {
    direction: 'inbound',
    startStamp: '',
    endStamp: '',
    startDate: '',
    startTime: '',
    endDate: '',
    endTime: '',
    operatorId: null,
    callerTypeId: null,
    gender: null,
    ageGroupId: null,
    districtId: null,
    phone: '',
    serviceItemIds: [],
    notes: '',
    flags: [],
    referrals: [],
    followUps: [],
  };
}
