/**
 * The hot queries measured by `npm run bench` (issue 8) must keep reaching big tables through
 * their indexes: a plan that scans would pass every functional test on small data and be slow
 * only after years. Each query is captured as the channel really runs it, then EXPLAINed twice:
 * with no planner statistics (a new install) and with those of the ten-year bench data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/open';
import { findCallSummaries, planSearch, type CallFilter } from '../../../electron/core/hotline/searchRepository';
import type { ChannelName, InputOf } from '../../../shared/api/contract';
import { SENDERS, type Bench } from '../../bench/benchCore';
import { dispatchOk } from '../../bench/genAccounts';
import { plansTouching, recordSql, smallBench, useTenYearStatistics } from './support';

let fixture: Awaited<ReturnType<typeof smallBench>>;
let b: Bench;
let db: Db;

beforeAll(async () => {
  fixture = await smallBench();
  b = fixture.bench;
  db = b.core.db;
}, 60_000);
afterAll(() => fixture.cleanup());

async function plansOf<C extends ChannelName>(sender: string, channel: C, payload: InputOf<C>, tables: RegExp) {
  const ran = await recordSql(db, () => dispatchOk(b.core, sender, channel, payload));
  return plansTouching(db, ran, tables);
}

const lines = (plans: { sql: string; plan: string[] }[]) => plans.flatMap((p) => p.plan.map((d) => `${d}  ←  ${p.sql.slice(0, 100)}`));

/** Full scans of a big table (a step that SCANs it without an index). */
const fullScans = (plans: { sql: string; plan: string[] }[], big: RegExp) => lines(plans).filter((l) => big.test(l) && !/USING|VIRTUAL TABLE INDEX \d+:M/.test(l));

describe.each([
  ['a new file without planner statistics', () => undefined],
  ['the planner statistics of ten years of data', () => useTenYearStatistics(db)],
])('with %s', (_label, prepare) => {
  beforeAll(() => prepare());

  describe('check-in lookup (lectures:lookup)', () => {
    const BIG = /^SCAN (lecture_attendees|a|lecture_enrolments|e|w|r|lecture_enrolment_history)\b/;
    const lookup = (query: string) => plansOf(SENDERS.coordinator, 'lectures:lookup', { sessionId: b.todaySessionId, query }, /lecture_/);
    const person = () => b.roster[0] as NonNullable<Bench['roster'][number]>;

    it('by scanned code uses the UNIQUE index on the code', async () => {
      const plans = await lookup(person().code);
      expect(fullScans(plans, BIG)).toEqual([]);
      expect(lines(plans).join('\n')).toMatch(/lecture_enrolments USING INDEX sqlite_autoindex_lecture_enrolments_1 \(code=\?\)/);
    });

    it('by national ID (whole or its start) uses the UNIQUE index on the ID, then the small waiting index', async () => {
      for (const q of [person().nationalId, person().nationalId.slice(0, 4)]) {
        const plans = await lookup(q);
        expect(fullScans(plans, BIG)).toEqual([]);
        expect(lines(plans).join('\n')).toMatch(/lecture_attendees USING COVERING INDEX sqlite_autoindex_lecture_attendees_1 \(national_id>\? AND national_id<\?\)/);
        expect(lines(plans).join('\n')).toMatch(/INDEX lecture_enrolments_waiting \(attendee_id=\?/);
      }
    });

    it('by phone uses the phone key index', async () => {
      const plans = await lookup(person().phoneKey);
      expect(fullScans(plans, BIG)).toEqual([]);
      expect(lines(plans).join('\n')).toMatch(/INDEX lecture_attendees_phone \(phone_key>\? AND phone_key<\?\)/);
    });

    it('by a name of 3+ characters uses the trigram index', async () => {
      const plans = await lookup(person().name);
      expect(fullScans(plans, BIG)).toEqual([]);
      expect(lines(plans).join('\n')).toMatch(/lecture_attendees_fts VIRTUAL TABLE INDEX \d+:M/);
    });

    it('by a 1–2 character name fragment looks only at today’s roster and the waiting enrolments, never all attendees', async () => {
      for (const q of [[...person().name][0] as string, [...person().name].slice(-2).join('')]) {
        const plans = await lookup(q);
        expect(fullScans(plans, BIG)).toEqual([]);
        const text = lines(plans).join('\n');
        expect(text).toMatch(/SCAN w USING COVERING INDEX lecture_enrolments_waiting/);
        expect(text).toMatch(/SEARCH r USING COVERING INDEX sqlite_autoindex_lecture_enrolments_3 \(session_id=\?\)/);
        expect(text).not.toMatch(/SCAN a\b/);
      }
    });

    it('someone on no list (no enrolment matched) is read by person: the latest enrolment and any booking through the attendee index', async () => {
      const done = db
        .prepare(
          `SELECT a.national_id FROM lecture_attendees a
            WHERE EXISTS (SELECT 1 FROM lecture_enrolments e WHERE e.attendee_id = a.id)
              AND NOT EXISTS (SELECT 1 FROM lecture_enrolments e WHERE e.attendee_id = a.id
                                AND e.status IN ('scheduled', 'notified', 'leaveRequested', 'checkedIn', 'toReschedule', 'noShow', 'renotified'))
            LIMIT 1`,
        )
        .pluck()
        .get() as string;
      const found = await dispatchOk(b.core, SENDERS.coordinator, 'lectures:lookup', { sessionId: b.todaySessionId, query: done });
      expect(found.people).toHaveLength(1);
      const plans = await lookup(done);
      expect(fullScans(plans, BIG)).toEqual([]);
      const text = lines(plans).join('\n');
      expect(text).toMatch(/SEARCH a USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      expect(text).toMatch(/INDEX lecture_enrolments_attendee \(attendee_id=\?/);
    });
  });

  describe('call notes search (hotline:searchCalls)', () => {
    const search = (text: string) => plansOf(SENDERS.operator, 'hotline:searchCalls', { text }, /hotline_call/);
    const ftsSteps = (plans: { sql: string; plan: string[] }[]) => lines(plans).filter((l) => /hotline_call_text VIRTUAL TABLE/.test(l));

    it('finds words of every length through the trigram index, never by reading every note', async () => {
      for (const text of ['美沙冬', '門診', '喵', '案母 咖啡包']) {
        const plans = await search(text);
        expect(fullScans(plans, /^SCAN (hotline_calls|c)\b/), text).toEqual([]);
        const steps = ftsSteps(plans);
        expect(steps.length, text).toBeGreaterThan(0);
        // M = MATCH through the index; a LIKE over the text would show L, a full read no constraint.
        for (const s of steps) expect(s, text).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
      }
    });

    it('short words are expanded through the index vocabulary (a range on its sorted terms)', async () => {
      const ran = await recordSql(db, () => dispatchOk(b.core, SENDERS.operator, 'hotline:searchCalls', { text: '門診' }));
      const vocab = plansTouching(db, ran, /hotline_call_text_vocab/);
      expect(vocab).toHaveLength(1);
      expect(vocab[0]?.plan.join(' ')).toMatch(/hotline_call_text_vocab VIRTUAL TABLE INDEX/);
    });

    it('each way of reaching the newest page has its plan: by id, walking hotline_calls_started, probing the index', async () => {
      const filter: CallFilter = { terms: ['來電'] };
      const base = planSearch(db, filter);
      for (const reach of ['byId', 'walk', 'probe'] as const) {
        const ran = await recordSql(db, () => findCallSummaries(db, filter, 25, 0, { ...base, reach }));
        const plan = lines(plansTouching(db, ran, /hotline_calls/)).join('\n');
        if (reach === 'byId') expect(plan).toMatch(/SEARCH c USING INTEGER PRIMARY KEY \(rowid=\?\)/);
        else expect(plan, reach).toMatch(/SCAN c USING INDEX hotline_calls_started/);
        if (reach === 'probe') expect(plan).toMatch(/SCAN t VIRTUAL TABLE INDEX \d+:=M/);
      }
    });
  });

  describe('done follow-ups (hotline:followUps)', () => {
    const done = (mine: boolean) => plansOf(SENDERS.operator, 'hotline:followUps', { open: false, mine }, /hotline_follow_ups/);

    it('reads the latest done ones newest first from a done-only index, never sorting every follow-up there was', async () => {
      for (const [mine, index] of [
        [false, /(SCAN|SEARCH) f USING INDEX hotline_follow_ups_done\b/],
        [true, /SEARCH f USING INDEX hotline_follow_ups_done_owner \(owner_id=\?/],
      ] as const) {
        const text = lines(await done(mine)).join('\n');
        expect(text, `mine: ${mine}`).toMatch(index);
        expect(text, `mine: ${mine}`).not.toMatch(/TEMP B-TREE|SCAN f\s*←|SCAN hotline_follow_ups\s*←/);
      }
    });
  });

  describe('annual statistics (stats:section)', () => {
    const YEAR = { kind: 'year', year: 2025 } as const;

    it('hotline: days not yet counted are counted through the covering index hotline_calls_started, then the year is read from the day counts', async () => {
      db.exec('DELETE FROM hotline_days_counted');
      const plans = await plansOf(SENDERS.supervisor, 'stats:section', { period: YEAR, section: 'hotline' }, /hotline_/);
      const steps = lines(plans).filter((l) => /\b(hotline_calls|c) (USING|$)|SEARCH c |SCAN c\b/.test(l) && !/hotline_call_items|PRIMARY KEY/.test(l));
      expect(steps.length).toBeGreaterThanOrEqual(1);
      for (const s of steps) expect(s).toMatch(/(SEARCH|SCAN) c USING COVERING INDEX hotline_calls_started \(started_at>\? AND started_at<\?\)/);
      expect(fullScans(plans, /^SCAN (hotline_calls|c|hotline_call_items|i|hotline_day_counts)\b/)).toEqual([]);
      expect(lines(plans).join('\n')).toMatch(/SEARCH hotline_day_counts USING PRIMARY KEY \(day>\? AND day<\?\)/);
      // Counted once: the next report reads the kept counts only.
      const again = await plansOf(SENDERS.supervisor, 'stats:section', { period: YEAR, section: 'hotline' }, /hotline_calls\b/);
      expect(again).toEqual([]);
    });

    it('lectures and counter: the year is read through the session date and visit date indexes', async () => {
      const lecturePlans = await plansOf(SENDERS.supervisor, 'stats:section', { period: YEAR, section: 'lectures' }, /lecture_/);
      expect(fullScans(lecturePlans, /^SCAN (lecture_sessions|s|lecture_enrolments|e|lecture_consultations|c|lecture_leaves|l)\b/)).toEqual([]);
      expect(lines(lecturePlans).join('\n')).toMatch(/lecture_sessions_date/);
      const counterPlans = await plansOf(SENDERS.supervisor, 'stats:section', { period: YEAR, section: 'counter' }, /counter_/);
      expect(fullScans(counterPlans, /^SCAN (counter_visits|v|counter_visit_topics|vt|first)\b/)).toEqual([]);
      expect(lines(counterPlans).join('\n')).toMatch(/counter_visit_topics_date_topic/);
    });
  });
});
