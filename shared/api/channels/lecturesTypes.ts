import type { EnrolmentStatus, SessionKind } from '../../domain/lectures';
import type { Figures } from '../../domain/lectureFigures';

/** Output shapes of the lectures channels (shared/api/channels/lectures.ts). */

export interface SessionSummary {
  id: number;
  seriesId: number | null;
  date: string;
  startTime: string;
  endTime: string;
  venueId: number | null;
  capacity: number;
  kind: SessionKind;
  hours: number;
  instructors: string;
  topics: string;
  note: string;
  cancelled: boolean;
  cancelReason: string;
  /** enrolments holding a seat (shared/domain/lectures.ts SEAT_HOLDING) */
  booked: number;
  statusCounts: Partial<Record<EnrolmentStatus, number>>;
}

export interface PersonFlags {
  minor: boolean;
  repeatOffender: boolean;
  needsInterpreter: boolean;
  interpreterLanguage: string;
}

export interface PendingLeave {
  leaveId: number;
  reasonId: number;
  requestedOn: string;
  documentReceivedOn: string | null;
  note: string;
}

export interface RosterRow extends PersonFlags {
  enrolmentId: number;
  attendeeId: number;
  name: string;
  maskedId: string;
  phone: string;
  drugClass: number | null;
  penaltyCount: number;
  status: EnrolmentStatus;
  statusChangedAt: string;
  notifiedAt: string | null;
  checkedInAt: string | null;
  late: boolean;
  signedOutAt: string | null;
  leftEarly: boolean;
  certificateSerial: string | null;
  cityTransferTo: string;
  /** the session the person was moved to, when transferred */
  transferredToDate: string | null;
  pendingLeave: PendingLeave | null;
  approvedLeave: boolean;
}

export interface ConsultationRow {
  id: number;
  enrolmentId: number;
  name: string;
  categoryId: number;
  note: string;
  at: string;
  byName: string;
}

export interface SessionDetail {
  session: SessionSummary;
  roster: RosterRow[];
  figures: Figures;
  consultations: ConsultationRow[];
}

export interface AttendeeSummary extends PersonFlags {
  id: number;
  name: string;
  maskedId: string;
  phone: string;
  drugClass: number | null;
  penaltyCount: number;
  issuingAgency: string;
  penaltyDocNo: string;
  /** the latest enrolment of the person, if any */
  current: { enrolmentId: number; sessionId: number; sessionDate: string; status: EnrolmentStatus } | null;
}

export interface HistoryEntry {
  at: string;
  byName: string;
  from: EnrolmentStatus | null;
  to: EnrolmentStatus;
  reason: string;
}

export interface LeaveEntry {
  id: number;
  reasonId: number;
  requestedOn: string;
  documentReceivedOn: string | null;
  note: string;
  decision: 'pending' | 'approved' | 'refused';
  decidedAt: string | null;
  decisionNote: string;
}

export interface EnrolmentRecord {
  enrolmentId: number;
  sessionId: number;
  sessionDate: string;
  startTime: string;
  endTime: string;
  venueId: number | null;
  status: EnrolmentStatus;
  code: string;
  checkedInAt: string | null;
  late: boolean;
  signedOutAt: string | null;
  leftEarly: boolean;
  certificateSerial: string | null;
  cityTransferTo: string;
  history: HistoryEntry[];
  leaves: LeaveEntry[];
}

export interface AttendeeRecord extends PersonFlags {
  id: number;
  name: string;
  nationalId: string;
  maskedId: string;
  birthDate: string | null;
  phone: string;
  address: string;
  penaltyDocNo: string;
  issuingAgency: string;
  drugClass: number | null;
  penaltyCount: number;
  note: string;
  enrolments: EnrolmentRecord[];
}

export interface ImportCellError {
  column: string;
  messageKey: string;
}

export interface ImportRowPreview {
  /** line in the file, header = 1 */
  rowNo: number;
  name: string;
  maskedId: string;
  birthDate: string | null;
  phone: string;
  drugClass: number | null;
  penaltyCount: number | null;
  /** create a person, update the one with this ID, or merged into an earlier row of the same file */
  action: 'create' | 'update' | 'merged';
  errors: ImportCellError[];
}

export interface ImportPreview {
  rows: ImportRowPreview[];
  /** columns of the file that were recognised, by our field name */
  columns: string[];
  createCount: number;
  updateCount: number;
  mergedCount: number;
  errorCount: number;
}

export interface LookupRow extends PersonFlags {
  enrolmentId: number;
  attendeeId: number;
  name: string;
  maskedId: string;
  phone: string;
  sessionId: number;
  sessionDate: string;
  startTime: string;
  status: EnrolmentStatus;
  checkedInAt: string | null;
  late: boolean;
  /** what Enter does for this row at this session's desk */
  action: 'checkIn' | 'transferIn' | 'alreadyIn' | 'none';
}

/**
 * A person the query matches who is on no roster and waiting for no session: someone who walks
 * in before their roster arrived, or after finishing or being returned to the issuing agency.
 */
export interface WalkInPerson extends PersonFlags {
  attendeeId: number;
  name: string;
  maskedId: string;
  phone: string;
  /** their latest enrolment anywhere, so the desk sees why they are on no list */
  last: { status: EnrolmentStatus; sessionDate: string } | null;
  /** 'enrolIn': Enter books them into this session and checks them in; 'none': booked or attending elsewhere */
  action: 'enrolIn' | 'none';
}

export interface LookupResult {
  matchedBy: 'code' | 'id' | 'phone' | 'name' | 'none';
  rows: LookupRow[];
  /** only when no enrolment matched: the people the query found, who are on no list (a 3+ character name, an ID or phone digits) */
  people: WalkInPerson[];
  /** the list stopped at its limit: more people may match, the desk should type more */
  capped: boolean;
}

export interface LiveCounts {
  due: number;
  checkedIn: number;
  onLeave: number;
  missing: number;
  late: number;
}

export interface CheckInBoard {
  session: SessionSummary;
  counts: LiveCounts;
  lateAfterMinutes: number;
  /** latest check-ins first */
  recent: RosterRow[];
}

export interface CheckInOutcome {
  row: RosterRow;
  /** the person came from another session and was transferred here */
  transferredFrom: { sessionId: number; sessionDate: string } | null;
  board: CheckInBoard;
}

export interface SessionFigures {
  sessionId: number;
  date: string;
  startTime: string;
  kind: SessionKind;
  venueId: number | null;
  /** on or before today; only held sessions are in the month's total */
  held: boolean;
  figures: Figures;
}

export interface FiguresReport {
  /** 'YYYY-MM' */
  month: string;
  sessions: SessionFigures[];
  /** over the held sessions */
  total: Figures;
}

export interface LectureSettings {
  lateAfterMinutes: number;
}
