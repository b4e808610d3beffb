import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/api/contract';
import { ROLES } from '../../../shared/domain/roles';
import { ALLOWED_WHILE_LOCKED } from '../../../electron/core/safety/gate';
import { makeCore, okValue, OWN_PASSWORD, SUPERVISOR, type TestCore } from '../../support/core';

const cores: TestCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.cleanup();
});
function newCore(...args: Parameters<typeof makeCore>): TestCore {
  const t = makeCore(...args);
  cores.push(t);
  return t;
}

describe('idle lock', () => {
  it('a locked window may only unlock, sign out, read its status and switch language; every other channel is refused', async () => {
    const t = newCore();
    // Every role, so no refusal below can come from the role check.
    const me = await t.signInAs('all', [...ROLES]);
    okValue(await t.call('all', 'safety:lock', {}));
    const before = t.rowCounts();
    for (const name of CHANNEL_NAMES.filter((c) => !ALLOWED_WHILE_LOCKED.has(c))) {
      const r = await t.callRaw('all', name, {});
      expect({ name, r }).toEqual({ name, r: { ok: false, error: { code: 'locked', messageKey: 'safety:lock.sessionLocked' } } });
    }
    expect(t.rowCounts()).toEqual(before);
    expect(okValue(await t.call('all', 'auth:status', {})).account?.loginName).toBe(me.loginName);
    // Other windows are not affected.
    await t.signInAs('other', ['operator']);
    expect(await t.call('other', 'reference:all', {})).toMatchObject({ ok: true });
  });

  it('the right password unlocks; the lock and the unlock are in the audit trail', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    okValue(await t.call('admin', 'safety:lock', {}));
    okValue(await t.call('admin', 'auth:unlock', { password: SUPERVISOR.password }));
    expect(await t.call('admin', 'accounts:list', {})).toMatchObject({ ok: true });
    const actions = (t.core.db.prepare("SELECT action FROM audit_log WHERE entity = 'session' ORDER BY id").all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(['lock', 'unlock']);
  });

  it('a wrong password is refused at the field, counts as a failed sign-in, and five of them lock the account', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    const op = await t.signInAs('desk', ['operator']);
    okValue(await t.call('desk', 'safety:lock', {}));
    for (let i = 0; i < 4; i++) {
      expect(await t.call('desk', 'auth:unlock', { password: 'wrong-password' })).toEqual({
        ok: false,
        error: { code: 'validation', messageKey: 'safety:lock.wrongPassword', field: 'password', fields: [{ field: 'password', messageKey: 'safety:lock.wrongPassword' }] },
      });
    }
    // The same slowdown as at sign-in (1 s, 2 s …).
    expect(t.sleeps).toEqual([1000, 2000]);
    const fifth = await t.call('desk', 'auth:unlock', { password: 'wrong-password' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'locked', messageKey: 'auth.locked' } });
    // Even the right password waits out the lockout now.
    expect(await t.call('desk', 'auth:unlock', { password: OWN_PASSWORD })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await t.call('desk', 'reference:all', {})).toMatchObject({ ok: false, error: { code: 'locked', messageKey: 'safety:lock.sessionLocked' } });
    const failed = t.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'signInFailed' AND entity_id = ?").get(String(op.id));
    expect(failed).toEqual({ n: 5 });
    // Signing out is always possible, and ends the lock with the session.
    okValue(await t.call('desk', 'auth:signOut', {}));
    expect(okValue(await t.call('desk', 'auth:status', {})).account).toBeNull();
  });

  it('main can lock every signed-in window at once (screen locked, computer asleep)', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    await t.signInAs('desk', ['operator']);
    t.core.dispatcher.lockAll();
    for (const sender of ['admin', 'desk']) {
      expect(await t.call(sender, 'reference:all', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    }
    // A signed-out window has nothing to lock and can still sign in.
    expect(await t.call('stranger', 'auth:signIn', { loginName: SUPERVISOR.loginName, password: SUPERVISOR.password })).toMatchObject({ ok: true });
    expect(await t.call('stranger', 'reference:all', {})).toMatchObject({ ok: true });
  });

  it('the idle time is a supervisor setting (default 10 minutes) that every signed-in window reads', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    await t.signInAs('desk', ['operator']);
    expect(okValue(await t.call('desk', 'safety:status', {})).idleMinutes).toBe(10);
    expect(await t.call('desk', 'safety:setSessionPolicy', { idleMinutes: 5 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const bad = await t.call('admin', 'safety:setSessionPolicy', { idleMinutes: 0 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', field: 'idleMinutes', messageKey: 'validation.tooSmall' } });
    okValue(await t.call('admin', 'safety:setSessionPolicy', { idleMinutes: 3 }));
    expect(okValue(await t.call('desk', 'safety:status', {})).idleMinutes).toBe(3);
    const entry = t.core.db.prepare("SELECT details FROM audit_log WHERE entity = 'safetySetting'").get() as { details: string };
    expect(JSON.parse(entry.details)).toEqual({ before: 10, after: 3 });
  });
});
