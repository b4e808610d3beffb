/**
 * `npm run seed:large`: makes (or finds) the cached ten-year database and prints what is in it.
 *
 *   npm run seed:large                 # scale 1 (≈ 500,000 calls …) into node_modules/.cache/desk-bench/
 *   npm run seed:large -- --scale 0.1  # a tenth
 *   npm run seed:large -- --force      # make it again even if cached
 *   npm run seed:large -- --planner-stats   # also refresh tests/unit/bench/tenYearPlannerStats.json
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../electron/core/db/open';
import { BENCH_KEY, ROOT, cachedDataset, parseScale } from './generate';

/** The query planner's statistics of the full-size file, for the EXPLAIN QUERY PLAN tests (tests/unit/bench/plans.test.ts). */
export const PLANNER_STATS = path.join(ROOT, 'tests/unit/bench/tenYearPlannerStats.json');

/** Tables too small for their statistics to matter to any plan. */
const SMALL_TABLES = /^(account_roles|accounts|app_meta|ref_items|counter_topic|counter_topics|.*_config)/;

/**
 * sqlite_stat1 (rows per key) and sqlite_stat4 (samples of keys, so ranges like a year of dates
 * are estimated from the data) of the big tables, one row per line.
 */
function writePlannerStats(file: string): void {
  const { db } = openDatabase(file, { migrationsDir: path.join(ROOT, 'electron/core/db/migrations'), key: BENCH_KEY, readonly: true });
  try {
    const big = (r: { tbl: string }) => !SMALL_TABLES.test(r.tbl);
    const stat1 = (db.prepare('SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx').all() as { tbl: string }[]).filter(big);
    const stat4 = (db.prepare('SELECT tbl, idx, neq, nlt, ndlt, sample FROM sqlite_stat4 ORDER BY tbl, idx, rowid').all() as { tbl: string; sample: Buffer }[])
      .filter(big)
      .map((r) => ({ ...r, sample: r.sample.toString('base64') }));
    const lines = (xs: unknown[]) => xs.map((x) => `    ${JSON.stringify(x)}`).join(',\n');
    fs.writeFileSync(PLANNER_STATS, `{\n  "stat1": [\n${lines(stat1)}\n  ],\n  "stat4": [\n${lines(stat4)}\n  ]\n}\n`);
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const write = (s: string) => process.stdout.write(`${s}\n`);
  const dataset = await cachedDataset(parseScale(argv), { force: argv.includes('--force'), log: write });
  write(`${dataset.seconds === null ? 'Cached' : `Generated in ${dataset.seconds.toFixed(0)} s`}: ${dataset.file} (${(dataset.bytes / 2 ** 20).toFixed(0)} MiB)`);
  for (const [table, n] of Object.entries(dataset.counts)) write(`  ${table.padEnd(28)} ${n.toLocaleString('en')}`);
  if (argv.includes('--planner-stats')) {
    writePlannerStats(dataset.file);
    write(`Planner statistics: ${path.relative(ROOT, PLANNER_STATS)}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
