import type { HandlerContext } from '../context';
import { appError, fieldError, notFound } from '../errors';
import { findRefItem } from '../reference/repository';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { SessionDetail, SessionSummary } from '../../../shared/api/channels/lecturesTypes';
import { computeFigures, ZERO_COUNTS } from '../../../shared/domain/lectureFigures';
import { MAX_SERIES_DAYS, MAX_SERIES_SESSIONS, seriesDates } from '../../../shared/domain/lectureSeries';
import { addDays } from '../../../shared/lib/time';
import { actorId, activeRef, audit, changeStatus, getSession, typedDate } from './common';
import { bookedSeats, cancelSession, insertSeries, insertSession, listSessions, sessionSummary, updateSession, type SessionValues } from './sessionsRepo';
import { rosterOf, type EnrolmentRow } from './enrolmentsRepo';
import { countsForSessions } from './figuresRepo';
import { consultationsOf } from './counselling';

type SessionInput = Omit<ParsedInputOf<'lectures:createSession'>, 'date'>;

/** Checks the fields every session shares; the date is checked by the caller. */
function checkFields(ctx: HandlerContext, input: SessionInput): void {
  if (input.endTime <= input.startTime) throw fieldError('endTime', 'lectures:errors.endBeforeStart');
  if (input.venueId !== null) {
    activeRef(ctx, 'venueId', input.venueId, 'venue');
    const max = findRefItem(ctx.db, input.venueId)?.extra.capacity;
    if (typeof max === 'number' && max > 0 && input.capacity > max) {
      throw appError('validation', 'lectures:errors.overVenueCapacity', { field: 'capacity', params: { max }, fields: [{ field: 'capacity', messageKey: 'lectures:errors.overVenueCapacity', params: { max } }] });
    }
  }
}

const values = (date: string, i: SessionInput): SessionValues => ({
  date,
  startTime: i.startTime,
  endTime: i.endTime,
  venueId: i.venueId,
  capacity: i.capacity,
  kind: i.kind,
  hours: i.hours,
  instructors: i.instructors,
  topics: i.topics,
  note: i.note,
});

function summary(ctx: HandlerContext, id: number): SessionSummary {
  const s = sessionSummary(ctx.db, id);
  if (!s) throw notFound('id');
  return s;
}

export function list(ctx: HandlerContext, input: ParsedInputOf<'lectures:listSessions'>): SessionSummary[] {
  return listSessions(ctx.db, input.from, input.to, input.includeCancelled);
}

export function detail(ctx: HandlerContext, id: number): SessionDetail {
  const session = summary(ctx, id);
  const counts = countsForSessions(ctx.db, [id]).get(id) ?? ZERO_COUNTS;
  return { session, roster: rosterOf(ctx.db, id), figures: computeFigures(counts), consultations: consultationsOf(ctx.db, id) };
}

/** Opening a session shows its roster (names, IDs, phones): a read of people's records, attributable. */
export function open(ctx: HandlerContext, id: number): SessionDetail {
  const d = detail(ctx, id);
  audit(ctx, 'read', 'lecture_session', id, { roster: d.roster.length });
  return d;
}

export function create(ctx: HandlerContext, input: ParsedInputOf<'lectures:createSession'>): SessionSummary {
  const date = typedDate('date', input.date, true);
  checkFields(ctx, input);
  const by = actorId(ctx);
  const id = ctx.db.transaction(() => {
    const newId = insertSession(ctx.db, values(date, input), null, ctx.now(), by);
    audit(ctx, 'create', 'lecture_session', newId, { date });
    return newId;
  })();
  return summary(ctx, id);
}

export function createSeries(ctx: HandlerContext, input: ParsedInputOf<'lectures:createSeries'>): SessionSummary[] {
  const startDate = typedDate('startDate', input.startDate, true);
  const endDate = typedDate('endDate', input.endDate, true);
  if (endDate < startDate) throw fieldError('endDate', 'lectures:errors.endBeforeStartDate');
  if (endDate > addDays(startDate, MAX_SERIES_DAYS)) throw fieldError('endDate', 'lectures:errors.seriesTooLong');
  checkFields(ctx, input);
  const rule = { startDate, endDate, weekdays: [...new Set(input.weekdays)].sort(), weeksOfMonth: [...new Set(input.weeksOfMonth)].sort() };
  const dates = seriesDates(rule);
  if (dates.length === 0) throw fieldError('weekdays', 'lectures:errors.seriesEmpty');
  if (dates.length > MAX_SERIES_SESSIONS) throw fieldError('endDate', 'lectures:errors.seriesTooLong');
  const by = actorId(ctx);
  const ids = ctx.db.transaction(() => {
    const at = ctx.now();
    const seriesId = insertSeries(ctx.db, rule, at, by);
    const created = dates.map((d) => insertSession(ctx.db, values(d, input), seriesId, at, by));
    audit(ctx, 'createSeries', 'lecture_series', seriesId, { rule, sessions: created.length });
    return created;
  })();
  return ids.map((id) => summary(ctx, id));
}

export function update(ctx: HandlerContext, input: ParsedInputOf<'lectures:updateSession'>): SessionSummary {
  const before = getSession(ctx, input.id, 'id');
  if (before.cancelled_at) throw appError('conflict', 'lectures:errors.sessionCancelled');
  const date = typedDate('date', input.date, true);
  checkFields(ctx, input);
  ctx.db.transaction(() => {
    const booked = bookedSeats(ctx.db, input.id);
    if (input.capacity < booked) {
      throw appError('validation', 'lectures:errors.capacityBelowBooked', {
        field: 'capacity',
        params: { booked },
        fields: [{ field: 'capacity', messageKey: 'lectures:errors.capacityBelowBooked', params: { booked } }],
      });
    }
    updateSession(ctx.db, input.id, values(date, input), ctx.now(), actorId(ctx));
    audit(ctx, 'update', 'lecture_session', input.id, { before: { ...before }, after: values(date, input) });
  })();
  return summary(ctx, input.id);
}

/**
 * A cancelled session keeps its rows for the record; everyone still expected there moves to
 * 待排 (to be rescheduled). A session where people already checked in cannot be cancelled.
 */
export function cancel(ctx: HandlerContext, input: ParsedInputOf<'lectures:cancelSession'>): SessionSummary {
  const s = getSession(ctx, input.id, 'id');
  if (s.cancelled_at) throw appError('conflict', 'lectures:errors.sessionCancelled');
  ctx.db.transaction(() => {
    const rows = ctx.db.prepare('SELECT * FROM lecture_enrolments WHERE session_id = ?').all(input.id) as EnrolmentRow[];
    if (rows.some((e) => e.status === 'checkedIn' || e.status === 'completed')) throw appError('conflict', 'lectures:errors.cancelWithAttendance');
    for (const e of rows) {
      if (e.status === 'scheduled' || e.status === 'notified' || e.status === 'leaveRequested') {
        changeStatus(ctx, e, 'toReschedule', input.reason);
      }
    }
    cancelSession(ctx.db, input.id, input.reason, ctx.now(), actorId(ctx));
    audit(ctx, 'cancel', 'lecture_session', input.id, { reason: input.reason });
  })();
  return summary(ctx, input.id);
}
