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

/**
 * Share of enrolments by kind, people per session, the days and times (minutes) sessions are held,
 * and the venue. A session takes at most its venue's seats (lectures:createSession refuses more).
 */
const KINDS: Record<SessionKind, { share: number; perSession: number; days: readonly number[]; times: readonly [number, number][]; hours: number; venue: string }> = {
  weekday: { share: 0.87, perSession: 100, days: [1, 2, 3, 4, 5], times: [[540, 780], [840, 1080]], hours: 4, venue: 'bureau-auditorium' },
  holiday: { share: 0.08, perSession: 100, days: [6], times: [[540, 1020]], hours: 8, venue: 'bureau-auditorium' },
  repeatGroup: { share: 0.05, perSession: 40, days: [2, 4], times: [[840, 1020]], hours: 3, venue: 'sanmin-social-welfare-center' },
};

export class LectureCalendar {
  readonly sessions: PlannedSession[] = [];
  private readonly byKind = new Map<SessionKind, PlannedSession[]>();

  constructor(ctx: GenContext, enrolments: number) {
    const seats = new Map(ctx.refs('venue').map((v) => [v.id, 0]));
    for (const row of ctx.db.prepare("SELECT id, json_extract(extra, '$.capacity') AS capacity FROM ref_items WHERE kind = 'venue'").all() as { id: number; capacity: number | null }[]) {
      seats.set(row.id, row.capacity ?? 0);
    }
    const planned: Omit<PlannedSession, 'id'>[] = [];
    for (const [kind, k] of Object.entries(KINDS) as [SessionKind, (typeof KINDS)[SessionKind]][]) {
      const slots = Array.from({ length: DAYS }, (_, d) => d)
        .filter((d) => k.days.includes(weekday(d)))
        .flatMap((d) => k.times.map(([start, end]) => ({ d, start, end })));
      const wanted = Math.min(slots.length, Math.max(1, Math.round((enrolments * k.share) / k.perSession)));
      const venueId = ctx.ref('venue', k.venue);
      // Evenly spread over the ten years, so every year has its sessions at any scale.
      for (let i = 0; i < wanted; i++) {
        const slot = slots[Math.floor(((i + 0.5) * slots.length) / wanted)] as { d: number; start: number; end: number };
        planned.push({ ...slot, kind, hours: k.hours, venueId, capacity: seats.get(venueId) || k.perSession, enrolled: 0 });
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

  /**
   * The first session of this kind on or after day d that `ok` accepts (the bureau books the
   * next one with a free seat); holiday and group sessions fall back to weekday ones.
   */
  next(kind: SessionKind, d: number, ok: (s: PlannedSession) => boolean = () => true): PlannedSession | null {
    const list = this.byKind.get(kind) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as PlannedSession).d < d) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length; i++) if (ok(list[i] as PlannedSession)) return list[i] as PlannedSession;
    return kind === 'weekday' ? null : this.next('weekday', d, ok);
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

}
