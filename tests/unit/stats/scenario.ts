/**
 * A known month of work (March 2025), entered THROUGH THE API as the staff would: an
 * operator logs calls, a coordinator runs sessions, the counter logs visits. The statistics
 * tests then check every cell against figures worked out by hand in the comments here.
 */
import { checkDigitFor } from '../../../shared/lib/taiwanId';
import { fromTaipeiLocal } from '../../../shared/lib/time';
import type { RefItem, RefKind } from '../../../shared/domain/reference';
import type { Lang } from '../../../shared/api/common';
import type { StatsSection, StatsSectionResult } from '../../../shared/api/channels/stats';
import { tableMatrix, textOf, type ReportTable } from '../../../shared/domain/reportTable';
import type { Period } from '../../../shared/domain/statsPeriod';
import { translatorFor } from '../../../shared/i18n';
import { okValue, type TestCore } from '../../support/core';

export const OP1 = '陳小明';
export const OP2 = '林小華';

/** The instant Taipei clocks show 'YYYY-MM-DD HH:mm'. */
export const at = (local: string): Date => {
  const [d, t] = local.split(' ') as [string, string];
  return fromTaipeiLocal(d, t);
};
const iso = (local: string) => at(local).toISOString();

export interface Scenario {
  ref: (kind: RefKind, code: string) => RefItem;
  topics: { id: number; titleZh: string }[];
}

export async function references(t: TestCore): Promise<Scenario['ref']> {
  const all = okValue(await t.call('admin', 'reference:all', {}));
  return (kind, code) => {
    const item = all[kind].find((i) => i.code === code);
    if (!item) throw new Error(`no ${kind} ${code}`);
    return item;
  };
}

/** Hotline calls of March 2025 (plus one on 28 Feb that must not count). */
async function hotline(t: TestCore, ref: Scenario['ref']): Promise<void> {
  const o1 = await t.signInAs('op1', ['operator'], { loginName: 'op1', displayName: OP1 });
  const o2 = await t.signInAs('op2', ['operator'], { loginName: 'op2', displayName: OP2 });
  const item = (code: string) => ref('serviceItem', code).id;
  const call = async (
    sender: 'op1' | 'op2',
    from: string,
    to: string,
    caller: string,
    district: string | null,
    items: string[],
    extra: { referrals?: { unit: string; on: string }[]; followUpDue?: string; direction?: 'inbound' | 'outbound' } = {},
  ) =>
    okValue(
      await t.call(sender, 'hotline:saveCall', {
        draftId: null,
        call: {
          direction: extra.direction ?? 'inbound',
          startedAt: iso(from),
          endedAt: iso(to),
          operatorId: sender === 'op1' ? o1.id : o2.id,
          callerTypeId: ref('callerType', caller).id,
          gender: null,
          ageGroupId: null,
          districtId: district ? ref('district', district).id : null,
          phone: '',
          serviceItemIds: items.map(item),
          notes: '',
          flags: [],
        },
        referrals: (extra.referrals ?? []).map((r) => ({ unitId: ref('referralUnit', r.unit).id, contactPerson: '', referredOn: r.on, note: '' })),
        followUps: extra.followUpDue ? [{ dueAt: iso(extra.followUpDue), ownerId: sender === 'op1' ? o1.id : o2.id, note: '' }] : [],
      }),
    );

  t.clock.now = at('2025-03-01 01:00');
  await call('op1', '2025-02-28 23:59', '2025-03-01 00:05', 'client', 'sanmin', ['psychological-support'], { referrals: [{ unit: 'halfway-house', on: '2025-02-28' }] });
  await call('op1', '2025-03-01 00:00', '2025-03-01 00:10', 'client', 'sanmin', ['psychological-support', 'drug-hazard-lecture']);

  t.clock.now = at('2025-03-05 23:55');
  await call('op1', '2025-03-03 16:00', '2025-03-03 16:05', 'family', 'sanmin', ['psychological-support']);
  const c3 = await call('op2', '2025-03-05 23:30', '2025-03-05 23:50', 'client', 'lingya', ['psychological-support', 'medical-treatment', 'referral'], {
    referrals: [{ unit: 'health-medical-treatment', on: '2025-03-05' }],
    followUpDue: '2025-03-06 10:00',
  });

  t.clock.now = at('2025-03-06 09:00');
  okValue(await t.call('op2', 'hotline:completeFollowUps', { ids: c3.followUps.map((f) => f.id), outcome: '已回電' }));

  t.clock.now = at('2025-03-10 22:30');
  await call('op2', '2025-03-10 02:15', '2025-03-10 02:20', 'public', null, ['drug-hazard-lecture']);
  okValue(await t.call('op1', 'hotline:quickCall', { typeId: ref('nonServiceCallType', 'silent').id, draftId: null }));

  t.clock.now = at('2025-03-15 10:35');
  const c5 = await call('op1', '2025-03-15 10:00', '2025-03-15 10:30', 'agency', 'fongshan', ['legal-consultation', 'referral'], {
    referrals: [
      { unit: 'labor-employment-support', on: '2025-03-15' },
      { unit: 'social-protection-assistance', on: '2025-03-15' },
    ],
    followUpDue: '2025-03-16 10:00',
  });

  t.clock.now = at('2025-03-17 11:00');
  okValue(await t.call('op1', 'hotline:completeFollowUps', { ids: c5.followUps.map((f) => f.id), outcome: '已回電（晚了一天）' }));
  const health = c3.referrals[0];
  const social = c5.referrals.find((r) => r.unitId === ref('referralUnit', 'social-protection-assistance').id);
  if (!health || !social) throw new Error('referrals missing');
  okValue(await t.call('op2', 'hotline:setReferralStatus', { id: health.id, status: 'replied', note: '' }));
  okValue(await t.call('op1', 'hotline:setReferralStatus', { id: social.id, status: 'replied', note: '' }));
  okValue(await t.call('op1', 'hotline:setReferralStatus', { id: social.id, status: 'closed', note: '' }));

  t.clock.now = at('2025-03-20 14:05');
  await call('op1', '2025-03-20 14:00', '2025-03-20 14:02', 'anonymous', null, ['other'], { followUpDue: '2025-03-25 10:00' });

  t.clock.now = at('2025-03-31 15:30');
  okValue(await t.call('op2', 'hotline:quickCall', { typeId: ref('nonServiceCallType', 'wrong-number').id, draftId: null }));

  t.clock.now = at('2025-03-31 16:00');
  await call('op2', '2025-03-31 12:00', '2025-03-31 12:10', 'family', 'sanmin', ['psychological-support', 'family-support'], {
    followUpDue: '2025-03-31 20:00',
    direction: 'outbound',
  });
}

/** A valid national ID from a serial: A1 + a 7-digit serial, with its check digit. */
const nationalId = (n: number) => {
  const first9 = `A1${String(2340000 + n).padStart(7, '0')}`;
  return first9 + checkDigitFor(first9);
};

/** Lecture sessions of March 2025 (and one in April), worked through from booking to counselling. */
async function lectures(t: TestCore, ref: Scenario['ref']): Promise<void> {
  await t.signInAs('coord', ['coordinator'], { loginName: 'coord', displayName: '講習承辦' });
  const c = <T>(r: Promise<import('../../../shared/api/result').Result<T>>) => r.then(okValue);
  t.clock.now = at('2025-03-01 09:00');
  const venue = ref('venue', 'bureau-auditorium').id;
  const session = (date: string, kind: 'weekday' | 'holiday' | 'repeatGroup') =>
    c(t.call('coord', 'lectures:createSession', { date, startTime: '09:00', endTime: '13:00', venueId: venue, capacity: 30, kind, hours: 4 }));
  const s1 = await session('2025-03-08', 'holiday');
  const s2 = await session('2025-03-12', 'weekday');
  const s3 = await session('2025-03-20', 'repeatGroup');
  const s4 = await session('2025-04-02', 'weekday');
  const s5 = await session('2025-03-28', 'weekday');

  const people: number[] = [];
  for (let i = 1; i <= 12; i += 1) {
    const a = await c(
      t.call('coord', 'lectures:saveAttendee', { name: `受講人${i}`, nationalId: nationalId(i), birthDate: '1990-01-01', drugClass: 3, penaltyCount: i >= 11 ? 2 : 1 }),
    );
    people.push(a.id);
  }
  const p = (i: number) => people[i - 1] as number;
  const enrol = async (sessionId: number, who: number[]) => {
    const d = await c(t.call('coord', 'lectures:enrol', { sessionId, attendeeIds: who.map(p) }));
    return (i: number) => {
      const row = d.roster.find((r) => r.attendeeId === p(i));
      if (!row) throw new Error(`attendee ${i} not enrolled`);
      return row.enrolmentId;
    };
  };
  const e1 = await enrol(s1.id, [1, 2, 3, 4, 5]);
  const e2 = await enrol(s2.id, [6, 7, 8, 9]);
  const e3 = await enrol(s3.id, [11, 12]);
  await enrol(s5.id, [10]);
  okValue(await t.call('coord', 'lectures:cancelSession', { id: s5.id, reason: '颱風停班' }));

  // A4: leave approved (with the LINE photo), then moved to April. A5: moved to April without leave.
  const leave = await c(t.call('coord', 'lectures:requestLeave', { enrolmentId: e1(4), reasonId: ref('leaveReason', 'sick').id, requestedOn: '', documentReceivedOn: '', note: '' }));
  if (!leave.pendingLeave) throw new Error('no pending leave');
  await c(t.call('coord', 'lectures:decideLeave', { leaveId: leave.pendingLeave.leaveId, approve: true, documentReceivedOn: '114/3/1', note: '' }));
  await c(t.call('coord', 'lectures:transferSession', { enrolmentId: e1(4), targetSessionId: s4.id, reason: '請假改期' }));
  await c(t.call('coord', 'lectures:transferSession', { enrolmentId: e1(5), targetSessionId: s4.id, reason: '工作' }));
  // A9: asked for leave, not decided yet.
  await c(t.call('coord', 'lectures:requestLeave', { enrolmentId: e2(9), reasonId: ref('leaveReason', 'work').id, requestedOn: '', documentReceivedOn: '', note: '' }));

  const category = (code: string) => ref('counsellingCategory', code).id;
  t.clock.now = at('2025-03-08 09:05');
  for (const i of [1, 2]) await c(t.call('coord', 'lectures:checkIn', { sessionId: s1.id, enrolmentId: e1(i), transferIn: false }));
  await c(t.call('coord', 'lectures:markNoShows', { sessionId: s1.id }));
  await c(t.call('coord', 'lectures:logConsultation', { sessionId: s1.id, enrolmentId: e1(1), categoryId: category('work') }));
  await c(t.call('coord', 'lectures:logConsultation', { sessionId: s1.id, enrolmentId: e1(2), categoryId: category('family') }));

  t.clock.now = at('2025-03-12 09:10');
  for (const i of [6, 7, 8]) await c(t.call('coord', 'lectures:checkIn', { sessionId: s2.id, enrolmentId: e2(i), transferIn: false }));
  await c(t.call('coord', 'lectures:markNoShows', { sessionId: s2.id }));
  await c(t.call('coord', 'lectures:logConsultation', { sessionId: s2.id, enrolmentId: e2(6), categoryId: category('work') }));

  t.clock.now = at('2025-03-20 09:02');
  await c(t.call('coord', 'lectures:checkIn', { sessionId: s3.id, enrolmentId: e3(11), transferIn: false }));
  await c(t.call('coord', 'lectures:markNoShows', { sessionId: s3.id }));
  await c(t.call('coord', 'lectures:logConsultation', { sessionId: s3.id, enrolmentId: e3(11), categoryId: category('self-exploration') }));
}

/** Counter visits of March 2025 (and one on 28 Feb). */
async function counter(t: TestCore, ref: Scenario['ref'], topics: number[]): Promise<void> {
  await t.signInAs('desk', ['counter'], { loginName: 'desk', displayName: '櫃台' });
  const [t1, t2, t3] = topics as [number, number, number];
  const visit = async (when: string, input: { topicIds: number[]; lang: 'zh-TW' | 'en'; outcome: 'answered' | 'referred' | 'followUp'; unitId?: number | null; satisfaction?: number | null; note?: string }) => {
    t.clock.now = at(when);
    okValue(await t.call('desk', 'counter:logVisit', { unitId: null, satisfaction: null, note: '', ...input }));
  };
  await visit('2025-02-28 17:00', { topicIds: [t1], lang: 'zh-TW', outcome: 'answered', satisfaction: 1 });
  await visit('2025-03-03 10:00', { topicIds: [t1, t2], lang: 'zh-TW', outcome: 'answered', satisfaction: 5 });
  await visit('2025-03-03 11:00', { topicIds: [t2], lang: 'zh-TW', outcome: 'referred', unitId: ref('guidanceUnit', 'counselling-lecture').id, satisfaction: 4 });
  await visit('2025-03-10 15:00', { topicIds: [t1], lang: 'en', outcome: 'answered' });
  await visit('2025-03-20 09:00', { topicIds: [], lang: 'zh-TW', outcome: 'followUp', note: '詢問停車位置', satisfaction: 3 });
  await visit('2025-03-31 15:50', { topicIds: [t3, t1], lang: 'en', outcome: 'referred', unitId: ref('referralUnit', 'health-medical-treatment').id, satisfaction: 4 });
}

/**
 * Enters everything and leaves the clock at 2025-03-31 16:00 Taipei (so the March 31 20:00
 * follow-up is not due yet). The supervisor's window is 'admin'.
 */
export async function enterMarch2025(t: TestCore): Promise<Scenario> {
  t.clock.now = at('2025-02-20 09:00');
  await t.setupSupervisor('admin');
  const ref = await references(t);
  const published = okValue(await t.call('admin', 'counter:searchTopics', { query: '' }));
  const topics = published.slice(0, 3).map((h) => ({ id: h.id, titleZh: h.titleZh }));
  if (topics.length < 3) throw new Error('the seed has fewer than 3 guidance topics');
  await hotline(t, ref);
  await lectures(t, ref);
  await counter(
    t,
    ref,
    topics.map((x) => x.id),
  );
  t.clock.now = at('2025-03-31 16:00');
  return { ref, topics };
}

export const MARCH: Period = { kind: 'month', year: 2025, month: 3 };

/**
 * March's 來電者身分 table, worked out by hand from the calls above: 9 calls, so each is 1/9 and
 * the tenth left over goes to the first of the largest remainders (個案本人).
 */
export const MARCH_CALLER_TYPES: readonly (readonly string[])[] = [
  ['來電者身分', '通數', '百分比'],
  ['個案本人', '2', '22.3%'],
  ['家屬', '2', '22.2%'],
  ['一般民眾', '1', '11.1%'],
  ['網絡單位/機關', '1', '11.1%'],
  ['其他', '0', '0.0%'],
  ['匿名', '1', '11.1%'],
  ['非服務來電（無聲、騷擾、打錯等）', '2', '22.2%'],
  ['總計', '9', '100.0%'],
];

const zh = translatorFor('zh-TW');
const en = translatorFor('en');

export interface MarchReport {
  scenario: Scenario;
  table(id: string): ReportTable;
  /** a table as the screen shows it, header row first */
  cells(id: string, lang?: Lang): string[][];
  summary(section: StatsSection): string[];
}

/** March entered, every section of its statistics computed once, and readers of its tables. */
export async function marchReport(t: TestCore): Promise<MarchReport> {
  const scenario = await enterMarch2025(t);
  const sections = new Map<StatsSection, StatsSectionResult>();
  for (const section of ['hotline', 'lectures', 'counter', 'trends'] as const) {
    sections.set(section, okValue(await t.call('admin', 'stats:section', { period: MARCH, section })));
  }
  const table = (id: string): ReportTable => {
    const found = sections.get(id.split('.')[0] as StatsSection)?.tables.find((x) => x.id === id);
    if (!found) throw new Error(`no table ${id}`);
    return found;
  };
  return {
    scenario,
    table,
    cells: (id, lang = 'zh-TW') => tableMatrix(table(id), lang, lang === 'en' ? en : zh),
    summary: (section) => (sections.get(section)?.summary ?? []).map((x) => textOf(x, 'zh-TW', zh)),
  };
}
