import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { backendName, fileKeyStore, isWeakBackend, loadOrCreateDbKey, opensDatabase, storeDbKey, type SafeStorageLike } from '../../../electron/main/dbKey';
import { openDatabase, rekeyFile } from '../../../electron/core/db/open';
import { makeTempDir } from '../../support/core';

const MIGRATIONS = path.join(process.cwd(), 'electron/core/db/migrations');
const NOW = new Date('2025-03-05T01:00:00Z');

/**
 * A stand-in keyring: "encrypts" by XOR with a secret of its own, so the wrapped bytes differ
 * from the key, and can be told to fail (another Windows user, a reset keyring) or to rotate.
 */
interface FakeKeyring extends SafeStorageLike {
  available: boolean;
  broken: boolean;
  rotate: boolean;
  encrypted: number;
}

function fakeKeyring(backend = 'gnome_libsecret'): FakeKeyring {
  const secret = randomBytes(64);
  const xor = (b: Buffer) => Buffer.from(b.map((x, i) => x ^ (secret[i % secret.length] ?? 0)));
  const ring: FakeKeyring = {
    available: true,
    broken: false,
    rotate: false,
    encrypted: 0,
    async isAsyncEncryptionAvailable() {
      return ring.available;
    },
    async encryptStringAsync(text: string) {
      ring.encrypted++;
      return xor(Buffer.from(text, 'utf8'));
    },
    async decryptStringAsync(data: Buffer) {
      if (ring.broken) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { result: xor(data).toString('utf8'), shouldReEncrypt: ring.rotate };
    },
    getSelectedStorageBackend: () => backend,
  };
  return ring;
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function files() {
  const dir = makeTempDir('dufang-key-');
  dirs.push(dir);
  return { dir, keyFile: path.join(dir, 'desk.key.json'), dbFile: path.join(dir, 'desk.sqlite3') };
}

describe('the database key on this computer', () => {
  test('first run: a random 32-byte key, stored only wrapped by the keyring, owner-only', async () => {
    const f = files();
    const ring = fakeKeyring();
    const first = await loadOrCreateDbKey({ ...f, safeStorage: ring, platform: 'linux', now: NOW });
    if (first.kind !== 'ready') throw new Error(first.kind);
    expect(first).toMatchObject({ created: true, storage: { backend: 'gnome_libsecret', weak: false } });
    expect(first.key).toHaveLength(32);
    const stored = fs.readFileSync(f.keyFile, 'utf8');
    expect(stored).not.toContain(first.key.toString('hex'));
    expect(stored).not.toContain(first.key.toString('base64'));
    expect(JSON.parse(stored)).toMatchObject({ format: 1, backend: 'gnome_libsecret', createdAt: NOW.toISOString() });
    if (process.platform !== 'win32') expect(fs.statSync(f.keyFile).mode & 0o777).toBe(0o600);

    const again = await loadOrCreateDbKey({ ...f, safeStorage: ring, platform: 'linux', now: NOW });
    expect(again).toMatchObject({ kind: 'ready', created: false });
    expect(again.kind === 'ready' && again.key.equals(first.key)).toBe(true);
  });

  test('a keyring that cannot unwrap the key (new Windows profile, reset keyring) leads to recovery, never to a new key', async () => {
    const f = files();
    const ring = fakeKeyring();
    await loadOrCreateDbKey({ ...f, safeStorage: ring, platform: 'win32', now: NOW });
    const before = fs.readFileSync(f.keyFile);
    ring.broken = true;
    expect(await loadOrCreateDbKey({ ...f, safeStorage: ring, platform: 'win32', now: NOW })).toEqual({ kind: 'recovery', reason: 'keyUnreadable' });
    fs.writeFileSync(f.keyFile, '{ not json');
    ring.broken = false;
    expect(await loadOrCreateDbKey({ ...f, safeStorage: ring, platform: 'win32', now: NOW })).toEqual({ kind: 'recovery', reason: 'keyUnreadable' });
    fs.writeFileSync(f.keyFile, before);
    expect(await loadOrCreateDbKey({ ...f, safeStorage: ring, platform: 'win32', now: NOW })).toMatchObject({ kind: 'ready' });
  });

  test('an encrypted database without its key file asks for the recovery key; a plain one from before encryption gets a new key', async () => {
    const f = files();
    const ring = fakeKeyring();
    openDatabase(f.dbFile, { migrationsDir: MIGRATIONS, key: randomBytes(32) }).db.close();
    expect(await loadOrCreateDbKey({ ...f, safeStorage: ring, platform: 'linux', now: NOW })).toEqual({ kind: 'recovery', reason: 'keyMissing' });
    expect(fs.existsSync(f.keyFile)).toBe(false);

    const g = files();
    openDatabase(g.dbFile, { migrationsDir: MIGRATIONS }).db.close();
    expect(await loadOrCreateDbKey({ ...g, safeStorage: ring, platform: 'linux', now: NOW })).toMatchObject({ kind: 'ready', created: true });
  });

  test('a rotated keyring key: ours is wrapped again so the next start still unwraps it', async () => {
    const f = files();
    const ring = fakeKeyring();
    await loadOrCreateDbKey({ ...f, safeStorage: ring, platform: 'linux', now: NOW });
    ring.rotate = true;
    const count = ring.encrypted;
    await loadOrCreateDbKey({ ...f, safeStorage: ring, platform: 'linux', now: NOW });
    expect(ring.encrypted).toBe(count + 1);
  });

  test('no encryption offered at all: the app refuses instead of keeping the key unprotected', async () => {
    const f = files();
    const ring = fakeKeyring();
    ring.available = false;
    expect(await loadOrCreateDbKey({ ...f, safeStorage: ring, platform: 'linux', now: NOW })).toEqual({ kind: 'unavailable' });
    expect(fs.existsSync(f.keyFile)).toBe(false);
  });

  test('Linux basic_text is plain-text equivalent and reported as weak; Windows and macOS name their keyring', async () => {
    const f = files();
    const weak = await loadOrCreateDbKey({ ...f, safeStorage: fakeKeyring('basic_text'), platform: 'linux', now: NOW });
    expect(weak).toMatchObject({ kind: 'ready', storage: { backend: 'basic_text', weak: true } });
    expect(backendName('win32', fakeKeyring('unknown'))).toBe('dpapi');
    expect(backendName('darwin', fakeKeyring('unknown'))).toBe('keychain');
    expect(isWeakBackend('kwallet5')).toBe(false);
  });

  test('after recovery the typed key is stored again, unwraps on the next start, and the recovery is remembered', async () => {
    const f = files();
    const ring = fakeKeyring('kwallet6');
    const key = randomBytes(32);
    const recoveredAt = NOW.toISOString();
    expect(await storeDbKey(key, f.keyFile, ring, 'linux', NOW, { recoveredAt })).toEqual({ backend: 'kwallet6', weak: false, recoveredAt });
    const loaded = await loadOrCreateDbKey({ ...f, safeStorage: ring, platform: 'linux', now: NOW });
    expect(loaded).toMatchObject({ kind: 'ready', storage: { recoveredAt }, retiredKeys: [] });
    expect(loaded.kind === 'ready' && loaded.key.equals(key)).toBe(true);
  });
});

describe('a key change, wherever it stops', () => {
  /** A database with the key of a fresh key file, as on a desk before the supervisor changes it. */
  async function desk(ring = fakeKeyring()) {
    const f = files();
    const first = await loadOrCreateDbKey({ ...f, safeStorage: ring, platform: 'linux', now: NOW });
    if (first.kind !== 'ready') throw new Error(first.kind);
    openDatabase(f.dbFile, { migrationsDir: MIGRATIONS, key: first.key }).db.close();
    const store = fileKeyStore({ keyFile: f.keyFile, safeStorage: ring, platform: 'linux', now: () => NOW });
    const load = () => loadOrCreateDbKey({ ...f, safeStorage: ring, platform: 'linux', now: NOW, opens: opensDatabase(f.dbFile) });
    const keyFile = () => JSON.parse(fs.readFileSync(f.keyFile, 'utf8')) as Record<string, unknown>;
    return { f, ring, oldKey: first.key, newKey: randomBytes(32), store, load, keyFile };
  }
  const keyOf = (o: Awaited<ReturnType<typeof loadOrCreateDbKey>>) => (o.kind === 'ready' ? o.key.toString('hex') : o.kind);

  test('completed: the new key is the key; the old one is kept, wrapped, for older backups', async () => {
    const d = await desk();
    await d.store.stage(d.newKey);
    rekeyFile(d.f.dbFile, d.oldKey, d.newKey);
    await d.store.commit(d.newKey, d.oldKey);
    expect(d.keyFile()).not.toHaveProperty('pending');
    expect(JSON.stringify(d.keyFile())).not.toContain(d.oldKey.toString('hex'));
    const loaded = await d.load();
    expect(keyOf(loaded)).toBe(d.newKey.toString('hex'));
    expect(loaded.kind === 'ready' && loaded.retiredKeys.map((k) => k.toString('hex'))).toEqual([d.oldKey.toString('hex')]);
    // A second change keeps both older keys, newest first.
    const third = randomBytes(32);
    await d.store.stage(third);
    await d.store.commit(third, d.newKey);
    const later = await d.load();
    expect(later.kind === 'ready' && later.retiredKeys.map((k) => k.toString('hex'))).toEqual([d.newKey.toString('hex'), d.oldKey.toString('hex')]);
  });

  test('stopped after the new key was kept but before the file changed: the old key stays, the pending one is dropped', async () => {
    const d = await desk();
    await d.store.stage(d.newKey);
    expect(d.keyFile()).toHaveProperty('pending');
    const loaded = await d.load();
    expect(keyOf(loaded)).toBe(d.oldKey.toString('hex'));
    expect(d.keyFile()).not.toHaveProperty('pending');
    expect(loaded.kind === 'ready' && loaded.retiredKeys).toEqual([]);
  });

  test('stopped after the file changed but before the key file said so: the pending key is promoted', async () => {
    const ring = fakeKeyring();
    const d = await desk(ring);
    // As after a recovery: the change is what the supervisor was asked to do.
    await storeDbKey(d.oldKey, d.f.keyFile, ring, 'linux', NOW, { recoveredAt: NOW.toISOString() });
    await d.store.stage(d.newKey);
    rekeyFile(d.f.dbFile, d.oldKey, d.newKey);
    const loaded = await d.load();
    expect(keyOf(loaded)).toBe(d.newKey.toString('hex'));
    expect(loaded).toMatchObject({ storage: { recoveredAt: null } });
    expect(d.keyFile()).not.toHaveProperty('pending');
    expect(loaded.kind === 'ready' && loaded.retiredKeys.map((k) => k.toString('hex'))).toEqual([d.oldKey.toString('hex')]);
    expect(keyOf(await d.load())).toBe(d.newKey.toString('hex'));
  });

  test('abandoned: discard forgets the pending key; a rotated keyring wraps the retired keys again too', async () => {
    const d = await desk();
    await d.store.stage(d.newKey);
    await d.store.discard();
    expect(d.keyFile()).not.toHaveProperty('pending');
    await d.store.stage(d.newKey);
    rekeyFile(d.f.dbFile, d.oldKey, d.newKey);
    await d.store.commit(d.newKey, d.oldKey);
    d.ring.rotate = true;
    const before = d.ring.encrypted;
    const loaded = await d.load();
    expect(d.ring.encrypted).toBe(before + 2);
    expect(loaded.kind === 'ready' && loaded.retiredKeys.map((k) => k.toString('hex'))).toEqual([d.oldKey.toString('hex')]);
  });
});
