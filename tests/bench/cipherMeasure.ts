/**
 * Informational, beside hotline.saveCall: what one changed page costs a commit under the app's
 * cipher, and under a faster one SQLite3MultipleCiphers offers, with the app's own pragmas on a
 * scratch file (no target in the issue). A save writes ~20 pages and the bare INSERT it is
 * compared with ~4 (hotline.saveCall prints both), so a 20-page commit over a 4-page one is the
 * part of the save's ratio that pages alone cost, before any code runs.
 *
 * Why it is here: issue 7 asks for a SQLCipher-compatible file, and SQLCipher 4's AES-256-CBC +
 * HMAC-SHA512 is what makes each page dear; the team weighs the two issues with these figures.
 */
import fs from 'node:fs';
import path from 'node:path';
import Driver from 'better-sqlite3-multiple-ciphers';
import { applyPragmas, keyPragmas } from '../../electron/core/db/open';
import { result, runs, summarise, timePair, type MeasureResult } from './measure';

const KEY = Buffer.alloc(32, 0x5a);
const rawKey = `"x'${KEY.toString('hex')}'"`;

export const CIPHERS = {
  sqlcipher4: { label: "the app's cipher, SQLCipher 4 (AES-256-CBC + HMAC-SHA512)", pragmas: keyPragmas(KEY) },
  aegis: { label: 'AEGIS-256 (SQLite3MultipleCiphers; no SQLCipher tool opens it)', pragmas: ["cipher = 'aegis'", `key = ${rawKey}`] },
  plain: { label: 'no encryption (SQLite alone)', pragmas: [] as string[] },
} as const;

export type CipherId = keyof typeof CIPHERS;

/** Rows of ~3 KB: one per page, so changing n rows changes n table pages. The smoke run only checks the harness: 0.6 MB, not 12. */
const rowsFor = (quick: boolean) => (quick ? 200 : 4000);

export async function cipherPageCost(dir: string, id: CipherId, quick: boolean): Promise<MeasureResult> {
  const spec = CIPHERS[id];
  const file = path.join(dir, `cipher-${id}.sqlite3`);
  const db = new Driver(file);
  const rows = rowsFor(quick);
  try {
    for (const p of spec.pragmas) db.pragma(p);
    applyPragmas(db);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (randomblob(3000))');
    db.transaction(() => {
      for (let i = 0; i < rows; i++) insert.run();
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const update = db.prepare('UPDATE t SET v = randomblob(3000) WHERE id = ?');
    const commit = (pages: number) =>
      db.transaction((first: number) => {
        for (let k = 0; k < pages; k++) update.run(first + k);
      });
    const twenty = commit(20);
    const four = commit(4);
    // Rows far apart from one commit to the next, so no commit finds its pages already dirty.
    const at = (i: number) => 1 + ((i * 97) % (rows - 20));
    // At a desk the WAL has long had its working size and each commit overwrites frames in it;
    // while it still grows, every commit also extends the file, which costs more than the pages.
    for (let i = 0; i < (quick ? 10 : 500); i++) twenty(at(i));
    db.pragma('wal_checkpoint(RESTART)');
    const t = await timePair(runs(400, quick), (i) => twenty(at(i)), (i) => four(at(i + 7)));
    const perPage = (summarise(t.measure).p50 - summarise(t.baseline).p50) / 16;

    // A page SQLite's cache misses is read and decrypted again (the OS still has the file).
    db.pragma('cache_size = 0');
    const read = db.prepare('SELECT length(v) FROM t WHERE id = ?');
    const started = performance.now();
    for (let i = 1; i <= rows; i++) read.get(i);
    const readUs = ((performance.now() - started) / rows) * 1000;

    return result(`storage.cipher.${id}`, `commit of 20 changed pages, ${spec.label} (informational)`, t.measure, {
      baseline: { label: 'commit of 4 changed pages', samples: t.baseline },
      notes: [`per page written: ${(perPage * 1000).toFixed(1)} µs; per page read past the cache: ${readUs.toFixed(1)} µs`],
    });
  } finally {
    db.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  }
}
