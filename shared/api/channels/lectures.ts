import { z } from 'zod';
import { SESSION_KINDS } from '../../domain/lectures';
import { channel } from '../define';
import { idSchema, optionalText, requiredText } from '../common';
import type { Role } from '../../domain/roles';
import type {
  AttendeeRecord,
  AttendeeSummary,
  CheckInBoard,
  CheckInOutcome,
  ConsultationRow,
  FiguresReport,
  ImportPreview,
  LectureSettings,
  LookupResult,
  RosterRow,
  SessionDetail,
  SessionSummary,
} from './lecturesTypes';

export type * from './lecturesTypes';

// Coordinators run the lectures; supervisors may read everything (issue 4, lead's note).
const WRITE: readonly Role[] = ['coordinator'];
const READ: readonly Role[] = ['coordinator', 'supervisor'];

/** 5 MB of file; base64 is 4/3 larger. Over this, the service answers 'lectures:errors.fileTooLarge'. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_DATA_URL = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024 * 1024;

const time = z.string({ error: 'validation.required' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time');
const dateKey = z.string({ error: 'validation.required' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.invalid');
/** as typed (114/3/5, 2025-03-05 …): parsed in the service so the error lands on the field */
const typedDate = () => requiredText(20);
const optionalDate = () => optionalText(20).default('');
const ids = z.array(idSchema).min(1, 'validation.required').max(1000, 'validation.tooBig');
const int = (min: number, max: number) =>
  z.number({ error: 'validation.number' }).int('validation.number').min(min, 'validation.tooSmall').max(max, 'validation.tooBig');

const sessionFields = {
  startTime: time,
  endTime: time,
  venueId: idSchema.nullable(),
  capacity: int(1, 10_000),
  kind: z.enum(SESSION_KINDS, { error: 'validation.invalidChoice' }),
  hours: z.number({ error: 'validation.number' }).positive('validation.tooSmall').max(24, 'validation.tooBig'),
  instructors: optionalText(200).default(''),
  topics: optionalText(500).default(''),
  note: optionalText(500).default(''),
};

const attendeeFields = {
  name: requiredText(50),
  nationalId: requiredText(20),
  birthDate: optionalDate(),
  phone: optionalText(40).default(''),
  address: optionalText(200).default(''),
  penaltyDocNo: optionalText(80).default(''),
  issuingAgency: optionalText(80).default(''),
  drugClass: z.union([z.literal(3), z.literal(4)], { error: 'validation.invalidChoice' }).nullable(),
  penaltyCount: int(1, 99),
  needsInterpreter: z.boolean({ error: 'validation.invalidType' }).default(false),
  interpreterLanguage: optionalText(40).default(''),
  note: optionalText(1000).default(''),
};

const importFile = z
  .object({
    fileName: requiredText(255),
    format: z.enum(['csv', 'xlsx'], { error: 'validation.invalidChoice' }),
    /** the file as FileReader.readAsDataURL gives it: data:<type>;base64,<bytes> */
    dataUrl: z
      .string({ error: 'validation.required' })
      .min(1, 'validation.required')
      .max(MAX_DATA_URL, 'validation.tooLong')
      .regex(/^data:[\w.+/-]*;base64,[A-Za-z0-9+/]*={0,2}$/, 'validation.invalid'),
  })
  .strict();

export const lecturesChannels = {
  // sessions
  'lectures:listSessions': channel<SessionSummary[]>()(
    z.object({ from: dateKey, to: dateKey, includeCancelled: z.boolean().default(true) }).strict(),
    READ,
  ),
  'lectures:getSession': channel<SessionDetail>()(z.object({ id: idSchema }).strict(), READ),
  'lectures:createSession': channel<SessionSummary>()(z.object({ date: typedDate(), ...sessionFields }).strict(), WRITE),
  'lectures:createSeries': channel<SessionSummary[]>()(
    z
      .object({
        startDate: typedDate(),
        endDate: typedDate(),
        weekdays: z.array(int(0, 6)).min(1, 'validation.required').max(7),
        weeksOfMonth: z.array(int(1, 5)).max(5).default([]),
        ...sessionFields,
      })
      .strict(),
    WRITE,
  ),
  'lectures:updateSession': channel<SessionSummary>()(z.object({ id: idSchema, date: typedDate(), ...sessionFields }).strict(), WRITE),
  'lectures:cancelSession': channel<SessionSummary>()(z.object({ id: idSchema, reason: requiredText(300) }).strict(), WRITE),

  // attendees
  'lectures:searchAttendees': channel<AttendeeSummary[]>()(
    z
      .object({
        query: optionalText(100).default(''),
        /** only people not held by a scheduled/notified/checked-in enrolment */
        waitingOnly: z.boolean().default(false),
        limit: int(1, 500).default(100),
      })
      .strict(),
    READ,
  ),
  'lectures:getAttendee': channel<AttendeeRecord>()(z.object({ id: idSchema }).strict(), READ),
  'lectures:saveAttendee': channel<AttendeeRecord>()(z.object({ id: idSchema.optional(), ...attendeeFields }).strict(), WRITE),
  'lectures:previewImport': channel<ImportPreview>()(importFile, WRITE),
  'lectures:confirmImport': channel<{ created: number; updated: number }>()(importFile, WRITE),

  // enrolments
  'lectures:enrol': channel<SessionDetail>()(z.object({ sessionId: idSchema, attendeeIds: ids }).strict(), WRITE),
  'lectures:markNotified': channel<{ changed: number }>()(z.object({ enrolmentIds: ids }).strict(), WRITE),
  'lectures:requestLeave': channel<RosterRow>()(
    z
      .object({
        enrolmentId: idSchema,
        reasonId: idSchema,
        requestedOn: optionalDate(),
        documentReceivedOn: optionalDate(),
        note: optionalText(500).default(''),
      })
      .strict(),
    WRITE,
  ),
  'lectures:setLeaveDocument': channel<RosterRow>()(z.object({ leaveId: idSchema, documentReceivedOn: typedDate() }).strict(), WRITE),
  'lectures:decideLeave': channel<RosterRow>()(
    z
      .object({
        leaveId: idSchema,
        approve: z.boolean({ error: 'validation.required' }),
        /** when the supporting document arrives with the decision */
        documentReceivedOn: optionalDate(),
        note: optionalText(500).default(''),
      })
      .strict(),
    WRITE,
  ),
  'lectures:transferSession': channel<RosterRow>()(
    z.object({ enrolmentId: idSchema, targetSessionId: idSchema, reason: optionalText(300).default('') }).strict(),
    WRITE,
  ),
  'lectures:transferCity': channel<RosterRow>()(
    z.object({ enrolmentId: idSchema, city: requiredText(60), reason: optionalText(300).default('') }).strict(),
    WRITE,
  ),
  'lectures:markNoShows': channel<{ changed: number }>()(z.object({ sessionId: idSchema }).strict(), WRITE),
  'lectures:renotify': channel<{ changed: number }>()(z.object({ enrolmentIds: ids }).strict(), WRITE),
  'lectures:returnToAgency': channel<{ changed: number }>()(z.object({ enrolmentIds: ids, reason: optionalText(300).default('') }).strict(), WRITE),
  'lectures:complete': channel<{ changed: number }>()(z.object({ sessionId: idSchema, enrolmentIds: ids }).strict(), WRITE),

  // attendance day
  'lectures:checkInBoard': channel<CheckInBoard>()(z.object({ sessionId: idSchema }).strict(), READ),
  'lectures:lookup': channel<LookupResult>()(z.object({ sessionId: idSchema, query: optionalText(100) }).strict(), WRITE),
  'lectures:checkIn': channel<CheckInOutcome>()(
    z.object({ sessionId: idSchema, enrolmentId: idSchema, transferIn: z.boolean().default(false) }).strict(),
    WRITE,
  ),
  /** someone on no roster walks in: booked into this session and checked in, in one step */
  'lectures:enrolAndCheckIn': channel<CheckInOutcome>()(z.object({ sessionId: idSchema, attendeeId: idSchema }).strict(), WRITE),
  'lectures:undoCheckIn': channel<CheckInOutcome>()(z.object({ sessionId: idSchema, enrolmentId: idSchema }).strict(), WRITE),
  'lectures:signOut': channel<CheckInOutcome>()(z.object({ sessionId: idSchema, enrolmentId: idSchema }).strict(), WRITE),

  // counselling station, figures, settings
  'lectures:logConsultation': channel<ConsultationRow>()(
    z.object({ sessionId: idSchema, enrolmentId: idSchema, categoryId: idSchema, note: optionalText(500).default('') }).strict(),
    WRITE,
  ),
  'lectures:figures': channel<FiguresReport>()(z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.invalid') }).strict(), READ),
  'lectures:getSettings': channel<LectureSettings>()(z.object({}).strict(), READ),
  'lectures:saveSettings': channel<LectureSettings>()(z.object({ lateAfterMinutes: int(0, 240) }).strict(), WRITE),
} as const;
