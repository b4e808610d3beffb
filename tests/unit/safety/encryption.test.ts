import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseKeyError, isPlaintextDatabase, openDatabase, openKeyed } from '../../../electron/core/db/open';
import { startCore } from '../../../electron/core/bootstrap';
import { memoryPreferences } from '../../../electron/core/prefs/memoryStore';
import { fakePrintHost, makeCore, makeTempDir, okValue, type TestCore } from '../../support/core';

const MIGRATIONS = path.join(process.cwd(), 'electron/core/db/migrations');
const NAME = '林美惠';
const NATIONAL_ID = 'A123456789';
const PHONE = '0912345678';
const ADDRESS = '高雄市苓雅區四維三路2號';

const cores: TestCore[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.cleanup();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Every file the database consists of right now (main file, WAL, shared memory). */
function rawBytes(dbFile: string): Buffer {
  const dir = path.dirname(dbFile);
  const base = path.basename(dbFile);
  return Buffer.concat(fs.readdirSync(dir).filter((f) => f.startsWith(base)).map((f) => fs.readFileSync(path.join(dir, f))));
}

function containsText(bytes: Buffer, text: string): boolean {
  // UTF-8 as SQLite stores TEXT, and UTF-16 in case a page holds it that way.
  return bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'));
}

async function writePersonalData(t: TestCore): Promise<void> {
  await t.setupSupervisor('admin');
  okValue(await t.call('admin', 'accounts:create', { displayName: NAME, loginName: 'mei', roles: ['coordinator'], password: 'Temp#12345', passwordConfirm: 'Temp#12345' }));
  await t.signInAs('coord', ['coordinator']);
  okValue(
    await t.call('coord', 'lectures:saveAttendee', {
      name: NAME,
      nationalId: NATIONAL_ID,
      birthDate: '1990-01-02',
      phone: PHONE,
      address: ADDRESS,
      drugClass: 3,
      penaltyCount: 1,
    }),
  );
}

describe('encryption at rest', () => {
  it('a plain database shows the name and ID in its raw bytes (the check below can see plaintext)', async () => {
    const t = makeCore();
    cores.push(t);
    await writePersonalData(t);
    expect(containsText(rawBytes(t.dbFile), NATIONAL_ID)).toBe(true);
  });

  it('with a key, neither the file nor its WAL holds a name, ID, phone or address in plaintext', async () => {
    const t = makeCore({ dbKey: randomBytes(32) });
    cores.push(t);
    await writePersonalData(t);
    // The data is there, readable through the app …
    const found = okValue(await t.call('coord', 'lectures:searchAttendees', { query: NATIONAL_ID }));
    expect(JSON.stringify(found)).toContain(NAME);
    // … while the WAL still holds the recent pages (no checkpoint yet) and the file the rest.
    expect(fs.existsSync(`${t.dbFile}-wal`)).toBe(true);
    const raw = rawBytes(t.dbFile);
    for (const secret of [NAME, NATIONAL_ID, PHONE, ADDRESS, 'SQLite format 3', 'CREATE TABLE']) {
      expect({ secret, found: containsText(raw, secret) }).toEqual({ secret, found: false });
    }
    // After a checkpoint and close the main file alone is still unreadable.
    t.core.db.pragma('wal_checkpoint(TRUNCATE)');
    t.core.close();
    expect(containsText(fs.readFileSync(t.dbFile), NATIONAL_ID)).toBe(false);
    expect(isPlaintextDatabase(t.dbFile)).toBe(false);
  });

  it('opening without the key, or with another key, fails with a clear error', async () => {
    const key = randomBytes(32);
    const t = makeCore({ dbKey: key });
    cores.push(t);
    await t.setupSupervisor('admin');
    t.core.close();
    expect(() => openDatabase(t.dbFile, { migrationsDir: MIGRATIONS })).toThrow(DatabaseKeyError);
    expect(() => openDatabase(t.dbFile, { migrationsDir: MIGRATIONS, key: randomBytes(32) })).toThrow(/cannot be read with this key/);
    const again = openKeyed(t.dbFile, { key, readonly: true });
    expect(again.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 1 });
    again.close();
  });

  it('the core refuses to start on a file it cannot decrypt, and leaves it untouched', async () => {
    const t = makeCore({ dbKey: randomBytes(32) });
    cores.push(t);
    await t.setupSupervisor('admin');
    t.core.close();
    const before = fs.readFileSync(t.dbFile);
    expect(() =>
      startCore({
        dbFile: t.dbFile,
        dbKey: randomBytes(32),
        appRoot: process.cwd(),
        clock: () => new Date(),
        prefs: memoryPreferences(),
        printHost: fakePrintHost(),
        sleep: async () => undefined,
      }),
    ).toThrow(DatabaseKeyError);
    expect(fs.readFileSync(t.dbFile).equals(before)).toBe(true);
  });

  it('a database from before encryption is encrypted in place on the first keyed open, data kept', async () => {
    const dir = makeTempDir('dufang-enc-');
    dirs.push(dir);
    const file = path.join(dir, 'old.sqlite3');
    const plain = makeCore({ dbFile: file });
    await writePersonalData(plain);
    plain.core.close();
    expect(isPlaintextDatabase(file)).toBe(true);

    const key = randomBytes(32);
    const { db } = openDatabase(file, { migrationsDir: MIGRATIONS, key });
    expect(db.prepare('SELECT name FROM lecture_attendees').all()).toEqual([{ name: NAME }]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    plain.cleanup();
    expect(isPlaintextDatabase(file)).toBe(false);
    expect(containsText(rawBytes(file), NATIONAL_ID)).toBe(false);
    expect(() => openKeyed(file)).toThrow(DatabaseKeyError);
  });
});
