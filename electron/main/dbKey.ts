/**
 * The database key on this computer (issue 7 §2). A random 32-byte key, made on first run and
 * kept only wrapped by Electron's safeStorage (DPAPI on Windows, the Keychain on macOS,
 * libsecret/KWallet on Linux) in `desk.key.json` beside the database. The async safeStorage API
 * is used: the synchronous one is deprecated in Electron 45 and removed in 46.
 *
 * Signal Desktop kept its SQLCipher key in plain config.json for years (signalapp/Signal-Desktop
 * #2609, #4042), then lost users' data when the keyring changed under safeStorage (#6970): so
 * the key is also shown once as a recovery key, and a key that cannot be unwrapped leads to the
 * recovery screen, never to a new empty database.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DB_KEY_BYTES, isPlaintextDatabase, openKeyed } from '../core/db/open';
import type { KeyStorageInfo, KeyStore } from '../core/safety/runtime';

/** The part of Electron's safeStorage this file uses (tests pass a fake). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend(): string;
}

export interface KeyFileContent {
  format: 1;
  /** the keyring that wrapped the key, as Electron names it */
  backend: string;
  /** the key (hex), encrypted by safeStorage, in base64 */
  wrapped: string;
  createdAt: string;
  /** a new key during a key change (electron/core/safety/keyChange.ts), until the file needs it */
  pending?: string;
  /** keys the database had before, newest first: backups made then need them */
  retired?: string[];
  /** the key was put back from the recovery key at this time (ISO) */
  recoveredAt?: string;
}

export type KeyOutcome =
  | { kind: 'ready'; key: Buffer; storage: KeyStorageInfo; created: boolean; retiredKeys: Buffer[] }
  | { kind: 'recovery'; reason: 'keyMissing' | 'keyUnreadable' }
  /** the operating system offers no encryption at all: the app must not create an unprotected key */
  | { kind: 'unavailable' };

/** What protects the key here: Electron names the Linux backends; Windows and macOS have one each. */
export function backendName(platform: NodeJS.Platform, safeStorage: Pick<SafeStorageLike, 'getSelectedStorageBackend'>): string {
  if (platform === 'win32') return 'dpapi';
  if (platform === 'darwin') return 'keychain';
  return safeStorage.getSelectedStorageBackend();
}

/** basic_text = a key hard-coded in Chromium: anyone who can read the profile can unwrap. */
export const isWeakBackend = (backend: string): boolean => backend === 'basic_text';

function writeAtomically(file: string, content: string): void {
  const tmp = `${file}.tmp`;
  // Owner-only: the wrapped key is useless without the keyring, but nobody else needs it.
  fs.writeFileSync(tmp, content, { mode: 0o600 });
  const fd = fs.openSync(tmp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

async function wrap(key: Buffer, safeStorage: SafeStorageLike): Promise<string> {
  return (await safeStorage.encryptStringAsync(key.toString('hex'))).toString('base64');
}

function writeKeyFile(keyFile: string, content: KeyFileContent): void {
  fs.mkdirSync(path.dirname(keyFile), { recursive: true });
  writeAtomically(keyFile, `${JSON.stringify(content, null, 2)}\n`);
}

const storageOf = (content: KeyFileContent): KeyStorageInfo => ({
  backend: content.backend,
  weak: isWeakBackend(content.backend),
  recoveredAt: content.recoveredAt ?? null,
});

/** Writes the key file anew with `key` as the key; `extra` carries what a key change or a recovery adds. */
export async function storeDbKey(
  key: Buffer,
  keyFile: string,
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
  now: Date,
  extra: Pick<KeyFileContent, 'retired' | 'recoveredAt'> = {},
): Promise<KeyStorageInfo> {
  const backend = backendName(platform, safeStorage);
  const content: KeyFileContent = { format: 1, backend, wrapped: await wrap(key, safeStorage), createdAt: now.toISOString(), ...extra };
  writeKeyFile(keyFile, content);
  return storageOf(content);
}

function readKeyFile(keyFile: string): KeyFileContent | null {
  try {
    const raw: unknown = JSON.parse(fs.readFileSync(keyFile, 'utf8'));
    const c = raw as Partial<KeyFileContent>;
    if (c && c.format === 1 && typeof c.wrapped === 'string' && typeof c.backend === 'string') return c as KeyFileContent;
    return null;
  } catch {
    return null;
  }
}

/** A database file with content that is not plain SQLite: it can only be one of ours, encrypted. */
function holdsEncryptedData(dbFile: string): boolean {
  try {
    return fs.statSync(dbFile).size > 0 && !isPlaintextDatabase(dbFile);
  } catch {
    return false;
  }
}

export interface LoadKeyOptions {
  keyFile: string;
  dbFile: string;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  now: Date;
  /** whether `key` opens the database file; asked only when a key change was under way */
  opens?: (key: Buffer) => boolean;
}

/** Whether a key opens the database file (read-only): asked when a key change stopped half-way. */
export function opensDatabase(dbFile: string): (key: Buffer) => boolean {
  return (key) => {
    try {
      openKeyed(dbFile, { key, readonly: true, fileMustExist: true }).close();
      return true;
    } catch {
      return false;
    }
  };
}

async function unwrap(wrapped: string, safeStorage: SafeStorageLike): Promise<{ key: Buffer; shouldReEncrypt: boolean } | null> {
  try {
    const { result: hex, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(wrapped, 'base64'));
    return /^[0-9a-f]{64}$/.test(hex) ? { key: Buffer.from(hex, 'hex'), shouldReEncrypt } : null;
  } catch {
    return null;
  }
}

export async function loadOrCreateDbKey(o: LoadKeyOptions): Promise<KeyOutcome> {
  if (!(await o.safeStorage.isAsyncEncryptionAvailable())) return { kind: 'unavailable' };

  if (!fs.existsSync(o.keyFile)) {
    // Never a fresh key over encrypted data: that would look like an empty new database.
    if (holdsEncryptedData(o.dbFile)) return { kind: 'recovery', reason: 'keyMissing' };
    const key = randomBytes(DB_KEY_BYTES);
    return { kind: 'ready', key, storage: await storeDbKey(key, o.keyFile, o.safeStorage, o.platform, o.now), created: true, retiredKeys: [] };
  }

  let content = readKeyFile(o.keyFile);
  if (!content) return { kind: 'recovery', reason: 'keyUnreadable' };
  const current = await unwrap(content.wrapped, o.safeStorage);
  if (!current) return { kind: 'recovery', reason: 'keyUnreadable' };
  let { key } = current;
  const rewrite = current.shouldReEncrypt;

  // A key change stopped half-way (a crash, a power cut): the file itself says which key it needs.
  if (content.pending !== undefined) {
    const pending = await unwrap(content.pending, o.safeStorage);
    const { pending: _dropped, ...rest } = content;
    if (pending && !o.opens?.(key) && o.opens?.(pending.key)) {
      content = { ...rest, wrapped: content.pending, retired: [content.wrapped, ...(content.retired ?? [])] };
      delete content.recoveredAt;
      key = pending.key;
    } else content = rest;
    writeKeyFile(o.keyFile, content);
  }

  const retiredKeys: Buffer[] = [];
  for (const wrapped of content.retired ?? []) {
    const old = await unwrap(wrapped, o.safeStorage);
    if (old) retiredKeys.push(old.key);
  }
  // The keyring rotated its own key: wrap ours again so the next start still unwraps it.
  if (rewrite) {
    const retired = await Promise.all(retiredKeys.map((k) => wrap(k, o.safeStorage)));
    const storage = await storeDbKey(key, o.keyFile, o.safeStorage, o.platform, o.now, { retired, ...(content.recoveredAt ? { recoveredAt: content.recoveredAt } : {}) });
    return { kind: 'ready', key, storage, created: false, retiredKeys };
  }
  return { kind: 'ready', key, storage: storageOf({ ...content, backend: backendName(o.platform, o.safeStorage) }), created: false, retiredKeys };
}

/**
 * The key store a key change uses (electron/core/safety/keyChange.ts): the new key is written
 * as pending beside the current one before the database file changes, and becomes the key once
 * it has; the old key moves to `retired` so the backups made with it can still be restored.
 */
export function fileKeyStore(o: Omit<LoadKeyOptions, 'now' | 'opens' | 'dbFile'> & { now: () => Date }): KeyStore {
  const read = (): KeyFileContent => {
    const content = readKeyFile(o.keyFile);
    if (!content) throw new Error('The key file cannot be read');
    return content;
  };
  return {
    async stage(newKey) {
      writeKeyFile(o.keyFile, { ...read(), pending: await wrap(newKey, o.safeStorage) });
    },
    async commit(newKey, oldKey) {
      const { retired = [] } = read();
      await storeDbKey(newKey, o.keyFile, o.safeStorage, o.platform, o.now(), { retired: [await wrap(oldKey, o.safeStorage), ...retired] });
    },
    async discard() {
      const { pending: _dropped, ...rest } = read();
      writeKeyFile(o.keyFile, rest);
    },
  };
}
