import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { formatRecoveryKey, parseRecoveryKey } from '../../../electron/core/safety/recoveryKey';
import { createRecoveryDispatcher } from '../../../electron/core/safety/recovery';
import { memoryPreferences } from '../../../electron/core/prefs/memoryStore';
import { makeCore, okValue, type TestCore } from '../../support/core';

const cores: TestCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.cleanup();
});
function newCore(...args: Parameters<typeof makeCore>): TestCore {
  const t = makeCore(...args);
  cores.push(t);
  return t;
}

describe('recovery key format', () => {
  it('is 14 groups of 4 that read back to the same 32 bytes, forgiving case, spaces and look-alikes', () => {
    for (let i = 0; i < 50; i++) {
      const key = randomBytes(32);
      const text = formatRecoveryKey(key);
      expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(parseRecoveryKey(text)).toEqual({ ok: true, key });
      const sloppy = ` ${text.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `;
      expect(parseRecoveryKey(sloppy)).toEqual({ ok: true, key });
    }
  });

  it('tells a typo (checksum) from text that is no recovery key at all', () => {
    const text = formatRecoveryKey(randomBytes(32));
    const i = 7;
    const swapped = text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1);
    expect(parseRecoveryKey(swapped)).toEqual({ ok: false, reason: 'typo' });
    expect(parseRecoveryKey(text.slice(0, -5))).toEqual({ ok: false, reason: 'format' });
    expect(parseRecoveryKey("'; DROP TABLE accounts;--")).toEqual({ ok: false, reason: 'format' });
  });
});

describe('the recovery key at setup', () => {
  it('is shown to a supervisor until confirmed, printable through the print path, then never again', async () => {
    const key = randomBytes(32);
    const t = newCore({ dbKey: key });
    await t.setupSupervisor('admin');
    const op = await t.signInAs('desk', ['operator']);
    expect(op.roles).toEqual(['operator']);
    expect(okValue(await t.call('admin', 'safety:status', {})).recoveryKeyPending).toBe(true);
    expect(okValue(await t.call('desk', 'safety:status', {})).recoveryKeyPending).toBe(false);
    expect(await t.call('desk', 'safety:recoveryKey', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const shown = okValue(await t.call('admin', 'safety:recoveryKey', {})).recoveryKey;
    expect(parseRecoveryKey(shown)).toEqual({ ok: true, key });
    const preview = okValue(await t.call('admin', 'print:preview', { kind: 'safety.recoveryKey', params: {}, lang: 'zh-TW' }));
    for (const group of shown.split('-')) expect(preview.html).toContain(`<span>${group}</span>`);
    expect(preview.title).toBe('資料庫復原金鑰');

    expect(await t.callRaw('admin', 'safety:confirmRecoveryKey', { stored: false })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'stored', messageKey: 'safety:recoveryKey.mustConfirm' },
    });
    okValue(await t.call('admin', 'safety:confirmRecoveryKey', { stored: true }));
    expect(okValue(await t.call('admin', 'safety:status', {})).recoveryKeyPending).toBe(false);
    expect(await t.call('admin', 'safety:recoveryKey', {})).toMatchObject({ ok: false, error: { messageKey: 'safety:recoveryKey.alreadyConfirmed' } });
    expect(await t.call('admin', 'print:preview', { kind: 'safety.recoveryKey', params: {}, lang: 'zh-TW' })).toMatchObject({ ok: false });
    const actions = t.core.db.prepare("SELECT action FROM audit_log WHERE entity = 'recoveryKey' ORDER BY id").all();
    expect(actions.at(-1)).toEqual({ action: 'confirm' });
  });

  it('does not exist for a database without a key', async () => {
    const t = newCore();
    await t.setupSupervisor('admin');
    expect(okValue(await t.call('admin', 'safety:status', {}))).toMatchObject({ encrypted: false, recoveryKeyPending: false });
    expect(await t.call('admin', 'safety:recoveryKey', {})).toMatchObject({ ok: false, error: { messageKey: 'safety:recoveryKey.notEncrypted' } });
  });
});

describe('a plain-text-equivalent keyring (Linux basic_text)', () => {
  const weak = { dbKey: randomBytes(32), safety: { keyStorage: { backend: 'basic_text', weak: true } } };

  it('refuses the app until a supervisor explicitly accepts it; the acceptance is stored and audited', async () => {
    const t = newCore(weak);
    await t.setupSupervisor('admin');
    const status = okValue(await t.call('admin', 'safety:status', {}));
    expect(status).toMatchObject({ blocked: true, keyring: { backend: 'basic_text', weak: true, acceptance: null } });
    const before = t.rowCounts();
    expect(await t.call('admin', 'accounts:list', {})).toEqual({ ok: false, error: { code: 'forbidden', messageKey: 'safety:keyring.notAccepted' } });
    expect(await t.call('admin', 'reference:all', {})).toMatchObject({ ok: false, error: { messageKey: 'safety:keyring.notAccepted' } });
    expect(t.rowCounts()).toEqual(before);
    expect(await t.callRaw('admin', 'safety:acceptWeakKeyring', {})).toMatchObject({ ok: false, error: { code: 'validation', field: 'accept' } });

    const accepted = okValue(await t.call('admin', 'safety:acceptWeakKeyring', { accept: true }));
    expect(accepted).toMatchObject({ blocked: false, keyring: { acceptance: { byName: '王督導' } } });
    expect(await t.call('admin', 'accounts:list', {})).toMatchObject({ ok: true });
    const audit = t.core.db.prepare("SELECT account_id, entity_id FROM audit_log WHERE action = 'acceptWeakKeyring'").all();
    expect(audit).toEqual([{ account_id: 1, entity_id: 'basic_text' }]);
  });

  it('only a supervisor can accept; other roles see the refusal until then', async () => {
    const t = newCore(weak);
    await t.setupSupervisor('admin');
    // Creating the operator's account is itself refused before the acceptance.
    expect(await t.call('admin', 'accounts:create', { displayName: '值班', loginName: 'op', roles: ['operator'], password: 'Temp#12345', passwordConfirm: 'Temp#12345' })).toMatchObject({
      ok: false,
      error: { messageKey: 'safety:keyring.notAccepted' },
    });
    okValue(await t.call('admin', 'safety:acceptWeakKeyring', { accept: true }));
    await t.signInAs('desk', ['operator']);
    expect(await t.call('desk', 'safety:acceptWeakKeyring', { accept: true })).toMatchObject({ ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } });
  });

  it('a real keyring needs no acceptance', async () => {
    const t = newCore({ dbKey: randomBytes(32), safety: { keyStorage: { backend: 'gnome_libsecret', weak: false } } });
    await t.setupSupervisor('admin');
    expect(okValue(await t.call('admin', 'safety:status', {})).blocked).toBe(false);
    expect(await t.call('admin', 'safety:acceptWeakKeyring', { accept: true })).toMatchObject({ ok: false, error: { messageKey: 'safety:keyring.notWeak' } });
  });
});

describe('recovery mode (the key could not be unwrapped)', () => {
  async function encryptedFile() {
    const key = randomBytes(32);
    const t = newCore({ dbKey: key });
    await t.setupSupervisor('admin');
    t.core.close();
    return { key, file: t.dbFile };
  }

  it('says why it needs the recovery key and refuses everything else', async () => {
    const { file } = await encryptedFile();
    const d = createRecoveryDispatcher({ dbFile: file, reason: 'keyUnreadable', prefs: memoryPreferences(), onRecovered: async () => undefined });
    expect(await d.dispatch('w', 'safety:startup', {})).toEqual({ ok: true, value: { mode: 'recovery', reason: 'keyUnreadable', dbFile: file } });
    expect(await d.dispatch('w', 'accounts:list', {})).toEqual({ ok: false, error: { code: 'locked', messageKey: 'safety:recovery.required' } });
    expect(await d.dispatch('w', 'prefs:setLanguage', { language: 'en' })).toMatchObject({ ok: true, value: { language: 'en' } });
    expect(await d.dispatch('w', 'auth:status', {})).toMatchObject({ ok: true, value: { account: null } });
  });

  it('checks a typed key against the file: typo, wrong key and right key', async () => {
    const { key, file } = await encryptedFile();
    const recovered: Buffer[] = [];
    const d = createRecoveryDispatcher({ dbFile: file, reason: 'keyMissing', prefs: memoryPreferences(), onRecovered: async (k) => void recovered.push(k) });
    const right = formatRecoveryKey(key);
    const typo = right.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(await d.dispatch('w', 'safety:recover', { recoveryKey: typo })).toMatchObject({ ok: false, error: { field: 'recoveryKey', messageKey: 'safety:recovery.typo' } });
    expect(await d.dispatch('w', 'safety:recover', { recoveryKey: formatRecoveryKey(randomBytes(32)) })).toMatchObject({
      ok: false,
      error: { field: 'recoveryKey', messageKey: 'safety:recovery.wrongKey' },
    });
    expect(await d.dispatch('w', 'safety:recover', { recoveryKey: '' })).toMatchObject({ ok: false, error: { field: 'recoveryKey', messageKey: 'validation.required' } });
    expect(recovered).toEqual([]);
    expect(await d.dispatch('w', 'safety:recover', { recoveryKey: right.toLowerCase() })).toEqual({ ok: true, value: { restarting: true } });
    expect(recovered).toEqual([key]);
    expect(await d.dispatch('w', 'safety:startup', {})).toEqual({ ok: true, value: { mode: 'restarting' } });
  });

  it('the normal core answers "ready" and refuses a recovery it does not need', async () => {
    const t = newCore({ dbKey: randomBytes(32) });
    expect(await t.call('x', 'safety:startup', {})).toEqual({ ok: true, value: { mode: 'ready' } });
    expect(await t.call('x', 'safety:recover', { recoveryKey: 'x' })).toMatchObject({ ok: false, error: { messageKey: 'safety:recovery.notNeeded' } });
  });
});
