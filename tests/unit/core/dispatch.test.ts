import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract, type ChannelName, type InputOf } from '../../../shared/api/contract';
import type { ApiError, Result } from '../../../shared/api/result';
import { ROLES } from '../../../shared/domain/roles';
import { TOPIC_TEXT_FIELDS } from '../../../shared/domain/counter';
import { makeCore, okValue, OWN_PASSWORD, SUPERVISOR, TEMP_PASSWORD, type TestCore } from '../../support/core';

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
}

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
  'counter:logVisit': () => ({ topicIds: [1], lang: 'zh-TW', outcome: 'answered' }),
  'counter:visitsOn': () => ({}),
  'counter:faq': () => ({ from: '2025-03-01', to: '2025-03-31' }),
  'counter:inquiry': () => ({ nationalId: 'A123456789' }),
  'stats:section': () => ({ period: { kind: 'month', year: 2025, month: 3 }, section: 'hotline' }),
  'export:run': () => ({ kind: 'stats.table', params: { period: { kind: 'month', year: 2025, month: 3 }, table: 'hotline.summary' }, lang: 'zh-TW', format: 'csv' }),
};

async function withFixture(t: TestCore): Promise<Fixture> {
  await t.setupSupervisor('admin');
  const op = await t.signInAs('operator-window', ['operator']);
  const all = okValue(await t.call('admin', 'reference:all', {}));
  const ids = all.serviceItem.map((i) => i.id);
  return { accountId: op.id, refId: ids[0] ?? 0, serviceItemIds: ids, guidanceUnitId: all.guidanceUnit[0]?.id ?? 0 };
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
      const parsed = contract[name].input.safeParse(VALID[name]({ accountId: 2, refId: 1, serviceItemIds: [1, 2], guidanceUnitId: 1 }));
      expect({ name, ok: parsed.success }).toEqual({ name, ok: true });
    }
  });

  it('only sign-in, first-run setup, status and language preferences are public', () => {
    // counter:presented feeds the visitor-facing screen, which nobody signs into; it returns
    // only the published guidance topic on show (see shared/api/channels/counter.ts).
    expect(PUBLIC.sort()).toEqual(['auth:setupSupervisor', 'auth:signIn', 'auth:status', 'counter:presented', 'prefs:get', 'prefs:setLanguage']);
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

  it.each(PUBLIC)('%s works without a session', async (name) => {
    const t = newCore();
    // first-run setup is only possible before any account exists
    const f = name === 'auth:setupSupervisor' ? { accountId: 0, refId: 0, serviceItemIds: [], guidanceUnitId: 0 } : await withFixture(t);
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
    expect(await t.callRaw('admin', name, VALID[name](f))).toMatchObject({ ok: true });
  });
});

const ONE_MB = 'x'.repeat(1024 * 1024);

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
      expect({ label, messageKey: error.messageKey }).toEqual({ label, messageKey: expect.stringMatching(/^validation\./) });
      for (const field of error.fields ?? []) expect(field.messageKey).toMatch(/^validation\./);
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
