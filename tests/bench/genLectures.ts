/**
 * Ten years of the drug-hazard lectures (0003_lectures.sql): people penalised once or again
 * (再犯), each penalty an enrolment with its full status history — notified, checked in
 * (some late, some leaving early), completed with a certificate; or leave (approved → 待排 →
 * 轉訓 to a later session, or refused), no-show → renotified → transferred or returned to the
 * agency, transfers to another city. Attendance lands at 80–92 % of those due (seed 004: 92 %
 * in 106 年, 79.4 % in 107 年 1 月); 新心小棧 consultations ≈ 12 % of attendees with 表三's mix.
 */
import type { GenContext } from './genContext';
import { DAYS, batched, growth, iso, onDuty, spreadOverDays, taipeiMs, yearOf } from './genContext';
import { LectureCalendar, type PlannedSession } from './lectureCalendar';
import { INTERPRETER_LANGUAGES, address, person, phone } from './people';
import { Weighted, type Rng } from './rng';
import { freeSession, writeEnrolmentChain, type Chain } from './lectureChains';

export const FULL_ATTENDEES = 200_000;

// Penalties per person over ten years: most once or twice, some again and again (≈ 2.2 within the window).
const CASES = Weighted.of<number>([[1, 36], [2, 22], [3, 14], [4, 9], [5, 6], [6, 4], [7, 3], [8, 2.5], [10, 2], [12, 1.5]]);
const AGENCIES = Weighted.of<string>([
  ['高雄市政府警察局', 55], ['高雄市政府警察局三民第一分局', 6], ['高雄市政府警察局苓雅分局', 5], ['高雄市政府警察局鳳山分局', 6],
  ['高雄市政府警察局前鎮分局', 5], ['高雄市政府警察局左營分局', 4], ['高雄市政府警察局小港分局', 4], ['高雄市政府警察局岡山分局', 3],
  ['內政部警政署保安警察第三總隊', 2], ['屏東縣政府警察局', 4], ['臺南市政府警察局', 4], ['法務部調查局南部地區機動工作站', 2],
]);

export interface Case {
  attendeeId: number;
  d: number;
  /** 1 for the first penalty, 2 for the second … */
  n: number;
}

function insertAttendees(ctx: GenContext, rng: Rng, total: number): Case[] {
  const stmt = ctx.db.prepare(
    // The repository's own columns (attendeesRepo.insertAttendee); the FTS trigger indexes the name.
    `INSERT INTO lecture_attendees (name, national_id, birth_date, phone, phone_key, address, penalty_doc_no, issuing_agency,
       drug_class, penalty_count, needs_interpreter, interpreter_language, note, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const districts = ctx.refs('district').filter((x) => x.code !== 'other-city');
  const perDay = spreadOverDays(total, growth);
  const cases: Case[] = [];
  let serial = 0;
  batched(ctx.db, 20_000, (tick) => {
    for (let d = 0; d < DAYS; d++) {
      for (let k = 0; k < (perDay[d] ?? 0); k++) {
        serial += 1;
        const p = person(rng, serial, 0.85);
        const days = [d];
        for (let n = CASES.pick(rng); days.length < n; ) {
          const next = (days[days.length - 1] as number) + rng.between(90, 540);
          if (next > DAYS - 20) break;
          days.push(next);
        }
        const last = days[days.length - 1] as number;
        const ageAtFirst = rng.chance(0.02) ? rng.between(15, 17) : Math.min(70, Math.max(18, Math.round(rng.logNormal(27, 0.3))));
        const birthMs = taipeiMs(d, 0) - (ageAtFirst * 365.25 + rng.int(365)) * 86_400_000;
        const ph = rng.chance(0.95) ? phone(rng, 0.97) : { display: '', key: '' };
        const rocYear = yearOf(last) - 1911;
        const docNo = `高市警刑字第${rocYear}${String(rng.int(1_000_000)).padStart(6, '0')}號`;
        const interpreter = p.resident && rng.chance(0.6);
        const by = rng.pick(onDuty(ctx.staff.coordinators, d)).id;
        const at = iso(taipeiMs(d, 600 + rng.int(360)));
        const updated = iso(taipeiMs(last, 600 + rng.int(360)));
        const id = Number(
          stmt.run(p.name, p.nationalId, new Date(birthMs).toISOString().slice(0, 10), ph.display, ph.key,
            rng.chance(0.9) ? address(rng, rng.pick(districts).nameZh) : '', docNo, AGENCIES.pick(rng),
            rng.chance(0.05) ? null : rng.chance(0.84) ? 3 : 4, days.length, interpreter ? 1 : 0,
            interpreter ? rng.pick(INTERPRETER_LANGUAGES) : '', rng.chance(0.02) ? '行動不便，報到時需協助' : '', at, by, updated, by).lastInsertRowid,
        );
        ctx.audit(at, by, 'create', 'lecture_attendee', id, {});
        days.forEach((day, i) => cases.push({ attendeeId: id, d: day, n: i + 1 }));
        tick();
      }
    }
  });
  return cases.sort((a, b) => a.d - b.d || a.attendeeId - b.attendeeId);
}

function sessionFor(chain: Chain, c: Case): PlannedSession | null {
  const rng = chain.rng;
  const from = c.d + rng.between(20, 50);
  const kind = c.n >= 2 && rng.chance(0.12) ? 'repeatGroup' : rng.chance(0.08) ? 'holiday' : 'weekday';
  return freeSession(chain, kind, from, c.attendeeId);
}

export function generateLectures(ctx: GenContext): { attendees: number; enrolments: number; sessions: number } {
  const rng = ctx.rng.fork(4);
  const total = Math.max(1, Math.round(FULL_ATTENDEES * ctx.scale));
  const cases = insertAttendees(ctx, rng.fork(1), total);
  // ≈ 1.15 enrolments per penalty (leave and no-show move people to later sessions).
  const calendar = new LectureCalendar(ctx, Math.round(cases.length * 1.15));
  calendar.insert(ctx);
  const chain: Chain = { ctx, rng: rng.fork(2), calendar, nextId: 1, codes: new Set(), serials: new Map(), taken: new Map() };
  batched(ctx.db, 5_000, (tick) => {
    for (const c of cases) {
      const s = sessionFor(chain, c);
      if (!s) continue;
      const createdMs = taipeiMs(Math.max(c.d + 7, s.d - rng.between(20, 45)), 540 + rng.int(480));
      writeEnrolmentChain(chain, { attendeeId: c.attendeeId, session: s, createdMs, from: null, reason: '', depth: 0 });
      tick();
    }
  });
  return { attendees: total, enrolments: chain.nextId - 1, sessions: calendar.sessions.length };
}
