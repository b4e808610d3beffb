/**
 * Issue 7 §8: past the supervisor's period, personal data is anonymised through the real
 * channels of every feature's records, the rows stay, every statistic stays exactly as it was,
 * and the run is audited. Records inside the period are not touched.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ANONYMISED_NAME } from '../../../shared/domain/safety';
import { mergeSegments } from '../../../electron/core/db/maintenance';
import { cutoffFor } from '../../../electron/core/safety/retention';
import { makeCore, okValue, type TestCore } from '../../support/core';

const OLD = new Date('2019-01-10T02:00:00.000Z');
const NOW = new Date('2025-03-05T02:00:00.000Z');
const OLD_PHONE = '0912-345-678';
const OLD_NOTE = '母親來電：兒子吸食三級毒品，想找戒治門診';
const OLD_NAME = '林舊人';
const OLD_ID = 'A123456789';
const NEW_NAME = '陳新人';
const NEW_ID = 'B123456780';

const cores: TestCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.cleanup();
});

async function staff(t: TestCore) {
  await t.setupSupervisor('admin');
  const op = await t.signInAs('op', ['operator'], { loginName: 'op' });
  await t.signInAs('co', ['coordinator'], { loginName: 'co' });
  await t.signInAs('desk', ['counter'], { loginName: 'desk' });
  const all = okValue(await t.call('admin', 'reference:all', {}));
  const ref = (kind: keyof typeof all, code?: string) => {
    const item = code ? all[kind].find((i) => i.code === code) : all[kind][0];
    if (!item) throw new Error(`no ${kind} ${code ?? ''}`);
    return item.id;
  };
  return { opId: op.id, ref };
}

type Ref = Awaited<ReturnType<typeof staff>>['ref'];

/** A call of the core's current time with this phone and note (and these flags ticked). */
function callOf(t: TestCore, ref: Ref, opId: number, phone: string, notes: string, flags: { flagId: number; actionTaken: string }[] = []) {
  const now = t.clock.now.getTime();
  return {
    direction: 'inbound' as const,
    startedAt: new Date(now - 10 * 60_000).toISOString(),
    endedAt: new Date(now - 5 * 60_000).toISOString(),
    operatorId: opId,
    callerTypeId: ref('callerType', 'family'),
    gender: 'female' as const,
    ageGroupId: ref('ageGroup'),
    districtId: ref('district'),
    phone,
    serviceItemIds: [ref('serviceItem', 'psychological-support')],
    notes,
    flags,
  };
}

/** One call with everything personal a call can hold: phone, notes, a flag's action, a referral, a done follow-up, an edit. */
async function hotlineCall(t: TestCore, ref: Ref, opId: number, phone: string, notes: string) {
  const now = t.clock.now.getTime();
  const call = callOf(t, ref, opId, phone, notes, [{ flagId: ref('riskFlag'), actionTaken: `${notes}：已提供 1925` }]);
  const id = okValue(await t.call('op', 'hotline:saveCall', { draftId: null, call })).call.id;
  okValue(await t.call('op', 'hotline:updateCall', { id, call: { ...call, notes: `${notes}（補充）` } }));
  const referral = okValue(
    await t.call('op', 'hotline:addReferral', { callId: id, referral: { unitId: ref('referralUnit'), contactPerson: '李護理師', referredOn: new Date(now).toISOString().slice(0, 10), note: notes } }),
  );
  okValue(await t.call('op', 'hotline:setReferralStatus', { id: referral.id, status: 'replied', note: `${notes}，已回覆` }));
  const followUp = okValue(await t.call('op', 'hotline:addFollowUp', { callId: id, followUp: { dueAt: new Date(now + 3_600_000).toISOString(), ownerId: opId, note: notes } }));
  okValue(await t.call('op', 'hotline:completeFollowUps', { ids: [followUp.id], outcome: `${notes}，已回電` }));
  return id;
}

async function lectureAttendee(t: TestCore, ref: Ref, name: string, nationalId: string, date: string) {
  const session = okValue(await t.call('co', 'lectures:createSession', { date, startTime: '09:00', endTime: '12:00', venueId: null, capacity: 30, kind: 'weekday', hours: 3 }));
  const person = okValue(
    await t.call('co', 'lectures:saveAttendee', { name, nationalId, birthDate: '1990-01-02', phone: '0933-111-222', address: '高雄市苓雅區', drugClass: 3, penaltyCount: 1, note: `${name}的備註` }),
  );
  const detail = okValue(await t.call('co', 'lectures:enrol', { sessionId: session.id, attendeeIds: [person.id] }));
  const enrolmentId = detail.roster.find((r) => r.attendeeId === person.id)?.enrolmentId ?? 0;
  // A leave request with a reason in words: personal too.
  okValue(await t.call('co', 'lectures:requestLeave', { enrolmentId, reasonId: ref('leaveReason'), note: `${name}住院中` }));
  return { sessionId: session.id, attendeeId: person.id, enrolmentId };
}

/** `n` calls with a phone and a note, each a saved call of the core's current time. */
async function plainCalls(t: TestCore, ref: Ref, opId: number, n: number, phone: string) {
  const ids: number[] = [];
  for (let k = 0; k < n; k++) {
    const call = callOf(t, ref, opId, phone, `${OLD_NOTE} ${k}`);
    ids.push(okValue(await t.call('op', 'hotline:saveCall', { draftId: null, call })).call.id);
  }
  return ids;
}

/** Thirty calls from 2019 and two from now, on a core whose retention starts with a slice of one call. */
async function thirtyOldCalls() {
  const t = makeCore({ start: OLD, safety: { retentionSlice: 1 } });
  cores.push(t);
  const { opId, ref } = await staff(t);
  const old = await plainCalls(t, ref, opId, 30, OLD_PHONE);
  t.clock.now = NOW;
  const recent = await plainCalls(t, ref, opId, 2, '0987-654-321');
  okValue(await t.call('admin', 'safety:setRetention', { retention: { hotlineCalls: 60, lectureAttendees: null, counterVisits: null } }));
  const phones = (ids: number[]) => ids.map((id) => (t.core.db.prepare('SELECT phone FROM hotline_calls WHERE id = ?').pluck().get(id) as string) || 'cleared');
  return { t, old, recent, phones };
}

const stats = async (t: TestCore, year: number, month: number) => ({
  hotline: okValue(await t.call('admin', 'stats:section', { period: { kind: 'month', year, month }, section: 'hotline' })),
  lectures: okValue(await t.call('admin', 'stats:section', { period: { kind: 'month', year, month }, section: 'lectures' })),
  counter: okValue(await t.call('admin', 'stats:section', { period: { kind: 'month', year, month }, section: 'counter' })),
});

describe('retention', () => {
  it('cutoffs are calendar months back, on the last day when the month is shorter', () => {
    expect(cutoffFor(new Date('2025-03-31T10:00:00Z'), 1)).toBe('2025-02-28T10:00:00.000Z');
    expect(cutoffFor(new Date('2025-03-05T02:00:00Z'), 60)).toBe('2020-03-05T02:00:00.000Z');
  });

  it('anonymises expired calls, attendees and visits, keeps the rows and every statistic, and audits the run', async () => {
    const t = makeCore({ start: OLD });
    cores.push(t);
    const { opId, ref } = await staff(t);
    const oldCall = await hotlineCall(t, ref, opId, OLD_PHONE, OLD_NOTE);
    // A draft left open and a shift handover with words of its own.
    const oldDraft = okValue(await t.call('op', 'hotline:startDraft', {}));
    okValue(await t.call('op', 'hotline:saveDraft', { id: oldDraft.id, payload: { ...oldDraft.payload, notes: `${OLD_NOTE}（草稿）` } }));
    const oldHandover = okValue(await t.call('op', 'hotline:saveHandover', { which: 'current', notes: `交班：${OLD_NOTE}` }));
    const oldPerson = await lectureAttendee(t, ref, OLD_NAME, OLD_ID, '2019-01-15');
    okValue(await t.call('desk', 'counter:logVisit', { topicIds: [1], lang: 'zh-TW', outcome: 'answered', note: '訪客王先生詢問講習' }));

    t.clock.now = NOW;
    const newCall = await hotlineCall(t, ref, opId, '0987-654-321', '近期來電');
    const newPerson = await lectureAttendee(t, ref, NEW_NAME, NEW_ID, '2025-03-20');
    const before = { old: await stats(t, 2019, 1), now: await stats(t, 2025, 3) };
    const rowsBefore = t.rowCounts();

    // Nothing happens until a supervisor sets a period.
    expect(okValue(await t.call('admin', 'safety:runRetention', {})).kinds.every((k) => k.anonymised === 0)).toBe(true);
    okValue(await t.call('admin', 'safety:setRetention', { retention: { hotlineCalls: 60, lectureAttendees: 60, counterVisits: 24 } }));
    const report = okValue(await t.call('admin', 'safety:runRetention', {}));
    expect(report.kinds).toEqual([
      { kind: 'hotlineCalls', months: 60, cutoff: '2020-03-05T02:00:00.000Z', anonymised: 1 },
      { kind: 'lectureAttendees', months: 60, cutoff: '2020-03-05T02:00:00.000Z', anonymised: 1 },
      { kind: 'counterVisits', months: 24, cutoff: '2023-03-05T02:00:00.000Z', anonymised: 1 },
    ]);

    // Rows and statistics exactly as before (the search index's own segments may be rewritten).
    const records = (counts: Record<string, number>) =>
      Object.fromEntries(Object.entries(counts).filter(([name]) => !/_(data|idx)$/.test(name) && name !== 'audit_log' && name !== 'safety_settings'));
    expect(records(t.rowCounts())).toEqual(records(rowsBefore));
    expect({ old: await stats(t, 2019, 1), now: await stats(t, 2025, 3) }).toEqual(before);

    // The old call keeps its shape, not its words.
    const db = t.core.db;
    expect(db.prepare('SELECT phone, phone_key, notes, gender, caller_type_id IS NOT NULL AS typed FROM hotline_calls WHERE id = ?').get(oldCall)).toEqual({
      phone: '',
      phone_key: '',
      notes: '',
      gender: 'female',
      typed: 1,
    });
    expect(db.prepare('SELECT action_taken FROM hotline_call_flags WHERE call_id = ?').all(oldCall)).toEqual([{ action_taken: ANONYMISED_NAME }]);
    expect(db.prepare('SELECT contact_person, note FROM hotline_referrals WHERE call_id = ?').all(oldCall)).toEqual([{ contact_person: '', note: '' }]);
    expect(db.prepare('SELECT note, outcome FROM hotline_follow_ups WHERE call_id = ?').all(oldCall)).toEqual([{ note: '', outcome: ANONYMISED_NAME }]);
    expect(db.prepare('SELECT payload FROM hotline_drafts WHERE id = ?').get(oldDraft.id)).toEqual({ payload: '{}' });
    expect(db.prepare('SELECT notes FROM hotline_handovers WHERE id = ?').get(oldHandover.id)).toEqual({ notes: '' });
    // Nowhere in the database is the old note or phone left, history and search index included.
    const everything = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log'").all() as { name: string }[])
      .map(({ name }) => JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all()))
      .join('\n');
    for (const secret of [OLD_NOTE, OLD_PHONE, '0912345678', OLD_NAME, OLD_ID, '訪客王先生']) expect({ secret, found: everything.includes(secret) }).toEqual({ secret, found: false });
    expect(okValue(await t.call('op', 'hotline:searchCalls', { text: '戒治門診' })).total).toBe(0);
    // The audit trail is kept (append-only) after the records are anonymised: it must never hold
    // the personal data itself, only which record was touched.
    const trail = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    for (const secret of [OLD_NOTE, OLD_PHONE, OLD_NAME, OLD_ID, '訪客王先生', '住院中', '李護理師']) expect({ secret, inAudit: trail.includes(secret) }).toEqual({ secret, inAudit: false });

    // The old attendee is a counted, unnamed record; their enrolment stays.
    expect(db.prepare('SELECT name, national_id, birth_date, phone, address, drug_class FROM lecture_attendees WHERE id = ?').get(oldPerson.attendeeId)).toEqual({
      name: ANONYMISED_NAME,
      national_id: `ANON-${oldPerson.attendeeId}`,
      birth_date: null,
      phone: '',
      address: '',
      drug_class: 3,
    });
    expect(db.prepare('SELECT count(*) AS n FROM lecture_enrolments WHERE attendee_id = ?').get(oldPerson.attendeeId)).toEqual({ n: 1 });

    // Inside the period: untouched.
    expect(db.prepare('SELECT phone FROM hotline_calls WHERE id = ?').get(newCall)).toEqual({ phone: '0987-654-321' });
    expect(db.prepare('SELECT name, national_id FROM lecture_attendees WHERE id = ?').get(newPerson.attendeeId)).toEqual({ name: NEW_NAME, national_id: NEW_ID });
    expect(JSON.stringify(okValue(await t.call('co', 'lectures:searchAttendees', { query: NEW_NAME })))).toContain('B12****780');

    // Audited, once per run, by whom; and a second run finds nothing left to do.
    const runs = db.prepare("SELECT account_id, details FROM audit_log WHERE action = 'retention' ORDER BY id").all() as { account_id: number; details: string }[];
    expect(runs).toHaveLength(2);
    expect(runs[1]?.account_id).toBe(1);
    expect(JSON.parse(runs[1]?.details ?? '{}').kinds).toEqual(report.kinds);
    expect(okValue(await t.call('admin', 'safety:runRetention', {})).kinds.map((k) => k.anonymised)).toEqual([0, 0, 0]);
    // The append-only histories are append-only again.
    expect(() => db.prepare("UPDATE hotline_call_history SET after_json = '{}'").run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE lecture_enrolment_history SET reason = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM hotline_referral_history').run()).toThrow(/append-only/);
  });

  it('runs from the daily job without a person, and is recorded as the system', async () => {
    const t = makeCore({ start: OLD });
    cores.push(t);
    const { opId, ref } = await staff(t);
    await hotlineCall(t, ref, opId, OLD_PHONE, OLD_NOTE);
    t.clock.now = NOW;
    okValue(await t.call('admin', 'safety:setRetention', { retention: { hotlineCalls: 12, lectureAttendees: null, counterVisits: null } }));
    const report = await t.core.jobs.runDue();
    expect(report.retention).toMatchObject({ kinds: [{ kind: 'hotlineCalls', anonymised: 1 }, { anonymised: 0 }, { anonymised: 0 }] });
    expect(t.core.db.prepare("SELECT account_id FROM audit_log WHERE action = 'retention'").all()).toEqual([{ account_id: null }]);
    // Not again within the day.
    t.clock.advance(3_600_000);
    expect((await t.core.jobs.runDue()).retention).toBeNull();
  });

  it('a period is 1 to 1200 months or none; only supervisors set it, and the change is audited', async () => {
    const t = makeCore();
    cores.push(t);
    await staff(t);
    expect(await t.call('admin', 'safety:setRetention', { retention: { hotlineCalls: 0, lectureAttendees: null, counterVisits: null } })).toMatchObject({
      ok: false,
      error: { field: 'retention.hotlineCalls', messageKey: 'validation.tooSmall' },
    });
    expect(await t.call('op', 'safety:setRetention', { retention: { hotlineCalls: 60, lectureAttendees: null, counterVisits: null } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.call('op', 'safety:runRetention', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    okValue(await t.call('admin', 'safety:setRetention', { retention: { hotlineCalls: 60, lectureAttendees: 84, counterVisits: null } }));
    const entry = t.core.db.prepare("SELECT details FROM audit_log WHERE entity_id = 'retention.months'").get() as { details: string };
    expect(JSON.parse(entry.details).after).toEqual({ hotlineCalls: 60, lectureAttendees: 84, counterVisits: null });
  });

  it('walks the records in short steps: timers and other requests run between them, and no record at a slice edge is missed', async () => {
    const { t, old, recent, phones } = await thirtyOldCalls();
    let finished = false;
    const run = t.call('admin', 'safety:runRetention', {}).finally(() => (finished = true));
    // A timer only fires once the event loop turns: in one transaction the whole run would be done first.
    const timerSawRunning = await new Promise<boolean>((resolve) => setTimeout(() => resolve(!finished), 0));
    expect(timerSawRunning).toBe(true);
    // A save asked for meanwhile is answered before the run is.
    const draft = okValue(await t.call('op', 'hotline:startDraft', {}));
    okValue(await t.call('op', 'hotline:saveDraft', { id: draft.id, payload: { ...draft.payload, notes: '值班中' } }));
    expect(finished).toBe(false);
    expect(okValue(await run).kinds[0]).toMatchObject({ kind: 'hotlineCalls', anonymised: 30 });
    expect(phones(old)).toEqual(old.map(() => 'cleared'));
    expect(phones(recent)).toEqual(['0987-654-321', '0987-654-321']);
    // The notes' full-text index is left merged: the slices' segments do not pile up for a save to merge.
    expect(mergeSegments(t.core.db, 'hotline_call_text', 250)).toBe(false);
  });

  it('a second request while a run walks shares that run: one audit entry', async () => {
    const { t } = await thirtyOldCalls();
    const [a, b] = await Promise.all([t.call('admin', 'safety:runRetention', {}), t.call('admin', 'safety:runRetention', {})]);
    expect(okValue(a)).toEqual(okValue(b));
    expect(okValue(a).kinds[0]?.anonymised).toBe(30);
    expect(t.core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'retention'").pluck().get()).toBe(1);
  });

  it('a run cut short (a restore halted the core) keeps what it did, records no run, and the next run finishes', async () => {
    const { t, old, phones } = await thirtyOldCalls();
    const run = t.call('admin', 'safety:runRetention', {});
    await new Promise((resolve) => setTimeout(resolve, 0));
    t.core.safety.halted = true;
    expect(await run).toMatchObject({ ok: false, error: { code: 'locked', messageKey: 'safety:restore.restarting' } });
    const done = phones(old).filter((p) => p === 'cleared').length;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(30);
    expect(t.core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'retention'").pluck().get()).toBe(0);
    // As after the restart: the next run does the rest.
    t.core.safety.halted = false;
    expect(okValue(await t.call('admin', 'safety:runRetention', {})).kinds[0]?.anonymised).toBe(30 - done);
    expect(phones(old)).toEqual(old.map(() => 'cleared'));
  });
});
