/**
 * One penalty's way through the sessions: an enrolment, what happened to it (every status
 * change in lecture_enrolment_history, only transitions shared/domain/lectures.ts allows),
 * and, when the person was moved on, the next enrolment of the chain (transferred_from/_to).
 */
import type { Statement } from 'better-sqlite3';
import { canTransition, type EnrolmentStatus } from '../../shared/domain/lectures';
import type { GenContext } from './genContext';
import { dateKey, dayOf, iso, onDuty, taipeiMs, yearOf } from './genContext';
import type { LectureCalendar, PlannedSession } from './lectureCalendar';
import { Weighted, type Rng } from './rng';

const MIN = 60_000;
const DAY = 86_400_000;
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LEAVE_REASONS = Weighted.of<string>([['sick', 40], ['work', 35], ['bereavement', 8], ['official', 7], ['other', 10]]);
// Seed 004 表三 (新心小棧 consultations, 106 年): 19 / 45 / 41 / 40 / 26 / 20 / 5.
const CATEGORIES = Weighted.of<string>([['family', 19], ['work', 45], ['self-exploration', 41], ['relationship-marriage', 40], ['physical-health', 26], ['legal-case', 20], ['other', 5]]);
const CITIES = ['臺南市政府毒品危害防制中心', '屏東縣毒品危害防制中心', '臺中市政府毒品危害防制中心', '新北市政府毒品防制中心', '臺北市政府毒品危害防制中心'];

export interface Chain {
  ctx: GenContext;
  rng: Rng;
  calendar: LectureCalendar;
  nextId: number;
  codes: Set<string>;
  /** certificate serials per ROC year */
  serials: Map<number, number>;
  /** sessions each person is already in: one enrolment per person and session (UNIQUE in 0003) */
  taken: Map<number, Set<number>>;
  statements?: Record<'enrolment' | 'history' | 'leave' | 'consultation', Statement>;
}

export interface ChainStart {
  attendeeId: number;
  session: PlannedSession;
  createdMs: number;
  from: number | null;
  reason: string;
  depth: number;
}

function statements(ch: Chain): NonNullable<Chain['statements']> {
  ch.statements ??= {
    enrolment: ch.ctx.db.prepare(
      `INSERT INTO lecture_enrolments (id, session_id, attendee_id, status, status_changed_at, code, notified_at, checked_in_at, late,
         signed_out_at, left_early, completed_at, certificate_serial, transferred_from, transferred_to, city_transfer_to,
         created_at, created_by, updated_at, updated_by)
       VALUES (@id, @sessionId, @attendeeId, @status, @changedAt, @code, @notifiedAt, @checkedInAt, @late, @signedOutAt, @leftEarly,
         @completedAt, @serial, @from, @to, @city, @createdAt, @by, @changedAt, @lastBy)`,
    ),
    history: ch.ctx.db.prepare(
      `INSERT INTO lecture_enrolment_history (enrolment_id, at, by, from_status, to_status, reason, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    leave: ch.ctx.db.prepare(
      `INSERT INTO lecture_leaves (enrolment_id, reason_id, status_before, requested_on, document_received_on, note, decision, decided_at,
         decided_by, decision_note, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, '', ?, ?, ?, ?)`,
    ),
    consultation: ch.ctx.db.prepare(
      `INSERT INTO lecture_consultations (session_id, enrolment_id, category_id, note, at, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, '', ?, ?, ?, ?, ?)`,
    ),
  };
  return ch.statements;
}

function newCode(ch: Chain): string {
  for (;;) {
    let s = 'LC-';
    for (let i = 0; i < 8; i++) s += CODE_ALPHABET[ch.rng.int(32)];
    if (!ch.codes.has(s)) {
      ch.codes.add(s);
      return s;
    }
  }
}

interface Change {
  at: number;
  from: EnrolmentStatus | null;
  to: EnrolmentStatus;
  reason: string;
}

/** The enrolment being written: its columns and its history so far. */
class Enrolment {
  status: EnrolmentStatus = 'scheduled';
  last: number;
  readonly changes: Change[] = [];
  notifiedAt: number | null = null;
  checkedInAt: number | null = null;
  late = 0;
  signedOutAt: number | null = null;
  leftEarly = 0;
  completedAt: number | null = null;
  serial: string | null = null;
  to: number | null = null;
  city = '';
  leave: { reason: string; before: EnrolmentStatus; requested: number; doc: number | null; decision: 'approved' | 'refused'; decided: number } | null = null;
  consultation: { at: number; category: string } | null = null;

  constructor(
    readonly id: number,
    readonly start: ChainStart,
  ) {
    this.last = start.createdMs;
    this.changes.push({ at: start.createdMs, from: null, to: 'scheduled', reason: start.reason });
  }

  /** A moment no earlier than `ms` and after everything before it, as real clocks go. */
  at(ms: number): number {
    this.last = Math.max(ms, this.last + MIN);
    return this.last;
  }

  move(to: EnrolmentStatus, ms: number, reason = ''): number {
    if (!canTransition(this.status, to)) throw new Error(`generator bug: ${this.status} → ${to} is not allowed`);
    const at = this.at(ms);
    this.changes.push({ at, from: this.status, to, reason });
    this.status = to;
    return at;
  }
}

/** The first session of this kind from day d on with a free seat that the person is not in yet. */
export function freeSession(ch: Chain, kind: PlannedSession['kind'], d: number, attendeeId: number): PlannedSession | null {
  const taken = ch.taken.get(attendeeId);
  return ch.calendar.next(kind, d, (x) => x.enrolled < x.capacity && !taken?.has(x.id));
}

/** Moves the person to a later session of the same kind, if the calendar has one. */
function transfer(ch: Chain, e: Enrolment, ms: number, minDays: number): boolean {
  const next = freeSession(ch, e.start.session.kind, Math.max(dayOf(ms) + minDays, e.start.session.d + 1), e.start.attendeeId);
  if (!next) return false;
  const at = e.at(ms);
  e.to = writeEnrolmentChain(ch, { attendeeId: e.start.attendeeId, session: next, createdMs: at, from: e.id, reason: '', depth: e.start.depth + 1 });
  e.move('transferredSession', at);
  return true;
}

function noShow(ch: Chain, e: Enrolment, endMs: number): void {
  const rng = ch.rng;
  const marked = e.move('noShow', endMs + rng.between(1, 3) * DAY);
  const r = rng.next();
  if (r < 0.6) {
    const renotified = e.move('renotified', marked + rng.between(3, 10) * DAY);
    if (rng.chance(0.4) && transfer(ch, e, renotified + rng.between(1, 5) * DAY, rng.between(14, 45))) return;
    e.move('returned', renotified + rng.between(30, 60) * DAY);
  } else if (r < 0.9) e.move('returned', marked + rng.between(30, 60) * DAY);
}

function attend(ch: Chain, e: Enrolment, s: PlannedSession, startMs: number, endMs: number): void {
  const rng = ch.rng;
  const offset = rng.chance(0.08) ? rng.between(16, 60) : rng.between(-40, 15);
  e.checkedInAt = e.move('checkedIn', startMs + offset * MIN);
  e.late = offset > 15 ? 1 : 0;
  ch.ctx.audit(iso(e.checkedInAt), rng.pick(onDuty(ch.ctx.staff.coordinators, s.d)).id, 'checkIn', 'lecture_enrolment', e.id, { sessionId: s.id });
  if (rng.chance(0.015)) {
    noShow(ch, e, endMs);
    return;
  }
  if (rng.chance(0.02)) {
    e.signedOutAt = e.at(startMs + rng.between(60, s.hours * 60 - 30) * MIN);
    e.leftEarly = 1;
  } else if (rng.chance(0.8)) e.signedOutAt = e.at(endMs + rng.between(-5, 15) * MIN);
  if (rng.chance(0.12)) e.consultation = { at: startMs + rng.between(30, s.hours * 60) * MIN, category: CATEGORIES.pick(rng) };
  e.completedAt = e.move('completed', endMs + rng.between(10, 120) * MIN);
  const roc = yearOf(dayOf(e.completedAt)) - 1911;
  const n = (ch.serials.get(roc) ?? 0) + 1;
  ch.serials.set(roc, n);
  e.serial = `${roc}${String(n).padStart(5, '0')}`;
}

function leave(ch: Chain, e: Enrolment, s: PlannedSession, startMs: number, endMs: number): void {
  const rng = ch.rng;
  const before = e.status;
  const requested = e.move('leaveRequested', startMs - rng.between(1, 10) * DAY);
  const decided = e.at(requested + rng.between(0, 3) * DAY + rng.int(480) * MIN);
  const approved = rng.chance(0.85);
  e.leave = { reason: LEAVE_REASONS.pick(rng), before, requested, doc: rng.chance(0.8) ? requested + rng.between(0, 3) * DAY : null, decision: approved ? 'approved' : 'refused', decided };
  if (!approved) {
    e.move(before, decided);
    if (rng.chance(0.6)) attend(ch, e, s, startMs, endMs);
    else noShow(ch, e, endMs);
    return;
  }
  const waiting = e.move('toReschedule', decided);
  const r = rng.next();
  if (r < 0.9) transfer(ch, e, waiting + rng.between(1, 5) * DAY, rng.between(7, 40));
  else if (r < 0.93) {
    e.city = rng.pick(CITIES);
    e.move('transferredCity', waiting + rng.between(1, 10) * DAY);
  }
}

/** Writes the enrolment (and, first, any later enrolment it led to); returns its id. */
export function writeEnrolmentChain(ch: Chain, start: ChainStart): number {
  const rng = ch.rng;
  const s = start.session;
  s.enrolled += 1;
  const taken = ch.taken.get(start.attendeeId) ?? new Set<number>();
  taken.add(s.id);
  ch.taken.set(start.attendeeId, taken);
  const e = new Enrolment(ch.nextId++, start);
  const startMs = taipeiMs(s.d, s.start);
  const endMs = taipeiMs(s.d, s.end);
  if (start.createdMs < startMs - 2 * DAY && rng.chance(0.95)) e.notifiedAt = e.move('notified', Math.min(start.createdMs + rng.between(1, 5) * DAY, startMs - DAY));
  // Outcomes that put attendance at 85–90 % of those due, as the bureau's figures (lecturesStats.ts definitions).
  const roll = start.depth >= 3 ? 0 : rng.next();
  if (roll < 0.75) attend(ch, e, s, startMs, endMs);
  else if (roll < 0.82) leave(ch, e, s, startMs, endMs);
  else if (roll < 0.94) noShow(ch, e, endMs);
  else if (roll < 0.975) {
    if (!transfer(ch, e, startMs - rng.between(3, 15) * DAY, 7)) attend(ch, e, s, startMs, endMs);
  } else {
    e.city = rng.pick(CITIES);
    e.move('transferredCity', startMs - rng.between(2, 20) * DAY);
  }
  write(ch, e);
  return e.id;
}

function write(ch: Chain, e: Enrolment): void {
  const st = statements(ch);
  const { ctx, rng } = ch;
  const s = e.start.session;
  const coordinators = onDuty(ctx.staff.coordinators, s.d);
  const by = rng.pick(coordinators).id;
  const lastBy = rng.pick(coordinators).id;
  const t = (ms: number | null) => (ms === null ? null : iso(ms));
  const final = e.changes[e.changes.length - 1] as Change;
  st.enrolment.run({
    id: e.id,
    sessionId: s.id,
    attendeeId: e.start.attendeeId,
    status: e.status,
    changedAt: iso(final.at),
    code: newCode(ch),
    notifiedAt: t(e.notifiedAt),
    checkedInAt: t(e.checkedInAt),
    late: e.late,
    signedOutAt: t(e.signedOutAt),
    leftEarly: e.leftEarly,
    completedAt: t(e.completedAt),
    serial: e.serial,
    from: e.start.from,
    to: e.to,
    city: e.city,
    createdAt: iso(e.start.createdMs),
    by,
    lastBy,
  });
  for (const c of e.changes) {
    const who = c.from === null ? by : lastBy;
    st.history.run(e.id, iso(c.at), who, c.from, c.to, c.reason, iso(c.at), who, iso(c.at), who);
  }
  if (e.leave) {
    const l = e.leave;
    st.leave.run(e.id, ctx.ref('leaveReason', l.reason), l.before, dateKey(dayOf(l.requested)), l.doc === null ? null : dateKey(dayOf(l.doc)), l.decision, iso(l.decided), lastBy, iso(l.requested), by, iso(l.decided), lastBy);
  }
  if (e.consultation) {
    const at = iso(e.consultation.at);
    st.consultation.run(s.id, e.id, ctx.ref('counsellingCategory', e.consultation.category), at, at, lastBy, at, lastBy);
  }
}
