import Driver from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { storageError } from '../../../electron/core/db/storageErrors';
import { okValue } from '../../support/core';
import { hotlineFixture, type HotlineFixture } from './helpers';

let f: HotlineFixture;
afterEach(() => f?.t.cleanup());

/** The database may not grow by a single page: SQLite then answers SQLITE_FULL, as on a full disk. */
function fillDisk(f: HotlineFixture): () => void {
  const db = f.t.core.db;
  db.exec('VACUUM');
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages}`);
  return () => void db.pragma('max_page_count = 1073741823');
}

describe('when the disk, not the request, fails', () => {
  it('a call saved on a full disk: told so, nothing written, and the same save works once there is space', async () => {
    f = await hotlineFixture();
    const freeSpace = fillDisk(f);
    const before = f.t.rowCounts();
    const call = f.call({ notes: '個案說明近況與就醫需求。'.repeat(300) });
    expect(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call })).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.diskFull' } });
    expect(f.t.rowCounts()).toEqual(before);
    expect(f.t.logs).toHaveLength(1);
    expect(String(f.t.logs[0])).toContain('database or disk is full');

    freeSpace();
    const saved = okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call }));
    expect(saved.call.notes).toBe(call.notes);
  });

  it('a write while another program holds the database: told to wait and try again', async () => {
    f = await hotlineFixture();
    f.t.core.db.pragma('busy_timeout = 0');
    const other = new Driver(f.t.dbFile);
    try {
      other.exec('BEGIN IMMEDIATE');
      const before = f.t.rowCounts();
      expect(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call() })).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.databaseBusy' } });
      other.exec('ROLLBACK');
      expect(f.t.rowCounts()).toEqual(before);
      okValue(await f.t.call('op1', 'hotline:saveCall', { draftId: null, call: f.call() }));
    } finally {
      other.close();
    }
  });

  it('each kind of storage failure has its message; anything else stays "internal error" (null here)', () => {
    const sqlite = (code: string) => new Driver.SqliteError('message', code);
    expect(storageError(sqlite('SQLITE_IOERR_WRITE'))?.messageKey).toBe('errors.storageFailed');
    expect(storageError(sqlite('SQLITE_READONLY_DBMOVED'))?.messageKey).toBe('errors.storageFailed');
    expect(storageError(sqlite('SQLITE_CANTOPEN'))?.messageKey).toBe('errors.storageFailed');
    expect(storageError(sqlite('SQLITE_CORRUPT'))?.messageKey).toBe('errors.databaseDamaged');
    expect(storageError(sqlite('SQLITE_NOTADB'))?.messageKey).toBe('errors.databaseDamaged');
    expect(storageError(sqlite('SQLITE_BUSY_SNAPSHOT'))?.messageKey).toBe('errors.databaseBusy');
    expect(storageError(sqlite('SQLITE_FULL'))?.messageKey).toBe('errors.diskFull');
    // A bug in our SQL is not the disk's fault.
    expect(storageError(sqlite('SQLITE_CONSTRAINT_FOREIGNKEY'))).toBeNull();
    expect(storageError(sqlite('SQLITE_ERROR'))).toBeNull();
    expect(storageError(new Error('SQLITE_FULL'))).toBeNull();
    expect(storageError('disk full')).toBeNull();
  });
});
