/**
 * `npm run bench` at a tiny size, every measure that needs no browser a few times: the
 * generator writes a consistent bureau in the seed's proportions, each measure runs through
 * the real dispatch table, finds what it looks for, and the report is written. Timings are
 * not judged here (a shared test machine); `npm run bench` does that on ten years of data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { initialJs } from '../../bench/appMeasures';
import { BENCH_KEY, ROOT, type Dataset } from '../../bench/generate';
import { runBench } from '../../bench/run';
import type { BenchReport } from '../../bench/report';
import { SMALL_SCALE, smallDataset } from './support';

let dataset: Dataset;
let dir: string;
let report: BenchReport;
let out: string;

beforeAll(async () => {
  ({ dataset, dir } = await smallDataset());
  out = path.join(dir, 'latest.json');
  report = await runBench({ scale: SMALL_SCALE, quick: true, only: [], browser: false, renderer: 'skip', dataset, out, log: () => undefined });
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const query = <T>(sql: string): T => {
  const { db } = openDatabase(dataset.file, { migrationsDir: path.join(ROOT, 'electron/core/db/migrations'), key: BENCH_KEY, readonly: true });
  try {
    return db.prepare(sql).get() as T;
  } finally {
    db.close();
  }
};

describe('the generated bureau', () => {
  it('has the volumes of the scale and the proportions of seed 004', () => {
    expect(dataset.counts.hotline_calls).toBe(1000);
    expect(dataset.counts.lecture_attendees).toBe(400);
    expect(dataset.counts.counter_visits).toBe(200);
    const items = (dataset.counts.hotline_call_items ?? 0) / (dataset.counts.hotline_calls ?? 1);
    expect(items).toBeGreaterThan(1.1);
    expect(items).toBeLessThan(1.3);
    const calls = query<{ clientFamily: number; psych: number }>(
      `SELECT (SELECT 1.0 * count(*) FROM hotline_calls c JOIN ref_items r ON r.id = c.caller_type_id WHERE r.code IN ('client', 'family')) / count(*) AS clientFamily,
              (SELECT 1.0 * count(*) FROM hotline_call_items i JOIN ref_items r ON r.id = i.service_item_id WHERE r.code = 'psychological-support')
                / (SELECT count(*) FROM hotline_call_items) AS psych
         FROM hotline_calls`,
    );
    // 50.1 % and 47.11 % in seed 004; 1,000 calls leave a few points of chance.
    expect(calls.clientFamily).toBeGreaterThan(0.45);
    expect(calls.clientFamily).toBeLessThan(0.56);
    expect(calls.psych).toBeGreaterThan(0.42);
    expect(calls.psych).toBeLessThan(0.53);
  });

  it('keeps every foreign key, valid IDs and a status history that ends where each enrolment stands', () => {
    const { db } = openDatabase(dataset.file, { migrationsDir: path.join(ROOT, 'electron/core/db/migrations'), key: BENCH_KEY, readonly: true });
    try {
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const mismatched = db
        .prepare(
          `SELECT count(*) FROM lecture_enrolments e
            WHERE e.status <> (SELECT h.to_status FROM lecture_enrolment_history h WHERE h.enrolment_id = e.id ORDER BY h.id DESC LIMIT 1)`,
        )
        .pluck()
        .get();
      expect(mismatched).toBe(0);
      // The notes index holds exactly the calls with text, each once.
      expect(db.prepare("SELECT count(*) FROM hotline_calls WHERE notes <> ''").pluck().get()).toBe(db.prepare('SELECT count(*) FROM hotline_call_text').pluck().get());
    } finally {
      db.close();
    }
  });
});

describe('npm run bench, a few runs of each measure', () => {
  it('runs every measure without a browser through the dispatch table', () => {
    const ids = report.results.map((r) => r.id);
    expect(ids).toEqual([
      'startup.fresh',
      'startup.existing',
      'storage.cipher.sqlcipher4',
      'storage.cipher.aegis',
      'storage.cipher.plain',
      'hotline.saveCall',
      'hotline.saveCallRows',
      'hotline.saveCallBurst',
      'lectures.lookup.code',
      'lectures.lookup.id',
      'lectures.lookup.phone',
      'lectures.lookup.name',
      'lectures.lookup.given',
      'lectures.lookup.surname',
      'lectures.lookup.idPrefix',
      'stats.hotline',
      'stats.lectures',
      'stats.counter',
      'stats.hotlineFirstReport',
      'stats.trends',
      'hotline.search.rare',
      'hotline.search.medium',
      'hotline.search.common',
      'hotline.search.short',
      'hotline.search.twoWords',
      'safety.saveDuringBackup',
      'safety.retention',
    ]);
    for (const r of report.results) {
      expect(r.summary.n, r.id).toBeGreaterThanOrEqual(3);
      expect(Number.isFinite(r.summary.p99) && r.summary.p99 > 0, r.id).toBe(true);
      expect(r.summary.p50 <= r.summary.p99, r.id).toBe(true);
    }
    for (const id of ['hotline.saveCall', 'hotline.saveCallBurst', 'stats.hotline', 'lectures.lookup.name']) expect(report.results.find((r) => r.id === id)?.baseline?.summary.n).toBeGreaterThan(0);
  });

  it('counts the pages each save and its bare rows write, from the WAL', () => {
    const numbers = (id: string) => (report.results.find((r) => r.id === id)?.notes[0]?.match(/\d+(\.\d+)?/g) ?? []).map(Number);
    expect(report.results.find((r) => r.id === 'hotline.saveCall')?.notes[0]).toMatch(/^pages written per commit: [\d.]+ for a save, [\d.]+ for the bare INSERT$/);
    const [savePages = 0, barePages = 0] = numbers('hotline.saveCall');
    const [rowsPages = 0] = numbers('hotline.saveCallRows');
    // A save writes the call, its items, its notes in the index and the audit entry: more pages than the row alone.
    expect(barePages).toBeGreaterThanOrEqual(1);
    expect(savePages).toBeGreaterThan(barePages);
    expect(rowsPages).toBeGreaterThan(barePages);
  });

  it("prices a page written and read under the app's cipher and two others, on a scratch file, without a target", () => {
    for (const id of ['sqlcipher4', 'aegis', 'plain']) {
      const r = report.results.find((x) => x.id === `storage.cipher.${id}`);
      expect(r?.notes[0], id).toMatch(/^per page written: -?[\d.]+ µs; per page read past the cache: [\d.]+ µs$/);
      expect(r?.baseline?.label).toBe('commit of 4 changed pages');
      expect(r?.pass).toBeUndefined();
    }
    expect(report.results.find((x) => x.id === 'storage.cipher.sqlcipher4')?.label).toMatch(/SQLCipher 4/);
  });

  it('saves calls while a backup copies the file on its worker, and says how long it took', () => {
    const r = report.results.find((x) => x.id === 'safety.saveDuringBackup');
    expect(r?.notes[0]).toMatch(/^1 backup\(s\) of \d+ MiB took [\d.]+ s; \d+ saves during them$/);
    expect(r?.notes[1]).toMatch(/^longest main-thread stall while they ran: [\d.]+ ms/);
    expect(r?.target).toEqual({ stat: 'p99', max: 50 });
  });

  it('saves calls while retention walks the records, after a first run that anonymised the older records', () => {
    const r = report.results.find((x) => x.id === 'safety.retention');
    const [, anonymised = '0'] = r?.notes[0]?.match(/^first run: (\d+) records anonymised in [\d.]+ s; runs after it \(a day's work each\): [\d.]+ s; \d+ saves during them$/) ?? [];
    // Ten years of 1,000 calls, 400 attendees and 200 visits, five of them kept: hundreds were older
    // and held something personal (488 when written), never more than there are records.
    expect(Number(anonymised)).toBeGreaterThan(200);
    expect(Number(anonymised)).toBeLessThan(1600);
    expect(r?.notes[1]).toMatch(/^longest main-thread stall while they ran: [\d.]+ ms/);
    expect(r?.target).toEqual({ stat: 'p99', max: 50 });
  });

  it('finds the person looked for by code, ID, phone and full name', () => {
    for (const kind of ['code', 'id', 'phone', 'name']) {
      const r = report.results.find((x) => x.id === `lectures.lookup.${kind}`);
      expect(r?.notes[0], kind).toMatch(/^(\d+)\/\1 lookups listed the person/);
    }
  });

  it('writes the results with the machine they were measured on', () => {
    const written = JSON.parse(fs.readFileSync(out, 'utf8')) as BenchReport;
    expect(written.results).toHaveLength(report.results.length);
    expect(written.machine.cores).toBe(os.cpus().length);
    expect(written.machine.node).toBe(process.version);
    expect(written.machine.sqlite).toMatch(/^3\.\d+\.\d+$/);
    expect(written.dataset.counts.hotline_calls).toBe(1000);
  });

  it('counts the renderer’s first JavaScript as index.html loads it, gzipped', () => {
    const fake = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(fake, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(fake, 'index.html'), '<script type="module" src="./assets/a.js"></script><link rel="modulepreload" href="./assets/b.js"><script src="./other.txt">');
    fs.writeFileSync(path.join(fake, 'assets/a.js'), 'x'.repeat(100_000));
    fs.writeFileSync(path.join(fake, 'assets/b.js'), 'export const y = 1;');
    fs.writeFileSync(path.join(fake, 'assets/lazy.js'), 'z'.repeat(500_000));
    const r = initialJs(fake);
    expect(r.notes[0]).toMatch(/^2 files/);
    expect(r.summary.p50).toBeGreaterThan(0);
    expect(r.summary.p50).toBeLessThan(2);
    expect(r.pass).toBe(true);
  });
});
