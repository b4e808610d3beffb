import { z } from 'zod';
import {
  ACTION_MAX,
  CALL_KINDS,
  DIRECTIONS,
  GENDERS,
  MAX_EDIT_WINDOW_HOURS,
  NOTE_MAX,
  PHONE_MAX,
  REFERRAL_STATUSES,
  SHORT_TEXT_MAX,
  type CallDetail,
  type CallDraft,
  type CallHistoryEntry,
  type CallSummary,
  type FollowUp,
  type Handover,
  type HandoverSummary,
  type HotlineOverview,
  type Referral,
} from '../../domain/hotline';
import type { Role } from '../../domain/roles';
import { channel } from '../define';
import { emptyInput, idSchema, optionalText } from '../common';

const OPERATOR: readonly Role[] = ['operator'];
const STAFF: readonly Role[] = ['operator', 'supervisor'];
const SUPERVISOR: readonly Role[] = ['supervisor'];

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** A UTC instant as the app stores it; the renderer converts what people type before sending. */
export const instantSchema = z
  .string({ error: 'validation.required' })
  .regex(ISO_INSTANT, 'validation.invalidType')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'validation.invalidType');

export const dateKeySchema = z
  .string({ error: 'validation.required' })
  .regex(DATE_KEY, 'validation.invalidType')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'validation.invalidType');

const nullableId = idSchema.nullable();
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'validation.invalidChoice' });

/** Draft text is kept exactly as typed (no trim), but bounded like the saved record. */
const draftText = (max: number) => z.string({ error: 'validation.invalidType' }).max(max, 'validation.tooLong');

export const draftPayloadSchema = z
  .object({
    direction: choice(DIRECTIONS),
    startStamp: draftText(30),
    endStamp: draftText(30),
    startDate: draftText(20),
    startTime: draftText(10),
    endDate: draftText(20),
    endTime: draftText(10),
    operatorId: nullableId,
    callerTypeId: nullableId,
    gender: choice(GENDERS).nullable(),
    ageGroupId: nullableId,
    districtId: nullableId,
    phone: draftText(PHONE_MAX),
    serviceItemIds: z.array(idSchema).max(500),
    notes: draftText(NOTE_MAX),
    flags: z.array(z.object({ flagId: idSchema, actionTaken: draftText(ACTION_MAX) }).strict()).max(50),
    referrals: z
      .array(z.object({ unitId: nullableId, contactPerson: draftText(SHORT_TEXT_MAX), referredOn: draftText(20), note: draftText(ACTION_MAX) }).strict())
      .max(20),
    followUps: z
      .array(z.object({ dueDate: draftText(20), dueTime: draftText(10), ownerId: nullableId, note: draftText(ACTION_MAX) }).strict())
      .max(20),
  })
  .strict();

export const callInputSchema = z
  .object({
    direction: choice(DIRECTIONS),
    startedAt: instantSchema,
    endedAt: instantSchema,
    operatorId: idSchema,
    callerTypeId: nullableId,
    gender: choice(GENDERS).nullable(),
    ageGroupId: nullableId,
    districtId: nullableId,
    phone: optionalText(PHONE_MAX),
    serviceItemIds: z.array(idSchema).max(500),
    notes: optionalText(NOTE_MAX),
    flags: z.array(z.object({ flagId: idSchema, actionTaken: optionalText(ACTION_MAX) }).strict()).max(50),
  })
  .strict();

export const referralInputSchema = z
  .object({
    unitId: idSchema,
    contactPerson: optionalText(SHORT_TEXT_MAX),
    referredOn: dateKeySchema,
    note: optionalText(ACTION_MAX),
  })
  .strict();

export const followUpInputSchema = z
  .object({
    dueAt: instantSchema,
    ownerId: idSchema,
    note: optionalText(ACTION_MAX),
  })
  .strict();

export const searchCallsSchema = z
  .object({
    dateFrom: dateKeySchema.optional(),
    dateTo: dateKeySchema.optional(),
    /** exact instants, e.g. the shift window on the desk */
    startedFrom: instantSchema.optional(),
    startedBefore: instantSchema.optional(),
    shiftId: idSchema.optional(),
    operatorId: idSchema.optional(),
    callerTypeId: idSchema.optional(),
    serviceItemId: idSchema.optional(),
    flagId: idSchema.optional(),
    flagged: z.boolean({ error: 'validation.invalidType' }).optional(),
    referralStatus: choice(REFERRAL_STATUSES).optional(),
    kind: choice(CALL_KINDS).optional(),
    nonServiceTypeId: idSchema.optional(),
    phone: optionalText(PHONE_MAX).optional(),
    text: optionalText(200).optional(),
    page: z.number({ error: 'validation.invalidType' }).int().min(1, 'validation.tooSmall').default(1),
    pageSize: z.number({ error: 'validation.invalidType' }).int().min(1, 'validation.tooSmall').max(200, 'validation.tooBig').default(25),
  })
  .strict();

export type DraftPayloadInput = z.input<typeof draftPayloadSchema>;
export type CallInput = z.output<typeof callInputSchema>;
export type ReferralInput = z.output<typeof referralInputSchema>;
export type FollowUpInput = z.output<typeof followUpInputSchema>;
export type SearchCallsInput = z.output<typeof searchCallsSchema>;

export interface StaffMember {
  id: number;
  displayName: string;
  roles: Role[];
}

export interface HotlineSettings {
  editWindowHours: number;
}

export interface SearchCallsResult {
  rows: CallSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface RepeatCallers {
  count: number;
  calls: CallSummary[];
}

const handoverWindow = z.object({ which: choice(['current', 'previous'] as const) }).strict();

export const hotlineChannels = {
  'hotline:overview': channel<HotlineOverview>()(emptyInput, STAFF),
  'hotline:staff': channel<StaffMember[]>()(emptyInput, STAFF),
  'hotline:settings': channel<HotlineSettings>()(emptyInput, STAFF),
  'hotline:setSettings': channel<HotlineSettings>()(
    z
      .object({
        editWindowHours: z
          .number({ error: 'validation.number' })
          .int('validation.number')
          .min(0, 'validation.number')
          .max(MAX_EDIT_WINDOW_HOURS, 'validation.tooBig'),
      })
      .strict(),
    SUPERVISOR,
  ),

  'hotline:drafts': channel<CallDraft[]>()(emptyInput, OPERATOR),
  'hotline:startDraft': channel<CallDraft>()(z.object({ direction: choice(DIRECTIONS).default('inbound') }).strict(), OPERATOR),
  'hotline:saveDraft': channel<CallDraft>()(z.object({ id: idSchema, payload: draftPayloadSchema }).strict(), OPERATOR),
  'hotline:discardDraft': channel<null>()(z.object({ id: idSchema }).strict(), OPERATOR),

  'hotline:saveCall': channel<CallDetail>()(
    z
      .object({
        draftId: nullableId,
        call: callInputSchema,
        referrals: z.array(referralInputSchema).max(20).default([]),
        followUps: z.array(followUpInputSchema).max(20).default([]),
      })
      .strict(),
    OPERATOR,
  ),
  /** A non-service call (silent, prank, wrong number, test) in one key; an untouched open draft may become it. */
  'hotline:quickCall': channel<CallDetail>()(z.object({ typeId: idSchema, draftId: nullableId.default(null) }).strict(), OPERATOR),
  'hotline:getCall': channel<CallDetail>()(z.object({ id: idSchema }).strict(), STAFF),
  'hotline:updateCall': channel<CallDetail>()(z.object({ id: idSchema, call: callInputSchema }).strict(), STAFF),
  'hotline:callHistory': channel<CallHistoryEntry[]>()(z.object({ id: idSchema }).strict(), SUPERVISOR),
  'hotline:searchCalls': channel<SearchCallsResult>()(searchCallsSchema, STAFF),
  'hotline:repeatCallers': channel<RepeatCallers>()(
    z.object({ phone: optionalText(PHONE_MAX), excludeCallId: idSchema.optional() }).strict(),
    STAFF,
  ),

  'hotline:addReferral': channel<Referral>()(z.object({ callId: idSchema, referral: referralInputSchema }).strict(), STAFF),
  'hotline:setReferralStatus': channel<Referral>()(
    z.object({ id: idSchema, status: choice(REFERRAL_STATUSES), note: optionalText(ACTION_MAX) }).strict(),
    STAFF,
  ),
  'hotline:referrals': channel<(Referral & { phoneMasked: string })[]>()(
    z.object({ status: choice(REFERRAL_STATUSES).optional() }).strict(),
    STAFF,
  ),

  'hotline:addFollowUp': channel<FollowUp>()(z.object({ callId: idSchema, followUp: followUpInputSchema }).strict(), STAFF),
  'hotline:completeFollowUps': channel<FollowUp[]>()(
    z
      .object({
        ids: z
          .array(idSchema)
          .min(1, 'validation.required')
          .max(500)
          .refine((ids) => new Set(ids).size === ids.length, 'validation.duplicate'),
        outcome: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(ACTION_MAX, 'validation.tooLong'),
      })
      .strict(),
    STAFF,
  ),
  'hotline:followUps': channel<FollowUp[]>()(
    z.object({ open: z.boolean({ error: 'validation.invalidType' }).default(true), mine: z.boolean({ error: 'validation.invalidType' }).default(false) }).strict(),
    STAFF,
  ),

  'hotline:handoverPreview': channel<HandoverSummary>()(handoverWindow, STAFF),
  'hotline:saveHandover': channel<Handover>()(handoverWindow.extend({ notes: optionalText(NOTE_MAX) }).strict(), OPERATOR),
  'hotline:pendingHandover': channel<Handover | null>()(emptyInput, OPERATOR),
  'hotline:acknowledgeHandover': channel<Handover>()(z.object({ id: idSchema }).strict(), OPERATOR),
  'hotline:handovers': channel<Handover[]>()(emptyInput, STAFF),
} as const;
