/**
 * Ten years of lecture sessions (場次): weekday lectures most working days, holiday sessions
 * (假日講習) on some Saturdays, repeat-offender groups (再犯成長團體) on Tuesday/Thursday
 * afternoons. Their number follows the number of enrolments the scale asks for, so each
 * session holds about as many people as a busy bureau's auditorium does.
 */
import type { SessionKind } from '../../shared/domain/lectures';
import type { GenContext } from './genContext';
import { DAYS, dateKey, hhmm, iso, onDuty, taipeiMs, weekday } from './genContext';

export interface PlannedSession {
  id: number;
  d: number;
  kind: SessionKind;
  /** minutes of the Taipei day */
  start: number;
  end: number;
  hours: number;
  venueId: number | null;
  capacity: number;
  enrolled: number;
}

/** Share of enrolments and people per session by kind. */
const KINDS: Record<SessionKind, { share: number; perSession: number; days: readonly number[]; start: number; end: number; hours: number; venue: string }> = {
  weekday: { share: 0.87, perSession: 170, days: [1, 2, 3, 4, 5], start: 540, end: 780, hours: 4, venue: 'bureau-auditorium' },
  holiday: { share: 0.08, perSession: 150, days: [6], start: 540, end: 1020, hours: 8, venue: 'bureau-auditorium' },
  repeatGroup: { share: 0.05, perSession: 40, days: [2, 4], start: 840, end: 1020, hours: 3, venue: 'sanmin-social-welfare-center' },
};

export class LectureCalendar {
  readonly sessions: PlannedSession[] = [];
  private readonly byKind = new Map<SessionKind, PlannedSession[]>();

  constructor(ctx: GenContext, enrolments: number) {
    const planned: Omit<PlannedSession, 'id'>[] = [];
    for (const [kind, k] of Object.entries(KINDS) as [SessionKind, (typeof KINDS)[SessionKind]][]) {
      const days = Array.from({ length: DAYS }, (_, d) => d).filter((d) => k.days.includes(weekday(d)));
      const wanted = Math.min(days.length, Math.max(1, Math.round((enrolments * k.share) / k.perSession)));
      // Evenly spread over the ten years, so every year has its sessions at any scale.
      for (let i = 0; i < wanted; i++) {
        const d = days[Math.floor(((i + 0.5) * days.length) / wanted)] as number;
        planned.push({ d, kind, start: k.start, end: k.end, hours: k.hours, venueId: ctx.ref('venue', k.venue), capacity: Math.ceil(k.perSession * 1.2), enrolled: 0 });
      }
    }
    planned.sort((a, b) => a.d - b.d || a.start - b.start);
    planned.forEach((p, i) => {
      const s = { id: i + 1, ...p };
      this.sessions.push(s);
      const list = this.byKind.get(s.kind) ?? [];
      list.push(s);
      this.byKind.set(s.kind, list);
    });
  }

  /** The first session of this kind on or after day d (the bureau schedules the next one with room). */
  next(kind: SessionKind, d: number): PlannedSession | null {
    const list = this.byKind.get(kind) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as PlannedSession).d < d) lo = mid + 1;
      else hi = mid;
    }
    return list[lo] ?? (kind === 'weekday' ? null : this.next('weekday', d));
  }

  insert(ctx: GenContext): void {
    const stmt = ctx.db.prepare(
      `INSERT INTO lecture_sessions (id, session_date, start_time, end_time, venue_id, capacity, kind, hours, instructors, topics, note,
         created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)`,
    );
    const rng = ctx.rng.fork(11);
    for (const s of this.sessions) {
      // Planned about two months ahead by the coordinator on duty then.
      const createdD = Math.max(0, s.d - 60);
      const by = rng.pick(onDuty(ctx.staff.coordinators, createdD)).id;
      const at = iso(taipeiMs(createdD, 600));
      const topics = s.kind === 'repeatGroup' ? '紓壓、運動、健康生活' : '法令、毒品簡介、戒治、愛滋病防治';
      stmt.run(s.id, dateKey(s.d), hhmm(s.start), hhmm(s.end), s.venueId, s.capacity, s.kind, s.hours, rng.pick(['林醫師、陳律師', '黃心理師', '張社工師、李醫師']), topics, at, by, at, by);
    }
  }

  /** Sessions that filled beyond the plan get the capacity they were run with. */
  fixCapacities(ctx: GenContext): void {
    const stmt = ctx.db.prepare('UPDATE lecture_sessions SET capacity = ? WHERE id = ?');
    for (const s of this.sessions) if (s.enrolled > s.capacity) stmt.run(Math.min(10_000, Math.ceil(s.enrolled / 10) * 10), s.id);
  }
}
