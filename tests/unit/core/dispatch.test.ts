import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract, type ChannelName, type InputOf } from '../../../shared/api/contract';
import type { ApiError, Result } from '../../../shared/api/result';
import { ROLES } from '../../../shared/domain/roles';
import { TOPIC_TEXT_FIELDS } from '../../../shared/domain/counter';
import { emptyDraftPayload } from '../../../shared/domain/hotline';
import { makeCore, okValue, OWN_PASSWORD, SUPERVISOR, TEMP_PASSWORD, type TestCore } from '../../support/core';
import { FIXTURE_CSV, fixtureId, LECTURE_IDS as L, LECTURE_REFS, seedLectureFixture } from '../../support/lecturesFixture';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.cleanup();
});

function newCore(): TestCore {
  const t = makeCore();
  cores.push(t);
  return t;
}

interface Fixture {
  /** an operator account the calls can act on */
  accountId: number;
  refId: number;
  serviceItemIds: number[];
  /** an active guidance unit (counter topics) */
  guidanceUnitId: number;
  /** records the hotline channels act on (seedHotlineFixture) */
  hotline: HotlineFixture;
}

interface HotlineFixture {
  adminId: number;
  callId: number;
  draftId: number;
  referralId: number;
  followUpId: number;
  handoverId: number;
  nonServiceTypeId: number;
  referralUnitId: number;
  callerTypeId: number;
  startedAt: string;
  endedAt: string;
  dueAt: string;
  referredOn: string;
}

const HOTLINE_SAMPLE: HotlineFixture = {
  adminId: 1, callId: 1, draftId: 1, referralId: 1, followUpId: 1, handoverId: 1, nonServiceTypeId: 1, referralUnitId: 1, callerTypeId: 1,
  startedAt: '2025-03-05T00:50:00.000Z', endedAt: '2025-03-05T00:55:00.000Z', dueAt: '2025-03-05T02:00:00.000Z', referredOn: '2025-03-05',
};

const sampleCall = (f: Fixture) => ({
  direction: 'inbound' as const,
  startedAt: f.hotline.startedAt,
  endedAt: f.hotline.endedAt,
  operatorId: f.hotline.adminId,
  callerTypeId: f.hotline.callerTypeId,
  gender: null,
  ageGroupId: null,
  districtId: null,
  phone: '0912-345-678',
  serviceItemIds: f.serviceItemIds.slice(0, 1),
  notes: '來電詢問講習',
  flags: [],
});

/** Every text of a guidance topic in both languages, so the topic may stay published. */
const COMPLETE_TOPIC_TEXTS = Object.fromEntries(TOPIC_TEXT_FIELDS.flatMap((f) => [[`${f}Zh`, '內容'], [`${f}En`, 'Text']]));

/** A payload each channel accepts, so a refusal can only come from the rule under test. */
const VALID: { [C in ChannelName]: (f: Fixture) => InputOf<C> } = {
  'auth:status': () => ({}),
  'auth:setupSupervisor': () => ({ ...SUPERVISOR, passwordConfirm: SUPERVISOR.password }),
  'auth:signIn': () => ({ loginName: SUPERVISOR.loginName, password: SUPERVISOR.password }),
  'auth:signOut': () => ({}),
  'auth:changePassword': () => ({ currentPassword: OWN_PASSWORD, password: 'Brand-new#2025', passwordConfirm: 'Brand-new#2025' }),
  'accounts:list': () => ({}),
  'accounts:create': () => ({ displayName: '新同事', loginName: 'newbie', roles: ['counter'], password: 'Temp#4567', passwordConfirm: 'Temp#4567' }),
  'accounts:update': (f) => ({ id: f.accountId, displayName: '改名', roles: ['operator', 'counter'] }),
  'accounts:setDisabled': (f) => ({ id: f.accountId, disabled: true }),
  'accounts:resetPassword': (f) => ({ id: f.accountId, password: 'Reset#4567', passwordConfirm: 'Reset#4567' }),
  'reference:all': () => ({}),
  'reference:create': () => ({ kind: 'serviceItem', nameZh: '新項目', nameEn: 'New item', extra: {} }),
  'reference:update': (f) => ({ id: f.refId, nameZh: '改名', nameEn: 'Renamed', extra: {} }),
  'reference:reorder': (f) => ({ kind: 'serviceItem', orderedIds: [...f.serviceItemIds].reverse() }),
  'reference:setRetired': (f) => ({ id: f.refId, retired: true }),
  'prefs:get': () => ({}),
  'prefs:setLanguage': () => ({ language: 'en' }),
  'prefs:setColorMode': () => ({ colorMode: 'dark' }),
  'print:printers': () => ({}),
  'print:preview': () => ({ kind: 'accounts.list', params: {}, lang: 'zh-TW' }),
  'print:run': () => ({ kind: 'accounts.list', params: {}, lang: 'zh-TW', target: { mode: 'pdf' } }),
  // counter: topic 1 is the first seeded (published) guidance topic
  'counter:searchTopics': () => ({ query: '講習' }),
  'counter:getTopic': () => ({ id: 1 }),
  'counter:createTopic': () => ({ titleZh: '新主題', titleEn: 'New topic' }),
  'counter:updateTopic': (f) => ({ id: 1, expectedRevision: 1, ...COMPLETE_TOPIC_TEXTS, unitId: f.guidanceUnitId, webUrl: 'https://dsacp.kcg.gov.tw/' }),
  'counter:setTopicStatus': () => ({ id: 1, expectedRevision: 1, status: 'retired' }),
  'counter:topicHistory': () => ({ id: 1 }),
  'counter:present': () => ({ topicId: 1, lang: 'en' }),
  'counter:presented': () => ({}),
  'counter:openVisitorScreen': () => ({}),
  'counter:logVisit': () => ({ topicIds: [1], lang: 'zh-TW', outcome: 'answered' }),
  'counter:visitsOn': () => ({}),
  'counter:faq': () => ({ from: '2025-03-01', to: '2025-03-31' }),
  'counter:inquiry': () => ({ nationalId: 'A123456789' }),
  // lectures: records in known states from tests/support/lecturesFixture.ts (session 1 is today, started)
  'lectures:listSessions': () => ({ from: '2025-03-01', to: '2025-03-31' }),
  'lectures:getSession': () => ({ id: L.today }),
  'lectures:createSession': () => ({ date: '114/3/20', startTime: '09:00', endTime: '12:00', venueId: null, capacity: 30, kind: 'weekday', hours: 3 }),
  'lectures:createSeries': () => ({
    startDate: '2025-03-01', endDate: '2025-05-31', weekdays: [6], weeksOfMonth: [2, 4], startTime: '09:00', endTime: '13:00', venueId: null, capacity: 30, kind: 'holiday', hours: 4,
  }),
  'lectures:updateSession': () => ({ id: L.today, date: '2025-03-05', startTime: '08:00', endTime: '12:00', venueId: null, capacity: 45, kind: 'weekday', hours: 4 }),
  'lectures:cancelSession': () => ({ id: L.spare, reason: '颱風停班' }),
  'lectures:searchAttendees': () => ({ query: '受講' }),
  'lectures:getAttendee': () => ({ id: L.unenrolled }),
  'lectures:saveAttendee': () => ({ name: '新來的', nationalId: fixtureId(50), drugClass: 4, penaltyCount: 1 }),
  'lectures:previewImport': () => ({ fileName: 'roster.csv', format: 'csv', dataUrl: FIXTURE_CSV }),
  'lectures:confirmImport': () => ({ fileName: 'roster.csv', format: 'csv', dataUrl: FIXTURE_CSV }),
  'lectures:enrol': () => ({ sessionId: L.today, attendeeIds: [L.unenrolled] }),
  'lectures:markNotified': () => ({ enrolmentIds: [L.scheduled] }),
  'lectures:requestLeave': () => ({ enrolmentId: L.scheduled, reasonId: LECTURE_REFS.leaveReasonId }),
  'lectures:setLeaveDocument': () => ({ leaveId: L.leave, documentReceivedOn: '114/3/5' }),
  'lectures:decideLeave': () => ({ leaveId: L.leave, approve: true }),
  'lectures:transferSession': () => ({ enrolmentId: L.scheduled, targetSessionId: L.nextWeek }),
  'lectures:transferCity': () => ({ enrolmentId: L.scheduled, city: '臺南市' }),
  'lectures:markNoShows': () => ({ sessionId: L.today }),
  'lectures:renotify': () => ({ enrolmentIds: [L.noShowA] }),
  'lectures:returnToAgency': () => ({ enrolmentIds: [L.noShowB] }),
  'lectures:complete': () => ({ sessionId: L.today, enrolmentIds: [L.checkedIn] }),
  'lectures:checkInBoard': () => ({ sessionId: L.today }),
  'lectures:lookup': () => ({ sessionId: L.today, query: '受講人' }),
  'lectures:checkIn': () => ({ sessionId: L.today, enrolmentId: L.scheduled }),
  'lectures:enrolAndCheckIn': () => ({ sessionId: L.today, attendeeId: L.unenrolled }),
  'lectures:undoCheckIn': () => ({ sessionId: L.today, enrolmentId: L.checkedIn }),
  'lectures:signOut': () => ({ sessionId: L.today, enrolmentId: L.checkedIn }),
  'lectures:logConsultation': () => ({ sessionId: L.today, enrolmentId: L.checkedIn, categoryId: LECTURE_REFS.counsellingCategoryId }),
  'lectures:figures': () => ({ month: '2025-03' }),
  'lectures:getSettings': () => ({}),
  'lectures:saveSettings': () => ({ lateAfterMinutes: 20 }),
  'hotline:overview': () => ({}),
  'hotline:staff': () => ({}),
  'hotline:settings': () => ({}),
  'hotline:setSettings': () => ({ editWindowHours: 24 }),
  'hotline:drafts': () => ({}),
  'hotline:startDraft': () => ({ direction: 'inbound' }),
  'hotline:saveDraft': (f) => ({ id: f.hotline.draftId, payload: { ...emptyDraftPayload(), notes: '還在講' } }),
  'hotline:discardDraft': (f) => ({ id: f.hotline.draftId }),
  'hotline:saveCall': (f) => ({ draftId: null, call: sampleCall(f) }),
  'hotline:quickCall': (f) => ({ typeId: f.hotline.nonServiceTypeId }),
  'hotline:getCall': (f) => ({ id: f.hotline.callId }),
  'hotline:updateCall': (f) => ({ id: f.hotline.callId, call: { ...sampleCall(f), notes: '補充紀錄' } }),
  'hotline:callHistory': (f) => ({ id: f.hotline.callId }),
  'hotline:searchCalls': () => ({ text: '講習' }),
  'hotline:repeatCallers': () => ({ phone: '0912345678' }),
  'hotline:addReferral': (f) => ({ callId: f.hotline.callId, referral: { unitId: f.hotline.referralUnitId, contactPerson: '', referredOn: f.hotline.referredOn, note: '' } }),
  'hotline:setReferralStatus': (f) => ({ id: f.hotline.referralId, status: 'replied', note: '' }),
  'hotline:referrals': () => ({}),
  'hotline:addFollowUp': (f) => ({ callId: f.hotline.callId, followUp: { dueAt: f.hotline.dueAt, ownerId: f.hotline.adminId, note: '' } }),
  'hotline:completeFollowUps': (f) => ({ ids: [f.hotline.followUpId], outcome: '已回電' }),
  'hotline:followUps': () => ({}),
  'hotline:handoverPreview': () => ({ which: 'current' }),
  'hotline:saveHandover': () => ({ which: 'current', notes: '' }),
  'hotline:pendingHandover': () => ({}),
  'hotline:acknowledgeHandover': (f) => ({ id: f.hotline.handoverId }),
  'hotline:handovers': () => ({}),
  'stats:section': () => ({ period: { kind: 'month', year: 2025, month: 3 }, section: 'hotline' }),
  'export:run': () => ({ kind: 'stats.table', params: { period: { kind: 'month', year: 2025, month: 3 }, table: 'hotline.summary' }, lang: 'zh-TW', format: 'csv' }),
  // safety (issue 7); their behaviour is tested in tests/unit/safety/
  'safety:startup': () => ({}),
  'safety:recover': () => ({ recoveryKey: '0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000' }),
  'safety:status': () => ({}),
  'safety:lock': () => ({}),
  'auth:unlock': () => ({ password: SUPERVISOR.password }),
  'safety:recoveryKey': () => ({}),
  'safety:confirmRecoveryKey': () => ({ stored: true }),
  'safety:acceptWeakKeyring': () => ({ accept: true }),
  'safety:settings': () => ({}),
  'safety:setSessionPolicy': () => ({ idleMinutes: 15 }),
  'safety:setBackupPolicy': () => ({ folder: null, keep: 7 }),
  'safety:setRetention': () => ({ retention: { hotlineCalls: 60, lectureAttendees: null, counterVisits: 24 } }),
  'safety:pickBackupFolder': () => ({}),
  'safety:backups': () => ({}),
  'safety:backupNow': () => ({}),
  'safety:restoreBackup': () => ({ name: 'desk-20250305-010000-manual.sqlite3' }),
  'safety:changeKey': () => ({ confirm: true }),
  'safety:auditFacets': () => ({}),
  'safety:auditSearch': () => ({ offset: 0, limit: 50, from: '2025-03-01', to: '2025-03-31' }),
  'safety:auditExport': () => ({ lang: 'zh-TW', action: 'signIn' }),
  'safety:runRetention': () => ({}),
};

/**
 * Role-restricted channels whose success needs a state this generic fixture does not set up
 * (an encrypted database, a weak keyring, an existing backup): with the role they are refused
 * for that reason — never for the role. Their successes are tested in tests/unit/safety/.
 */
const NEEDS_STATE: Partial<Record<ChannelName, string>> = {
  'safety:recoveryKey': 'safety:recoveryKey.notEncrypted',
  'safety:confirmRecoveryKey': 'safety:recoveryKey.notEncrypted',
  'safety:acceptWeakKeyring': 'safety:keyring.notWeak',
  'safety:restoreBackup': 'safety:backup.unknownFile',
  'safety:changeKey': 'safety:recoveryKey.notEncrypted',
};

/** One call with a referral and a follow-up, an open draft, and a handover written by the operator. */
async function seedHotlineFixture(t: TestCore, adminId: number, refs: { serviceItemIds: number[]; nonServiceTypeId: number; referralUnitId: number; callerTypeId: number }): Promise<HotlineFixture> {
  const now = t.clock.now.getTime();
  const iso = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
  const base = {
    adminId, nonServiceTypeId: refs.nonServiceTypeId, referralUnitId: refs.referralUnitId, callerTypeId: refs.callerTypeId,
    startedAt: iso(-10), endedAt: iso(-5), dueAt: iso(60), referredOn: iso(0).slice(0, 10),
  };
  const partial = { ...HOTLINE_SAMPLE, ...base };
  const draft = okValue(await t.call('admin', 'hotline:startDraft', { direction: 'inbound' }));
  const call = okValue(await t.call('admin', 'hotline:saveCall', { draftId: null, call: sampleCall({ serviceItemIds: refs.serviceItemIds, hotline: partial } as Fixture) }));
  const referral = okValue(await t.call('admin', 'hotline:addReferral', { callId: call.call.id, referral: { unitId: refs.referralUnitId, contactPerson: '', referredOn: base.referredOn, note: '' } }));
  const followUp = okValue(await t.call('admin', 'hotline:addFollowUp', { callId: call.call.id, followUp: { dueAt: base.dueAt, ownerId: adminId, note: '' } }));
  // Written by the other operator: nobody acknowledges their own handover.
  const handover = okValue(await t.call('operator-window', 'hotline:saveHandover', { which: 'current', notes: '交班' }));
  return { ...base, callId: call.call.id, draftId: draft.id, referralId: referral.id, followUpId: followUp.id, handoverId: handover.id };
}

async function withFixture(t: TestCore): Promise<Fixture> {
  await t.setupSupervisor('admin');
  const op = await t.signInAs('operator-window', ['operator']);
  // The supervisor also coordinates lectures here, so 'admin' may call the coordinator-only channels.
  const me = okValue(await t.call('admin', 'auth:status', {})).account;
  okValue(await t.call('admin', 'accounts:update', { id: me?.id ?? 0, displayName: SUPERVISOR.displayName, roles: ['supervisor', 'coordinator', 'operator'] }));
  await seedLectureFixture(t, 'admin');
  const all = okValue(await t.call('admin', 'reference:all', {}));
  const ids = all.serviceItem.map((i) => i.id);
  const hotline = await seedHotlineFixture(t, me?.id ?? 0, {
    serviceItemIds: ids,
    nonServiceTypeId: all.nonServiceCallType[0]?.id ?? 0,
    referralUnitId: all.referralUnit[0]?.id ?? 0,
    callerTypeId: all.callerType[0]?.id ?? 0,
  });
  return { accountId: op.id, refId: ids[0] ?? 0, serviceItemIds: ids, guidanceUnitId: all.guidanceUnit[0]?.id ?? 0, hotline };
}

/** Everything a refused call must not have touched. */
function snapshot(t: TestCore) {
  return {
    rows: t.rowCounts(),
    prefs: structuredClone(t.prefs.get()),
    printed: t.printHost.printed.length,
    saved: t.printHost.saved.length,
  };
}

function expectError(r: Result<unknown>, expected: Partial<ApiError>): ApiError {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('unreachable');
  expect(r.error).toMatchObject(expected);
  return r.error;
}

const accessOf = (name: ChannelName) => contract[name].access;
const PUBLIC = CHANNEL_NAMES.filter((c) => accessOf(c) === 'public');
const PROTECTED = CHANNEL_NAMES.filter((c) => accessOf(c) !== 'public');
const ROLE_RESTRICTED = CHANNEL_NAMES.filter((c) => Array.isArray(accessOf(c)));

describe('the contract itself', () => {
  it('has a valid sample payload for every channel (this file keeps up with the contract)', () => {
    expect(Object.keys(VALID).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES) {
      const parsed = contract[name].input.safeParse(VALID[name]({ accountId: 2, refId: 1, serviceItemIds: [1, 2], guidanceUnitId: 1, hotline: HOTLINE_SAMPLE }));
      expect({ name, ok: parsed.success }).toEqual({ name, ok: true });
    }
  });

  it('only sign-in, first-run setup, status and language preferences are public', () => {
    // counter:presented feeds the visitor-facing screen, which nobody signs into; it returns
    // only the published guidance topic on show (see shared/api/channels/counter.ts).
    // safety:startup and safety:recover answer before anyone can sign in: whether the database
    // opened, and the recovery key when it did not (electron/core/safety/recovery.ts).
    expect(PUBLIC.sort()).toEqual([
      'auth:setupSupervisor',
      'auth:signIn',
      'auth:status',
      'counter:presented',
      'prefs:get',
      'prefs:setLanguage',
      'safety:recover',
      'safety:startup',
    ]);
  });
});

describe('signed out', () => {
  it.each(PROTECTED)('%s is refused as unauthenticated and writes nothing', async (name) => {
    const t = newCore();
    const f = await withFixture(t);
    const before = snapshot(t);
    const r = await t.callRaw('stranger', name, VALID[name](f));
    expectError(r, { code: 'unauthenticated', messageKey: 'auth.signedOut' });
    expect(snapshot(t)).toEqual(before);
  });

  // safety:recover only succeeds in recovery mode (tests/unit/safety/keys.test.ts).
  it.each(PUBLIC.filter((c) => c !== 'safety:recover'))('%s works without a session', async (name) => {
    const t = newCore();
    // first-run setup is only possible before any account exists
    const f = name === 'auth:setupSupervisor' ? { accountId: 0, refId: 0, serviceItemIds: [], guidanceUnitId: 0, hotline: HOTLINE_SAMPLE } : await withFixture(t);
    const r = await t.callRaw('stranger', name, VALID[name](f));
    expect(r).toMatchObject({ ok: true });
  });

  it('a session belongs to one sender (window): another window is still signed out', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    expect(okValue(await t.call('admin', 'accounts:list', {}))).toHaveLength(1);
    expectError(await t.call('other-window', 'accounts:list', {}), { code: 'unauthenticated' });
  });

  it('signing out ends the session', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    okValue(await t.call('admin', 'auth:signOut', {}));
    expectError(await t.call('admin', 'reference:all', {}), { code: 'unauthenticated' });
  });
});

describe('roles are enforced in the main process', () => {
  it.each(ROLE_RESTRICTED)('%s refuses an account without its roles and writes nothing', async (name) => {
    const t = newCore();
    const f = await withFixture(t);
    const access = accessOf(name) as readonly string[];
    const otherRoles = ROLES.filter((r) => !access.includes(r));
    expect(otherRoles.length).toBeGreaterThan(0);
    await t.signInAs('wrong-roles', otherRoles);
    const before = snapshot(t);
    expectError(await t.callRaw('wrong-roles', name, VALID[name](f)), { code: 'forbidden', messageKey: 'errors.forbidden' });
    expect(snapshot(t)).toEqual(before);
  });

  it.each(ROLE_RESTRICTED)('%s works for an account with the role (the refusal above is about roles)', async (name) => {
    const t = newCore();
    const f = await withFixture(t);
    const r = await t.callRaw('admin', name, VALID[name](f));
    const needs = NEEDS_STATE[name];
    if (needs) expectError(r, { messageKey: needs });
    else expect(r).toMatchObject({ ok: true });
  });
});

const ONE_MB = 'x'.repeat(1024 * 1024);
const TRANSLATION_KEY = /^(validation\.|[a-z][A-Za-z]*:)[A-Za-z0-9_.]+$/;

function badPayloads(name: ChannelName, f: Fixture): { label: string; payload: unknown }[] {
  const valid = VALID[name](f) as Record<string, unknown>;
  const list: { label: string; payload: unknown }[] = [
    { label: 'a string', payload: 'DROP TABLE accounts' },
    { label: 'null', payload: null },
    { label: 'undefined', payload: undefined },
    { label: 'an array', payload: [valid] },
    { label: 'a number', payload: 42 },
    { label: 'a __proto__ key', payload: { ...valid, ...(JSON.parse('{"__proto__": {"isAdmin": true}}') as object) } },
    { label: 'an unknown field', payload: { ...valid, roles_override: ['supervisor'] } },
  ];
  const stringFields = Object.keys(valid).filter((k) => typeof valid[k] === 'string');
  if (stringFields.length === 0) list.push({ label: 'a 1 MB extra field', payload: { ...valid, note: ONE_MB } });
  for (const k of stringFields) list.push({ label: `a 1 MB ${k}`, payload: { ...valid, [k]: ONE_MB } });
  return list;
}

describe('payload validation', () => {
  it.each(CHANNEL_NAMES)('%s refuses payloads of the wrong shape with a translated key, writing nothing', async (name) => {
    const t = newCore();
    const f = await withFixture(t);
    // every role, own password set: only validation can refuse
    await t.signInAs('all-roles', [...ROLES]);
    for (const { label, payload } of badPayloads(name, f)) {
      const before = snapshot(t);
      const r = await t.callRaw('all-roles', name, payload);
      const error = expectError(r, { code: 'validation' });
      // Our keys: validation.* from common.json, or a domain's own (e.g. safety:errors.date) — never zod's English.
      expect({ label, messageKey: error.messageKey }).toEqual({ label, messageKey: expect.stringMatching(TRANSLATION_KEY) });
      for (const field of error.fields ?? []) expect(field.messageKey).toMatch(TRANSLATION_KEY);
      expect(snapshot(t)).toEqual(before);
      // the session survived the bad call
      expect(await t.call('all-roles', 'auth:status', {})).toMatchObject({ ok: true, value: { account: { loginName: expect.any(String) } } });
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('names the offending field so the form can show the message next to it', async () => {
    const t = newCore();
    await t.setupSupervisor();
    const r = await t.callRaw('admin', 'accounts:create', {
      displayName: '  ',
      loginName: 'has space',
      roles: [],
      password: 'short',
      passwordConfirm: 'short',
    });
    const error = expectError(r, { code: 'validation' });
    expect(error.fields).toEqual(
      expect.arrayContaining([
        { field: 'displayName', messageKey: 'validation.required', params: { min: 1 } },
        { field: 'loginName', messageKey: 'validation.loginName' },
        { field: 'roles', messageKey: 'validation.rolesRequired', params: { min: 1 } },
        { field: 'password', messageKey: 'validation.passwordTooShort', params: { min: 8 } },
      ]),
    );
    expect(error.field).toBe(error.fields?.[0]?.field);
  });
  it('tells a missing field (required) from a field of the wrong type (invalidType)', async () => {
    const t = newCore();
    const me = await t.setupSupervisor();
    const missing = expectError(await t.callRaw('admin', 'accounts:update', { id: me.id, displayName: 'me' }), { code: 'validation' });
    expect(missing).toMatchObject({ field: 'roles', messageKey: 'validation.required' });
    const wrongType = expectError(await t.callRaw('admin', 'accounts:update', { id: me.id, displayName: 'me', roles: 'supervisor' }), {
      code: 'validation',
    });
    expect(wrongType).toMatchObject({ field: 'roles', messageKey: 'validation.invalidType' });
  });
});

describe('unknown channels', () => {
  it.each(['nope:nothing', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'auth:status ', 'AUTH:STATUS', ''])(
    '"%s" is notFound, even when signed in',
    async (name) => {
      const t = newCore();
      await t.setupSupervisor('admin');
      expectError(await t.callRaw('admin', name, {}), { code: 'notFound', messageKey: 'errors.unknownChannel' });
      expectError(await t.callRaw('stranger', name, {}), { code: 'notFound' });
    },
  );
});

describe('unexpected failures', () => {
  it('a handler throwing a plain Error returns internal without leaking its message, and is logged', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    const secret = new Error('EACCES: /home/secret-user/AppData/printers.db');
    t.printHost.listPrinters = async () => {
      throw secret;
    };
    const r = await t.call('admin', 'print:printers', {});
    expect(r).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } });
    expect(JSON.stringify(r)).not.toContain('secret');
    expect(t.logs).toEqual([secret]);
    // the app keeps working afterwards
    expect(await t.call('admin', 'reference:all', {})).toMatchObject({ ok: true });
  });

  it('a database failure inside a service is internal too, and the session survives', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    t.core.db.exec("CREATE TRIGGER break_ref BEFORE INSERT ON ref_items BEGIN SELECT RAISE(ABORT, 'disk says no at /secret'); END");
    const before = t.rowCounts();
    const r = await t.call('admin', 'reference:create', { kind: 'serviceItem', nameZh: '新', nameEn: 'New', extra: {} });
    expect(r).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } });
    expect(t.rowCounts()).toEqual(before);
  });
});

describe('an account that must change its password', () => {
  const ALLOWED = ['auth:status', 'auth:signOut', 'auth:changePassword', 'prefs:get', 'prefs:setLanguage'];

  async function mustChangeSession(t: TestCore): Promise<Fixture> {
    const f = await withFixture(t);
    okValue(
      await t.call('admin', 'accounts:create', {
        displayName: '全能新人',
        loginName: 'fresh',
        roles: [...ROLES],
        password: TEMP_PASSWORD,
        passwordConfirm: TEMP_PASSWORD,
      }),
    );
    const session = okValue(await t.call('fresh-window', 'auth:signIn', { loginName: 'fresh', password: TEMP_PASSWORD }));
    expect(session.mustChangePassword).toBe(true);
    return f;
  }

  it.each(CHANNEL_NAMES.filter((c) => !c.startsWith('auth:') && !c.startsWith('prefs:')))(
    '%s is refused until the password is changed (even with every role)',
    async (name) => {
      const t = newCore();
      const f = await mustChangeSession(t);
      const before = snapshot(t);
      expectError(await t.callRaw('fresh-window', name, VALID[name](f)), { code: 'forbidden', messageKey: 'auth.mustChangePassword' });
      expect(snapshot(t)).toEqual(before);
    },
  );

  it('can read status and preferences, switch language, and change the password, after which everything opens', async () => {
    const t = newCore();
    await mustChangeSession(t);
    for (const name of ALLOWED.filter((c) => c !== 'auth:signOut' && c !== 'auth:changePassword')) {
      expect(await t.callRaw('fresh-window', name, name === 'prefs:setLanguage' ? { language: 'en' } : {})).toMatchObject({ ok: true });
    }
    const changed = okValue(
      await t.call('fresh-window', 'auth:changePassword', { currentPassword: TEMP_PASSWORD, password: OWN_PASSWORD, passwordConfirm: OWN_PASSWORD }),
    );
    expect(changed.mustChangePassword).toBe(false);
    expect(await t.call('fresh-window', 'accounts:list', {})).toMatchObject({ ok: true });
    expect(await t.call('fresh-window', 'reference:all', {})).toMatchObject({ ok: true });
  });

  it('can sign out', async () => {
    const t = newCore();
    await mustChangeSession(t);
    expect(await t.call('fresh-window', 'auth:signOut', {})).toEqual({ ok: true, value: null });
    expect(okValue(await t.call('fresh-window', 'auth:status', {})).account).toBeNull();
  });
});
