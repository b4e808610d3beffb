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
import { DB_KEY_BYTES, isPlaintextDatabase } from '../core/db/open';
import type { KeyStorageInfo } from '../core/safety/runtime';

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
}

export type KeyOutcome =
  | { kind: 'ready'; key: Buffer; storage: KeyStorageInfo; created: boolean }
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

export async function storeDbKey(key: Buffer, keyFile: string, safeStorage: SafeStorageLike, platform: NodeJS.Platform, now: Date): Promise<KeyStorageInfo> {
  const backend = backendName(platform, safeStorage);
  const wrapped = await safeStorage.encryptStringAsync(key.toString('hex'));
  const content: KeyFileContent = { format: 1, backend, wrapped: wrapped.toString('base64'), createdAt: now.toISOString() };
  fs.mkdirSync(path.dirname(keyFile), { recursive: true });
  writeAtomically(keyFile, `${JSON.stringify(content, null, 2)}\n`);
  return { backend, weak: isWeakBackend(backend) };
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
}

export async function loadOrCreateDbKey(o: LoadKeyOptions): Promise<KeyOutcome> {
  if (!(await o.safeStorage.isAsyncEncryptionAvailable())) return { kind: 'unavailable' };
  const backend = backendName(o.platform, o.safeStorage);
  const storage = { backend, weak: isWeakBackend(backend) };

  if (!fs.existsSync(o.keyFile)) {
    // Never a fresh key over encrypted data: that would look like an empty new database.
    if (holdsEncryptedData(o.dbFile)) return { kind: 'recovery', reason: 'keyMissing' };
    const key = randomBytes(DB_KEY_BYTES);
    return { kind: 'ready', key, storage: await storeDbKey(key, o.keyFile, o.safeStorage, o.platform, o.now), created: true };
  }

  const content = readKeyFile(o.keyFile);
  if (!content) return { kind: 'recovery', reason: 'keyUnreadable' };
  let hex: string;
  let shouldReEncrypt: boolean;
  try {
    ({ result: hex, shouldReEncrypt } = await o.safeStorage.decryptStringAsync(Buffer.from(content.wrapped, 'base64')));
  } catch {
    return { kind: 'recovery', reason: 'keyUnreadable' };
  }
  if (!/^[0-9a-f]{64}$/.test(hex)) return { kind: 'recovery', reason: 'keyUnreadable' };
  const key = Buffer.from(hex, 'hex');
  // The keyring rotated its own key: wrap ours again so the next start still unwraps it.
  if (shouldReEncrypt) return { kind: 'ready', key, storage: await storeDbKey(key, o.keyFile, o.safeStorage, o.platform, o.now), created: false };
  return { kind: 'ready', key, storage, created: false };
}
