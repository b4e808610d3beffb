import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError, Result } from '../../../shared/api/result';
import { hashPassword, verifyPassword } from '../../../electron/core/auth/password';
import { LOCK_MINUTES, MAX_FAILED_ATTEMPTS } from '../../../electron/core/auth/service';
import { makeCore, okValue, OWN_PASSWORD, SUPERVISOR, TEMP_PASSWORD, TEST_SCRYPT_COST, type TestCore } from '../../support/core';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.cleanup();
});

function newCore(): TestCore {
  const t = makeCore();
  cores.push(t);
  return t;
}

function errorOf(r: Result<unknown>): ApiError {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.error;
}

const MINUTE = 60_000;
const WRONG = 'not-the-password';

const signInSupervisor = (t: TestCore, password: string, sender = 'login-window') =>
  t.call(sender, 'auth:signIn', { loginName: SUPERVISOR.loginName, password });

function auditActions(t: TestCore): { action: string; account_id: number | null; entity_id: string | null }[] {
  return t.core.db.prepare('SELECT action, account_id, entity_id FROM audit_log ORDER BY id').all() as {
    action: string;
    account_id: number | null;
    entity_id: string | null;
  }[];
}

describe('first run', () => {
  it('asks for setup, creates exactly one supervisor and signs them in', async () => {
    const t = newCore();
    expect(okValue(await t.call('w', 'auth:status', {}))).toEqual({ needsSetup: true, account: null, lastLoginName: '' });

    const account = await t.setupSupervisor('w');
    expect(account).toMatchObject({ loginName: SUPERVISOR.loginName, displayName: SUPERVISOR.displayName, roles: ['supervisor'], mustChangePassword: false });

    const status = okValue(await t.call('w', 'auth:status', {}));
    expect(status).toMatchObject({ needsSetup: false, account: { id: account.id }, lastLoginName: SUPERVISOR.loginName });
    expect(okValue(await t.call('w', 'accounts:list', {}))).toHaveLength(1);
    // the password is stored hashed, never as typed
    const row = t.core.db.prepare('SELECT password_hash FROM accounts').get() as { password_hash: string };
    expect(row.password_hash).not.toContain(SUPERVISOR.password);
    expect(row.password_hash).toMatch(/^scrypt\$/);
  });

  it('a second setup is refused (conflict) and changes nothing', async () => {
    const t = newCore();
    await t.setupSupervisor('w');
    const before = t.rowCounts();
    const r = await t.call('other', 'auth:setupSupervisor', {
      displayName: 'Intruder',
      loginName: 'intruder',
      password: 'Intruder#2025',
      passwordConfirm: 'Intruder#2025',
    });
    expect(errorOf(r)).toMatchObject({ code: 'conflict', messageKey: 'auth.alreadySetUp' });
    expect(t.rowCounts()).toEqual(before);
    expect(okValue(await t.call('other', 'auth:status', {})).account).toBeNull();
  });

  it('two windows racing through setup get one supervisor', async () => {
    const t = newCore();
    const payload = (login: string) => ({ displayName: login, loginName: login, password: 'Racing#2025', passwordConfirm: 'Racing#2025' });
    const results = await Promise.all([t.call('a', 'auth:setupSupervisor', payload('first')), t.call('b', 'auth:setupSupervisor', payload('second'))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => errorOf(r).code)).toEqual(['conflict']);
    expect(t.rowCounts().accounts).toBe(1);
  });

  it('password confirmation mismatch is shown at the confirmation field', async () => {
    const t = newCore();
    const r = await t.call('w', 'auth:setupSupervisor', { ...SUPERVISOR, passwordConfirm: `${SUPERVISOR.password}x` });
    expect(errorOf(r)).toMatchObject({ code: 'validation', field: 'passwordConfirm', messageKey: 'validation.passwordMismatch' });
    expect(t.rowCounts().accounts).toBe(0);
  });
});

describe('signing in', () => {
  it('the right password signs in and remembers the login name', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    const account = okValue(await signInSupervisor(t, SUPERVISOR.password));
    expect(account.roles).toEqual(['supervisor']);
    expect(t.prefs.get().lastLoginName).toBe(SUPERVISOR.loginName);
    const summary = okValue(await t.call('admin', 'accounts:list', {}))[0];
    expect(summary?.lastSignInAt).toBe(t.clock.now.toISOString());
  });

  it('a wrong password is unauthenticated at the password field', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    const error = errorOf(await signInSupervisor(t, WRONG));
    expect(error).toMatchObject({ code: 'unauthenticated', field: 'password', messageKey: 'auth.invalidCredentials' });
    expect(okValue(await t.call('login-window', 'auth:status', {})).account).toBeNull();
  });

  it('an unknown login name gets exactly the same answer as a wrong password', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    const wrongPassword = errorOf(await signInSupervisor(t, WRONG));
    const unknownName = errorOf(await t.call('login-window', 'auth:signIn', { loginName: 'nobody', password: WRONG }));
    expect(unknownName).toEqual(wrongPassword);
  });

  it('slows down from the 3rd consecutive failure, with growing delays', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    await signInSupervisor(t, WRONG);
    await signInSupervisor(t, WRONG);
    expect(t.sleeps).toEqual([]);
    await signInSupervisor(t, WRONG);
    expect(t.sleeps).toHaveLength(1);
    await signInSupervisor(t, WRONG);
    expect(t.sleeps).toHaveLength(2);
    const [third, fourth] = t.sleeps as [number, number];
    expect(third).toBeGreaterThan(0);
    expect(fourth).toBeGreaterThan(third);
  });

  it(`locks for ${LOCK_MINUTES} minutes at the ${MAX_FAILED_ATTEMPTS}th failure; even the right password is refused meanwhile`, async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    for (let i = 1; i < 5; i++) expect(errorOf(await signInSupervisor(t, WRONG)).code).toBe('unauthenticated');
    expect(errorOf(await signInSupervisor(t, WRONG))).toMatchObject({ code: 'locked', messageKey: 'auth.locked', params: { minutes: 15 } });

    expect(errorOf(await signInSupervisor(t, SUPERVISOR.password))).toMatchObject({ code: 'locked', params: { minutes: 15 } });
    t.clock.advance(10 * MINUTE);
    expect(errorOf(await signInSupervisor(t, SUPERVISOR.password))).toMatchObject({ code: 'locked', params: { minutes: 5 } });
    const list = okValue(await t.call('admin', 'accounts:list', {}));
    expect(list[0]?.status).toBe('locked');

    t.clock.advance(5 * MINUTE);
    expect(okValue(await signInSupervisor(t, SUPERVISOR.password)).loginName).toBe(SUPERVISOR.loginName);
  });

  it('a successful sign-in resets the failure counter', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    for (let i = 0; i < 4; i++) await signInSupervisor(t, WRONG);
    okValue(await signInSupervisor(t, SUPERVISOR.password));
    t.sleeps.length = 0;
    for (let i = 0; i < 2; i++) expect(errorOf(await signInSupervisor(t, WRONG)).code).toBe('unauthenticated');
    expect(t.sleeps).toEqual([]);
    for (let i = 0; i < 2; i++) expect(errorOf(await signInSupervisor(t, WRONG)).code).toBe('unauthenticated');
    expect(errorOf(await signInSupervisor(t, WRONG)).code).toBe('locked');
  });

  it('guesses sent all at once still lock the account (the counter is not lost between concurrent attempts)', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => signInSupervisor(t, `${WRONG}${i}`, `w${i}`)));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(errorOf(await signInSupervisor(t, SUPERVISOR.password))).toMatchObject({ code: 'locked' });
  });

  it('a lockout that lands while the right password is being checked still refuses it', async () => {
    const t = newCore();
    const me = await t.setupSupervisor('admin');
    // the call runs up to the asynchronous hash and waits there …
    const pending = signInSupervisor(t, SUPERVISOR.password, 'b');
    // … while another window's 5th wrong guess locks the account
    const until = new Date(t.clock.now.getTime() + 15 * MINUTE).toISOString();
    t.core.db.prepare('UPDATE accounts SET locked_until = ? WHERE id = ?').run(until, me.id);
    expect(errorOf(await pending)).toMatchObject({ code: 'locked', params: { minutes: 15 } });
    expect(okValue(await t.call('b', 'auth:status', {})).account).toBeNull();
  });

  it('an account locked by the supervisor while its password is being checked is not signed in', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    const op = await t.signInAs('op', ['operator'], { loginName: 'op1' });
    const pending = t.call('op-login', 'auth:signIn', { loginName: 'op1', password: OWN_PASSWORD });
    okValue(await t.call('admin', 'accounts:setDisabled', { id: op.id, disabled: true }));
    expect(errorOf(await pending)).toMatchObject({ code: 'forbidden', messageKey: 'auth.disabled' });
    expect(okValue(await t.call('op-login', 'auth:status', {})).account).toBeNull();
  });

  it('sign-in, account creation and locking are written to the audit log', async () => {
    const t = newCore();
    const supervisor = await t.setupSupervisor('admin');
    okValue(await signInSupervisor(t, SUPERVISOR.password));
    const op = await t.signInAs('op', ['operator']);
    okValue(await t.call('admin', 'accounts:setDisabled', { id: op.id, disabled: true }));
    const log = auditActions(t);
    expect(log).toEqual(
      expect.arrayContaining([
        { action: 'signIn', account_id: supervisor.id, entity_id: String(supervisor.id) },
        { action: 'create', account_id: supervisor.id, entity_id: String(op.id) },
        { action: 'signIn', account_id: op.id, entity_id: String(op.id) },
        { action: 'lock', account_id: supervisor.id, entity_id: String(op.id) },
      ]),
    );
  });

  it('failed sign-ins and lockouts are audited', async () => {
    const t = newCore();
    const supervisor = await t.setupSupervisor('admin');
    for (let i = 0; i < 5; i++) await signInSupervisor(t, WRONG);
    const mine = auditActions(t).filter((e) => e.entity_id === String(supervisor.id));
    expect(mine.filter((e) => e.action === 'signInFailed')).toHaveLength(5);
    expect(mine.filter((e) => e.action === 'lockout')).toHaveLength(1);
  });
});

describe('accounts managed by a supervisor', () => {
  async function createOperator(t: TestCore, loginName = 'op1') {
    return okValue(
      await t.call('admin', 'accounts:create', {
        displayName: '陳接線',
        loginName,
        roles: ['operator'],
        password: TEMP_PASSWORD,
        passwordConfirm: TEMP_PASSWORD,
      }),
    );
  }

  it('a new operator must change the password at first sign-in and can only reach auth/prefs until then', async () => {
    const t = newCore();
    const supervisor = await t.setupSupervisor('admin');
    const created = await createOperator(t);
    expect(created).toMatchObject({ loginName: 'op1', roles: ['operator'], status: 'active', mustChangePassword: true, lastSignInAt: null });
    const row = t.core.db.prepare('SELECT created_by, updated_by FROM accounts WHERE id = ?').get(created.id);
    expect(row).toEqual({ created_by: supervisor.id, updated_by: supervisor.id });

    const session = okValue(await t.call('op', 'auth:signIn', { loginName: 'op1', password: TEMP_PASSWORD }));
    expect(session.mustChangePassword).toBe(true);
    expect(errorOf(await t.call('op', 'reference:all', {}))).toMatchObject({ code: 'forbidden', messageKey: 'auth.mustChangePassword' });
    expect(await t.call('op', 'prefs:get', {})).toMatchObject({ ok: true });

    expect(
      errorOf(await t.call('op', 'auth:changePassword', { currentPassword: 'wrong-one', password: OWN_PASSWORD, passwordConfirm: OWN_PASSWORD })),
    ).toMatchObject({ code: 'validation', field: 'currentPassword', messageKey: 'auth.wrongCurrentPassword' });
    expect(
      errorOf(await t.call('op', 'auth:changePassword', { currentPassword: TEMP_PASSWORD, password: TEMP_PASSWORD, passwordConfirm: TEMP_PASSWORD })),
    ).toMatchObject({ code: 'validation', field: 'password' });

    okValue(await t.call('op', 'auth:changePassword', { currentPassword: TEMP_PASSWORD, password: OWN_PASSWORD, passwordConfirm: OWN_PASSWORD }));
    expect(await t.call('op', 'reference:all', {})).toMatchObject({ ok: true });
    // operators still cannot manage accounts
    expect(errorOf(await t.call('op', 'accounts:list', {}))).toMatchObject({ code: 'forbidden' });
    // the new password is the one that works now
    okValue(await t.call('op', 'auth:signOut', {}));
    expect(errorOf(await t.call('op', 'auth:signIn', { loginName: 'op1', password: TEMP_PASSWORD })).code).toBe('unauthenticated');
    expect(okValue(await t.call('op', 'auth:signIn', { loginName: 'op1', password: OWN_PASSWORD })).mustChangePassword).toBe(false);
  });

  it('a login name is taken case-insensitively', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    await createOperator(t, 'op1');
    const r = await t.call('admin', 'accounts:create', {
      displayName: 'Dup',
      loginName: 'OP1',
      roles: ['counter'],
      password: TEMP_PASSWORD,
      passwordConfirm: TEMP_PASSWORD,
    });
    expect(errorOf(r)).toMatchObject({ code: 'conflict', field: 'loginName', messageKey: 'accounts.loginTaken' });
  });

  it('locking an operator ends their session at the next call, and sign-in is refused as disabled', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    const op = await t.signInAs('op', ['operator'], { loginName: 'op1' });
    expect(await t.call('op', 'reference:all', {})).toMatchObject({ ok: true });

    const locked = okValue(await t.call('admin', 'accounts:setDisabled', { id: op.id, disabled: true }));
    expect(locked.status).toBe('disabled');
    expect(errorOf(await t.call('op', 'reference:all', {}))).toMatchObject({ code: 'unauthenticated' });
    expect(errorOf(await t.call('op', 'auth:signIn', { loginName: 'op1', password: OWN_PASSWORD }))).toMatchObject({
      code: 'forbidden',
      messageKey: 'auth.disabled',
    });

    const unlocked = okValue(await t.call('admin', 'accounts:setDisabled', { id: op.id, disabled: false }));
    expect(unlocked.status).toBe('active');
    expect(okValue(await t.call('op', 'auth:signIn', { loginName: 'op1', password: OWN_PASSWORD })).id).toBe(op.id);
  });

  it('unlocking also lifts a lockout after failed sign-ins', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    const op = await t.signInAs('op', ['operator'], { loginName: 'op1' });
    for (let i = 0; i < 5; i++) await t.call('op-login', 'auth:signIn', { loginName: 'op1', password: WRONG });
    expect(errorOf(await t.call('op-login', 'auth:signIn', { loginName: 'op1', password: OWN_PASSWORD })).code).toBe('locked');
    expect(okValue(await t.call('admin', 'accounts:list', {})).find((a) => a.id === op.id)?.status).toBe('locked');

    okValue(await t.call('admin', 'accounts:setDisabled', { id: op.id, disabled: false }));
    expect(okValue(await t.call('op-login', 'auth:signIn', { loginName: 'op1', password: OWN_PASSWORD })).id).toBe(op.id);
  });

  it('a reset password is temporary, lifts a lockout, and the old one stops working', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    const op = await t.signInAs('op', ['operator'], { loginName: 'op1' });
    for (let i = 0; i < 5; i++) await t.call('op-login', 'auth:signIn', { loginName: 'op1', password: WRONG });

    const reset = okValue(await t.call('admin', 'accounts:resetPassword', { id: op.id, password: 'Reset#2025', passwordConfirm: 'Reset#2025' }));
    expect(reset).toMatchObject({ status: 'active', mustChangePassword: true });
    expect(errorOf(await t.call('op-login', 'auth:signIn', { loginName: 'op1', password: OWN_PASSWORD })).code).toBe('unauthenticated');
    expect(okValue(await t.call('op-login', 'auth:signIn', { loginName: 'op1', password: 'Reset#2025' })).mustChangePassword).toBe(true);
    // the operator's already-open window is sent to change the password too
    expect(errorOf(await t.call('op', 'reference:all', {}))).toMatchObject({ messageKey: 'auth.mustChangePassword' });
  });

  it('a reset with mismatching confirmation is refused at passwordConfirm', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    const op = await t.signInAs('op', ['operator']);
    const r = await t.call('admin', 'accounts:resetPassword', { id: op.id, password: 'Reset#2025', passwordConfirm: 'Reset#2026' });
    expect(errorOf(r)).toMatchObject({ code: 'validation', field: 'passwordConfirm' });
  });

  it('a supervisor cannot lock themselves', async () => {
    const t = newCore();
    const me = await t.setupSupervisor('admin');
    expect(errorOf(await t.call('admin', 'accounts:setDisabled', { id: me.id, disabled: true }))).toMatchObject({
      code: 'conflict',
      messageKey: 'accounts.cannotLockSelf',
    });
    expect(await t.call('admin', 'accounts:list', {})).toMatchObject({ ok: true });
  });

  it('the last active supervisor role cannot be removed', async () => {
    const t = newCore();
    const me = await t.setupSupervisor('admin');
    expect(errorOf(await t.call('admin', 'accounts:update', { id: me.id, displayName: 'me', roles: ['operator'] }))).toMatchObject({
      code: 'conflict',
      field: 'roles',
      messageKey: 'accounts.lastSupervisor',
    });
    expect(okValue(await t.call('admin', 'accounts:list', {}))[0]?.roles).toEqual(['supervisor']);

    // with a second supervisor it is allowed …
    const deputy = await t.signInAs('deputy', ['supervisor'], { loginName: 'deputy' });
    const demoted = okValue(await t.call('admin', 'accounts:update', { id: me.id, displayName: 'me', roles: ['operator'] }));
    expect(demoted.roles).toEqual(['operator']);
    // … and then the deputy is the last one
    expect(errorOf(await t.call('deputy', 'accounts:update', { id: deputy.id, displayName: 'd', roles: ['counter'] }))).toMatchObject({
      messageKey: 'accounts.lastSupervisor',
    });
  });

  it('a locked supervisor does not count as the remaining supervisor', async () => {
    const t = newCore();
    const me = await t.setupSupervisor('admin');
    const deputy = await t.signInAs('deputy', ['supervisor'], { loginName: 'deputy' });
    okValue(await t.call('admin', 'accounts:setDisabled', { id: deputy.id, disabled: true }));
    expect(errorOf(await t.call('admin', 'accounts:update', { id: me.id, displayName: 'me', roles: ['counter'] }))).toMatchObject({
      messageKey: 'accounts.lastSupervisor',
    });
  });

  it('updating an account that does not exist is notFound', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    expect(errorOf(await t.call('admin', 'accounts:update', { id: 999, displayName: 'x', roles: ['operator'] })).code).toBe('notFound');
    expect(errorOf(await t.call('admin', 'accounts:setDisabled', { id: 999, disabled: true })).code).toBe('notFound');
  });
});

describe('password hashing', () => {
  it('round-trips, and rejects a wrong password', async () => {
    const hash = await hashPassword('正確的密碼 correct horse', TEST_SCRYPT_COST);
    expect(await verifyPassword('正確的密碼 correct horse', hash)).toBe(true);
    expect(await verifyPassword('正確的密碼 correct hors', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('stores scrypt$N$r$p$salt$hash with the parameters used', async () => {
    const hash = await hashPassword('secret-pass', TEST_SCRYPT_COST);
    const parts = hash.split('$');
    expect(parts).toHaveLength(6);
    expect(parts.slice(0, 4)).toEqual(['scrypt', String(TEST_SCRYPT_COST), '8', '1']);
    expect(Buffer.from(parts[4] ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5] ?? '', 'base64')).toHaveLength(32);
  });

  it('salts: two hashes of the same password differ, and both verify', async () => {
    const a = await hashPassword('same-password', TEST_SCRYPT_COST);
    const b = await hashPassword('same-password', TEST_SCRYPT_COST);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same-password', a)).toBe(true);
    expect(await verifyPassword('same-password', b)).toBe(true);
  });

  it('treats a composed and a decomposed accented password alike (NFC), as typed on different keyboards', async () => {
    const hash = await hashPassword('caf\u00e9-2025', TEST_SCRYPT_COST);
    expect(await verifyPassword('cafe\u0301-2025', hash)).toBe(true);
  });

  it('a malformed stored hash never verifies', async () => {
    expect(await verifyPassword('x', 'plain-text-password')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$4$5')).toBe(false);
  });

  it('the real cost is the OWASP floor; tests only lower it', async () => {
    const { DEFAULT_COST } = await import('../../../electron/core/auth/password');
    expect(DEFAULT_COST).toBeGreaterThanOrEqual(2 ** 17);
  });
});
