/**
 * The dataset behind `npm run seed:large` and `npm run bench`: ten years of a busy bureau in a real database file, migrated by the
 * app's own startCore (so the schema is the app's), staff created through the API, the rest
 * written with prepared INSERTs in big transactions. Deterministic for a given scale.
 *
 * The full-size file takes minutes to make, so it is kept under node_modules/.cache/desk-bench/,
 * named by scale and by a hash of the migrations, the seed data and this generator: a new
 * migration or a change here makes a new file, anything else reuses it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCore } from '../../electron/core/bootstrap';
import { openDatabase } from '../../electron/core/db/open';
import { memoryPreferences } from '../../electron/core/prefs/memoryStore';
import { createStaff, disableLeavers } from './genAccounts';
import { DAYS, makeContext } from './genContext';
import { generateCounter } from './genCounter';
import { generateHotline } from './genHotline';
import { generateLectures } from './genLectures';

export const ROOT = path.resolve(__dirname, '../..');
export const CACHE_DIR = path.join(ROOT, 'node_modules/.cache/desk-bench');
const MIGRATIONS = path.join(ROOT, 'electron/core/db/migrations');

/**
 * The bench database is encrypted like the app's (issue 7: SQLCipher format, a raw 32-byte key),
 * so every page read and write pays for AES as it does for the staff. The key is the bench's own.
 */
export const BENCH_KEY = crypto.createHash('sha256').update('desk-bench').digest();

/** Tables whose row counts describe a generated dataset. */
export const COUNTED_TABLES = [
  'accounts', 'hotline_calls', 'hotline_call_items', 'hotline_call_flags', 'hotline_referrals', 'hotline_follow_ups', 'lecture_sessions',
  'lecture_attendees', 'lecture_enrolments', 'lecture_enrolment_history', 'lecture_leaves', 'lecture_consultations', 'counter_visits',
  'counter_visit_topics', 'audit_log',
] as const;

export interface Dataset {
  scale: number;
  file: string;
  bytes: number;
  /** seconds it took to generate, or null when it came from the cache */
  seconds: number | null;
  counts: Record<string, number>;
}

export interface GenerateOptions {
  scale: number;
  /** where to write; an existing file there is replaced */
  file: string;
  /** encrypt with BENCH_KEY (as the app runs); default true */
  encrypt?: boolean;
  log?: (message: string) => void;
}

const nullPrinter = {
  listPrinters: async () => [],
  print: async () => undefined,
  savePdf: async () => null,
};

function removeDatabase(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

export function countRows(file: string, key: Buffer | undefined): Record<string, number> {
  const { db } = openDatabase(file, { migrationsDir: MIGRATIONS, readonly: true, key });
  try {
    return Object.fromEntries(COUNTED_TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

export async function generateDatabase(options: GenerateOptions): Promise<Dataset> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  removeDatabase(options.file);
  const core = startCore({
    dbFile: options.file,
    appRoot: ROOT,
    // Accounts and reference data exist before the first call of the ten years.
    clock: () => new Date('2015-12-01T02:00:00.000Z'),
    prefs: memoryPreferences(),
    printHost: nullPrinter,
    sleep: async () => undefined,
    scryptCost: 2 ** 10,
    safety: { defaultBackupDir: path.join(os.tmpdir(), 'desk-bench-backups') },
  });
  try {
    const staff = await createStaff(core);
    const { db } = core;
    // Bulk load: no fsync per commit, foreign keys checked once at the end (transfers point forward).
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -262144');
    const ctx = makeContext(db, options.scale, staff, log, () => core.maintenance.runNow());
    const step = (name: string, fn: () => object) => {
      const t = performance.now();
      const out = fn();
      log(`  ${name}: ${JSON.stringify(out)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    };
    step('hotline', () => generateHotline(ctx, DAYS - 1));
    step('lectures', () => generateLectures(ctx));
    step('counter', () => generateCounter(ctx));
    db.pragma('foreign_keys = ON');
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`generator bug: ${broken.length} rows break a foreign key, e.g. ${JSON.stringify(broken[0])}`);
    await disableLeavers(core, staff.leavers);
    // Statistics for the query planner, as a file the app has opened and closed for years would have
    // (the app runs PRAGMA optimize on every close; 0x10002 analyses every table once, as SQLite advises).
    db.pragma('optimize=0x10002');
    db.pragma('synchronous = FULL');
  } finally {
    core.close();
  }
  if (options.encrypt ?? true) {
    log('  encrypting …');
    // openDatabase encrypts a plain file in place when given a key, exactly as on the app's first start after issue 7.
    openDatabase(options.file, { migrationsDir: MIGRATIONS, key: BENCH_KEY }).db.close();
  }
  const key = options.encrypt ?? true ? BENCH_KEY : undefined;
  return {
    scale: options.scale,
    file: options.file,
    bytes: fs.statSync(options.file).size,
    seconds: (performance.now() - started) / 1000,
    counts: countRows(options.file, key),
  };
}

/** Hash of everything the generated file depends on: migrations, seed data, the generator itself. */
export function datasetHash(): string {
  const h = crypto.createHash('sha256');
  const files = [
    ...fs.readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).map((f) => path.join(MIGRATIONS, f)),
    ...fs.readdirSync(path.join(ROOT, 'resources/seed')).map((f) => path.join(ROOT, 'resources/seed', f)),
    ...fs.readdirSync(__dirname).filter((f) => /^(gen|generate|lecture|notes|people|rng)\w*\.ts$/.test(f)).map((f) => path.join(__dirname, f)),
  ].sort();
  for (const f of files) h.update(path.basename(f)).update(fs.readFileSync(f));
  return h.digest('hex').slice(0, 12);
}

export function cachedFile(scale: number): string {
  return path.join(CACHE_DIR, `bureau-s${scale}-${datasetHash()}.sqlite3`);
}

/** The cached dataset for this scale, generated first when missing (or when forced). */
export async function cachedDataset(scale: number, opts: { force?: boolean; log?: (m: string) => void } = {}): Promise<Dataset> {
  const file = cachedFile(scale);
  if (!opts.force && fs.existsSync(file)) {
    return { scale, file, bytes: fs.statSync(file).size, seconds: null, counts: countRows(file, BENCH_KEY) };
  }
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  // Older files of this scale belong to migrations or generators that no longer exist.
  for (const f of fs.readdirSync(CACHE_DIR)) if (f.startsWith(`bureau-s${scale}-`)) fs.rmSync(path.join(CACHE_DIR, f), { force: true });
  const partial = `${file}.partial`;
  opts.log?.(`Generating scale ${scale} into ${path.relative(ROOT, file)} …`);
  const dataset = await generateDatabase({ scale, file: partial, log: opts.log });
  fs.renameSync(partial, file);
  return { ...dataset, file };
}

export function parseScale(argv: readonly string[]): number {
  const i = argv.indexOf('--scale');
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--scale='))?.slice(8);
  const scale = raw === undefined ? 1 : Number(raw);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 2) throw new Error(`--scale must be a number in (0, 2], got ${raw}`);
  return scale;
}
