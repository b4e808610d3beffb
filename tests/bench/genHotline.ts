/**
 * Ten years of the 24-hour line (0002_hotline.sql), in the proportions of seed 004 (106 年):
 * clients and families ≈ 50.1 % of all calls, 1,055 items per 1,014 calls scaled up to
 * ~1.2 per call, 心理支持 47.11 % and 講習 17.16 % of items. Rows go in through the same
 * columns the repositories write, the notes search index (hotline_call_text) included.
 */
import { indexCallText } from '../../electron/core/hotline/callRepository';
import type { GenContext } from './genContext';
import { batched, dateKey, growth, iso, onDuty, spreadOverDays, taipeiMs, weekday } from './genContext';
import { callNotes, flagAction, followUpOutcome } from './notes';
import { phone, type Phone } from './people';
import { Weighted, type Rng } from './rng';

export const FULL_CALLS = 500_000;

// Item weights are above seed 004's shares (47.11 %, 17.16 % of items) because a call's second and
// third items are drawn among the others: the items written land on the seed's shares.
// Calls per hour of the Taipei day: quiet at night, busiest in office hours and the evening.
const HOUR_WEIGHTS = [1.2, 0.8, 0.6, 0.5, 0.4, 0.5, 0.8, 1.5, 3.5, 5.5, 6.5, 6.5, 5, 5.5, 6.5, 6.5, 6.5, 5.5, 4.5, 5, 5.5, 5, 3.5, 2];
const HOURS = new Weighted(
  HOUR_WEIGHTS.map((_, h) => h),
  HOUR_WEIGHTS,
);

// 12 % of calls need no service (silent, pranks, wrong numbers, line tests).
const NON_SERVICE_SHARE = 0.12;
const NON_SERVICE = Weighted.of<string>([['silent', 45], ['prank-harassing', 30], ['wrong-number', 20], ['test', 5]]);
// Among service calls 57 % are clients or family, i.e. 0.88 × 0.57 ≈ 50.1 % of all calls (seed 004).
const CALLERS = Weighted.of<string>([['client', 32], ['family', 25], ['public', 25], ['agency', 10], ['other', 4], ['anonymous', 4]]);
const ITEMS = Weighted.of<string>([
  ['psychological-support', 67.5], ['drug-hazard-lecture', 18.2], ['legal-consultation', 6], ['medical-treatment', 7], ['social-welfare', 3.5],
  ['employment-support', 4], ['family-support', 5], ['drug-addiction-info', 5], ['referral', 2.5], ['other', 2.73],
]);
// 1 item for most calls, up to 3: ≈ 1.36 items per service call, 600,000 items for 500,000 calls.
const ITEM_COUNT = Weighted.of<number>([[1, 70], [2, 24], [3, 6]]);
// Seed 004 圖二 (ages of clients) mapped onto the age groups of the reference data.
const CLIENT_AGES = Weighted.of<string>([['under-18', 0.6], ['age-18-29', 28.6], ['age-30-39', 29.5], ['age-40-49', 27.3], ['age-50-64', 12.5], ['age-65-plus', 1.5], ['unknown', 3]]);
const FAMILY_AGES = Weighted.of<string>([['age-30-39', 15], ['age-40-49', 25], ['age-50-64', 45], ['age-65-plus', 10], ['unknown', 5]]);
const OTHER_AGES = Weighted.of<string>([['under-18', 3], ['age-18-29', 20], ['age-30-39', 25], ['age-40-49', 22], ['age-50-64', 18], ['age-65-plus', 5], ['unknown', 7]]);
const FLAGS = Weighted.of<string>([['suicide-risk', 50], ['domestic-violence', 20], ['child-protection', 15], ['acute-danger', 15]]);
// Seed 004 表二 (referrals by unit, 106 年) for the first six; the city's other units rarely.
const UNITS = Weighted.of<string>([
  ['health-medical-treatment', 55], ['social-protection-assistance', 21], ['labor-employment-support', 190], ['aftercare-association', 2],
  ['private-welfare-charity', 15], ['halfway-house', 11], ['community-care-station', 8], ['community-mental-health-center', 8], ['kai-syuan-hospital', 10],
]);
// Residents (thousands) per district, so calls come from where people live; 其他縣市 8 %.
const DISTRICT_POPULATION: Record<string, number> = {
  fongshan: 360, sanmin: 330, zuoying: 200, nanzih: 190, cianjhen: 180, lingya: 165, siaogang: 155, gushan: 140, daliao: 110, gangshan: 96,
  renwu: 90, linyuan: 69, lujhu: 51, sinsing: 50, ciaotou: 38, meinong: 38, dashu: 40, niaosong: 44, cishan: 35, zihguan: 35, dashe: 34,
  yanchao: 29, hunei: 29, qieding: 29, alian: 28, cijin: 28, cianjin: 27, yancheng: 23, mituo: 18, yongan: 13, neimen: 13, liouguei: 12,
  shanlin: 11, tianliao: 6, jiasian: 6, taoyuan: 4, namasia: 3, maolin: 2, 'other-city': 250,
};

interface Refs {
  nonService: Map<string, number>;
  caller: Map<string, number>;
  item: Map<string, number>;
  age: Map<string, number>;
  flag: Map<string, number>;
  unit: Map<string, number>;
  shift: { morning: number; evening: number; overnight: number };
  districts: Weighted<number>;
}

function refs(ctx: GenContext): Refs {
  const map = (kind: Parameters<GenContext['refs']>[0]) => new Map(ctx.refs(kind).map((r) => [r.code, r.id]));
  const districts = ctx.refs('district');
  return {
    nonService: map('nonServiceCallType'),
    caller: map('callerType'),
    item: map('serviceItem'),
    age: map('ageGroup'),
    flag: map('riskFlag'),
    unit: map('referralUnit'),
    shift: { morning: ctx.ref('shift', 'morning'), evening: ctx.ref('shift', 'evening'), overnight: ctx.ref('shift', 'overnight') },
    districts: new Weighted(
      districts.map((d) => d.id),
      districts.map((d) => DISTRICT_POPULATION[d.code] ?? 5),
    ),
  };
}

const id = (m: Map<string, number>, code: string): number => {
  const v = m.get(code);
  if (v === undefined) throw new Error(`reference code ${code} is missing`);
  return v;
};

/** Repeat callers: most numbers call once, a few call again and again. */
class CallerPhones {
  private readonly pool: Phone[] = [];
  constructor(private readonly rng: Rng) {}
  next(): Phone {
    if (this.pool.length < 50 || this.rng.chance(0.45)) {
      const p = phone(this.rng);
      this.pool.push(p);
      return p;
    }
    return this.pool[Math.floor(this.pool.length * this.rng.next() ** 1.7)] as Phone;
  }
}

function shiftOf(r: Refs, minute: number): number {
  const m = minute % 1440;
  return m >= 420 && m < 900 ? r.shift.morning : m >= 900 && m < 1380 ? r.shift.evening : r.shift.overnight;
}

interface CallTime {
  d: number;
  minute: number;
  startMs: number;
  started: string;
  ended: string;
  created: string;
  durationSec: number;
  operator: number;
  /** who typed it in: now and then a colleague logs a call after the fact */
  writer: number;
}

function statements(ctx: GenContext) {
  const { db } = ctx;
  return {
    call: db.prepare(
      `INSERT INTO hotline_calls (kind, non_service_type_id, direction, started_at, ended_at, duration_sec, shift_id, operator_id,
         caller_type_id, gender, age_group_id, district_id, phone, phone_key, notes, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    item: db.prepare('INSERT INTO hotline_call_items (call_id, service_item_id, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)'),
    flag: db.prepare(
      'INSERT INTO hotline_call_flags (call_id, risk_flag_id, action_taken, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    referral: db.prepare(
      `INSERT INTO hotline_referrals (call_id, unit_id, contact_person, referred_on, status, note, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, '', ?, ?, '', ?, ?, ?, ?)`,
    ),
    referralHistory: db.prepare(
      `INSERT INTO hotline_referral_history (referral_id, from_status, to_status, note, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, '', ?, ?, ?, ?)`,
    ),
    followUp: db.prepare(
      `INSERT INTO hotline_follow_ups (call_id, due_at, owner_id, note, done_at, done_by, outcome, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

type Statements = ReturnType<typeof statements>;

function nonServiceCall(ctx: GenContext, rng: Rng, r: Refs, s: Statements, t: CallTime): void {
  const typeId = id(r.nonService, NON_SERVICE.pick(rng));
  const callId = Number(
    s.call.run('nonService', typeId, 'inbound', t.started, t.ended, t.durationSec, shiftOf(r, t.minute), t.operator,
      null, null, null, null, '', '', '', t.created, t.writer, t.created, t.writer).lastInsertRowid,
  );
  ctx.audit(t.created, t.writer, 'create', 'hotline_call', callId, { nonServiceTypeId: typeId, draftId: null });
}

/** Returns the number of service items written. */
function serviceCall(ctx: GenContext, rng: Rng, r: Refs, s: Statements, t: CallTime, phones: CallerPhones, endMs: number): number {
  const caller = CALLERS.pick(rng);
  const itemCodes = ITEMS.pickDistinct(rng, ITEM_COUNT.pick(rng));
  const male = caller === 'client' ? 0.85 : caller === 'family' ? 0.3 : 0.5;
  const gender = (caller === 'anonymous' && rng.chance(0.6)) || rng.chance(0.05) ? null : rng.chance(male) ? 'male' : 'female';
  const ages = caller === 'client' ? CLIENT_AGES : caller === 'family' ? FAMILY_AGES : OTHER_AGES;
  const age = caller === 'anonymous' && rng.chance(0.7) ? null : id(r.age, ages.pick(rng));
  const district = rng.chance(caller === 'anonymous' ? 0.6 : 0.12) ? null : r.districts.pick(rng);
  const ph = caller !== 'anonymous' && rng.chance(0.65) ? phones.next() : { display: '', key: '' };
  const notes = callNotes(rng, caller, itemCodes);
  const { created, writer } = t;
  const callId = Number(
    s.call.run('service', null, rng.chance(0.08) ? 'outbound' : 'inbound', t.started, t.ended, t.durationSec, shiftOf(r, t.minute), t.operator,
      id(r.caller, caller), gender, age, district, ph.display, ph.key, notes, created, writer, created, writer).lastInsertRowid,
  );
  for (const itemId of itemCodes.map((c) => id(r.item, c)).sort((a, b) => a - b)) s.item.run(callId, itemId, created, writer, created, writer);
  const actions: string[] = [];
  if (rng.chance(0.024)) {
    const flag = FLAGS.pick(rng);
    const action = flagAction(rng, flag);
    s.flag.run(callId, id(r.flag, flag), action, created, writer, created, writer);
    actions.push(action);
  }
  // Indexed by the repository's own function, so the search index is exactly what the app writes.
  indexCallText(ctx.db, callId, [notes, ...actions]);
  let referrals = 0;
  if (rng.chance(0.03)) {
    referrals = 1;
    const old = t.startMs < endMs - 60 * 86_400_000;
    const status = old ? (rng.chance(0.6) ? 'closed' : 'replied') : rng.chance(0.5) ? 'pending' : 'replied';
    const refId = Number(s.referral.run(callId, id(r.unit, UNITS.pick(rng)), dateKey(t.d), status, created, writer, created, writer).lastInsertRowid);
    s.referralHistory.run(refId, null, 'pending', created, writer, created, writer);
    if (status !== 'pending') {
      const replied = iso(t.startMs + rng.between(2, 20) * 86_400_000);
      s.referralHistory.run(refId, 'pending', 'replied', replied, writer, replied, writer);
      if (status === 'closed') s.referralHistory.run(refId, 'replied', 'closed', replied, writer, replied, writer);
    }
  }
  let followUps = 0;
  if (actions.length > 0 || rng.chance(0.08)) {
    followUps = 1;
    const dueMs = taipeiMs(t.d + rng.between(1, 3), 600);
    const owner = t.operator;
    const done = dueMs < endMs - 3 * 86_400_000 ? rng.chance(0.995) : rng.chance(0.3);
    const doneAt = done ? iso(dueMs + rng.between(-600, 600) * 60_000) : null;
    s.followUp.run(callId, iso(dueMs), owner, '回電關心近況', doneAt, done ? owner : null, done ? followUpOutcome(rng) : null, created, writer, doneAt ?? created, done ? owner : writer);
  }
  ctx.audit(created, writer, 'create', 'hotline_call', callId, { draftId: null, onBehalfOf: writer === t.operator ? null : t.operator, referrals, followUps });
  return itemCodes.length;
}

export function generateHotline(ctx: GenContext, lastDay: number): { calls: number; items: number } {
  const rng = ctx.rng.fork(3);
  const r = refs(ctx);
  const s = statements(ctx);
  const phones = new CallerPhones(rng.fork(1));
  const total = Math.max(1, Math.round(FULL_CALLS * ctx.scale));
  const perDay = spreadOverDays(total, (d) => growth(d) * (weekday(d) === 0 || weekday(d) === 6 ? 0.8 : 1));
  const endMs = taipeiMs(lastDay + 1, 0);
  let items = 0;
  let calls = 0;
  // One transaction per day, then the idle-time index upkeep the app does between calls
  // (electron/core/db/maintenance.ts): the notes index gets the shape years of use give it.
  batched(ctx.db, 1, (tick) => {
    for (let d = 0; d < perDay.length; d++) {
      // Sorted within the day, so ids follow time as they do when calls are logged as they come.
      const minutes = Array.from({ length: perDay[d] ?? 0 }, () => HOURS.pick(rng) * 60 + rng.int(60)).sort((a, b) => a - b);
      const operators = onDuty(ctx.staff.operators, d);
      for (const minute of minutes) {
        const startMs = taipeiMs(d, minute) + rng.int(60) * 1000;
        const service = !rng.chance(NON_SERVICE_SHARE);
        const operator = rng.pick(operators).id;
        const durationSec = service ? Math.min(10_800, Math.max(30, Math.round(rng.logNormal(360, 0.7)))) : Math.max(3, Math.round(rng.logNormal(25, 0.6)));
        const endedMs = startMs + durationSec * 1000;
        const t: CallTime = {
          d,
          minute,
          startMs,
          started: iso(startMs),
          ended: iso(endedMs),
          created: iso(endedMs + rng.int(120) * 1000),
          durationSec,
          operator,
          writer: rng.chance(0.05) ? rng.pick(operators).id : operator,
        };
        if (service) items += serviceCall(ctx, rng, r, s, t, phones, endMs);
        else nonServiceCall(ctx, rng, r, s, t);
        calls += 1;
      }
      tick();
      ctx.idle();
    }
  });
  return { calls, items };
}
