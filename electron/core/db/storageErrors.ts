/**
 * When the disk, not the request, is what failed. SQLite rolls the transaction back, so nothing
 * was half-written, but "系統發生錯誤" would leave a night-shift operator guessing whether to try
 * again or call IT. The person is told what happened and what to do; the error is still logged.
 */
import type { ApiError } from '../../../shared/api/result';

/** SQLite's primary result code of a driver error (SQLITE_IOERR_WRITE → SQLITE_IOERR); null for anything else. */
function sqliteCode(e: unknown): string | null {
  if (!(e instanceof Error) || e.name !== 'SqliteError') return null;
  const code = (e as Error & { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const [, primary = ''] = /^(SQLITE_[A-Z]+)/.exec(code) ?? [];
  return primary;
}

const MESSAGES: Readonly<Record<string, string>> = {
  // The disk (or the database's size limit) is full.
  SQLITE_FULL: 'errors.diskFull',
  // Another program, or a backup copying the file, held the database longer than busy_timeout.
  SQLITE_BUSY: 'errors.databaseBusy',
  SQLITE_LOCKED: 'errors.databaseBusy',
  // The disk or network drive failed the read or write, or the file became read-only.
  SQLITE_IOERR: 'errors.storageFailed',
  SQLITE_READONLY: 'errors.storageFailed',
  SQLITE_CANTOPEN: 'errors.storageFailed',
  // The file's pages do not read back as written: a restore from backup is the way out.
  SQLITE_CORRUPT: 'errors.databaseDamaged',
  SQLITE_NOTADB: 'errors.databaseDamaged',
};

export function storageError(e: unknown): ApiError | null {
  const code = sqliteCode(e);
  const messageKey = code ? MESSAGES[code] : undefined;
  return messageKey ? { code: 'internal', messageKey } : null;
}
