/**
 * Issue 7 §1: the writing process is killed with SIGKILL at random moments during a stream of
 * saves; after each kill the database opens, integrity_check is ok, every save acknowledged to
 * the caller is there, and no save is there in part. §3: a backup taken while another process
 * writes restores to a consistent state.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DURABILITY_PRAGMAS, keyPragmas, openDatabase, PRIVACY_PRAGMAS, type Db } from '../../electron/core/db/open';
import { createBackup } from '../../electron/core/safety/backup';
import { createSafetyRuntime } from '../../electron/core/safety/runtime';
import { makeCore, makeTempDir, okValue } from '../support/core';
import { prng } from '../support/prng';

const MIGRATIONS = path.join(process.cwd(), 'electron/core/db/migrations');
const WRITER = path.join(__dirname, 'writer.mjs');
const TRIALS = 24;

interface WriterRun {
  acked: number[];
  ready: string | null;
  /** set when the writer ended by itself with an error (not by our SIGKILL) */
  failure: string | null;
  /** the writer's streams, read while it runs */
  waitForAcks(n: number): Promise<void>;
  kill(): Promise<void>;
  finished: Promise<void>;
}

function startWriter(file: string, key: Buffer, first: number, count: number): WriterRun {
  const pragmas = [...keyPragmas(key), ...DURABILITY_PRAGMAS, ...PRIVACY_PRAGMAS];
  const child = spawn(process.execPath, [WRITER, JSON.stringify({ file, pragmas, first, count })], { stdio: ['ignore', 'pipe', 'pipe'] });
  const run: WriterRun = {
    acked: [],
    ready: null,
    failure: null,
    waitForAcks: (n) =>
      new Promise((resolve, reject) => {
        const check = () => (run.acked.length >= n ? resolve() : undefined);
        child.stdout.on('data', check);
        child.once('exit', () => (run.acked.length >= n ? resolve() : reject(new Error(`writer ended after ${run.acked.length} acks`))));
        check();
      }),
    kill: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
    finished: new Promise((resolve) => child.once('exit', () => resolve())),
  };
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('ack ')) run.acked.push(Number(line.slice(4)));
      else if (line.startsWith('ready ')) run.ready = line;
    }
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGKILL') run.failure = `writer failed (${code}): ${stderr}`;
  });
  return run;
}

/** Saves that are there in part: an account without its role row or its audit entry. */
function partialSaves(db: Db): number {
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM accounts a WHERE a.login_name LIKE 'w%' AND (
           (SELECT count(*) FROM account_roles r WHERE r.account_id = a.id) <> 1 OR
           (SELECT count(*) FROM audit_log l WHERE l.entity = 'account' AND l.entity_id = CAST(a.id AS TEXT)) <> 1)`,
      )
      .get() as { n: number }
  ).n;
}

function presentSaves(db: Db, ids: number[]): Set<number> {
  const rows = db.prepare("SELECT login_name AS l FROM accounts WHERE login_name LIKE 'w%'").all() as { l: string }[];
  const present = new Set(rows.map((r) => Number(r.l.slice(1))));
  return new Set(ids.filter((id) => present.has(id)));
}

let dir: string;
beforeAll(() => {
  dir = makeTempDir('dufang-durability-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('durability under SIGKILL', () => {
  it(`every acknowledged save survives ${TRIALS} kills at random moments, and the file stays intact`, async () => {
    const seed = Number(process.env.DURABILITY_SEED ?? Date.now() % 1_000_000);
    const random = prng(seed);
    const key = randomBytes(32);
    const file = path.join(dir, 'desk.sqlite3');
    openDatabase(file, { migrationsDir: MIGRATIONS, key }).db.close();

    let totalAcked = 0;
    let killedWithWal = 0;
    const everAcked: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const run = startWriter(file, key, trial * 100_000, 100_000);
      // Kill anywhere from "still opening the file" to "hundreds of saves in".
      const wait = Math.floor(random() * 350);
      await new Promise((r) => setTimeout(r, wait));
      await run.kill();
      expect(run.failure).toBeNull();
      totalAcked += run.acked.length;
      everAcked.push(...run.acked);
      if (run.ready) expect(run.ready).toBe('ready journal_mode=wal synchronous=2 foreign_keys=1');
      if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) killedWithWal++;

      const { db } = openDatabase(file, { migrationsDir: MIGRATIONS, key });
      try {
        const context = { seed, trial, wait, acked: run.acked.length };
        expect({ ...context, integrity: db.pragma('integrity_check', { simple: true }) }).toEqual({ ...context, integrity: 'ok' });
        const present = presentSaves(db, everAcked);
        const missing = everAcked.filter((id) => !present.has(id));
        expect({ ...context, missing }).toEqual({ ...context, missing: [] });
        expect({ ...context, partial: partialSaves(db) }).toEqual({ ...context, partial: 0 });
      } finally {
        db.close();
      }
    }
    // The kills must have hit a writer at work, with commits still in the WAL, not only idle moments.
    expect(totalAcked).toBeGreaterThan(200);
    expect(killedWithWal).toBeGreaterThan(TRIALS / 2);
  }, 120_000);
});

describe('a backup taken during writes', () => {
  it('restores to a consistent state holding every save acknowledged before it began', async () => {
    const key = randomBytes(32);
    const file = path.join(dir, 'busy.sqlite3');
    openDatabase(file, { migrationsDir: MIGRATIONS, key }).db.close();
    const backupDir = path.join(dir, 'backups');

    const run = startWriter(file, key, 1, 1_000_000);
    await run.waitForAcks(100);
    const ackedBefore = [...run.acked];
    // A second connection, as the app's own while the writer keeps going.
    const { db } = openDatabase(file, { migrationsDir: MIGRATIONS, key });
    const runtime = createSafetyRuntime(file, MIGRATIONS, key, { defaultBackupDir: backupDir });
    const backup = createBackup(db, runtime, 'manual', new Date().toISOString());
    db.close();
    await run.waitForAcks(ackedBefore.length + 50);
    await run.kill();
    const ackedTotal = run.acked.length;

    // Restore it through the app onto another installation's database with the same key.
    const target = makeCore({ dbKey: key, safety: { defaultBackupDir: backupDir } });
    try {
      await target.setupSupervisor('admin');
      const result = okValue(await target.call('admin', 'safety:restoreBackup', { name: backup.name }));
      expect(result.restarting).toBe(true);
      expect(target.core.safety.halted).toBe(true);

      const { db: restored } = openDatabase(target.dbFile, { migrationsDir: MIGRATIONS, key });
      try {
        expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(partialSaves(restored)).toBe(0);
        const saves = (restored.prepare("SELECT count(*) AS n FROM accounts WHERE login_name LIKE 'w%'").get() as { n: number }).n;
        // Everything acknowledged before the backup began, nothing more than was ever written.
        expect([...presentSaves(restored, ackedBefore)].length).toBe(ackedBefore.length);
        expect(saves).toBeGreaterThanOrEqual(ackedBefore.length);
        expect(saves).toBeLessThanOrEqual(ackedTotal + 1);
        // The writer's saves are numbered from 1 without gaps: a snapshot holds a prefix of them.
        const ids = (restored.prepare("SELECT login_name AS l FROM accounts WHERE login_name LIKE 'w%'").all() as { l: string }[])
          .map((r) => Number(r.l.slice(1)))
          .sort((a, b) => a - b);
        expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
      } finally {
        restored.close();
      }
    } finally {
      target.cleanup();
    }
  }, 60_000);
});
