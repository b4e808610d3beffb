/**
 * `npm run bench`: the staff's key actions measured on ten years of data (issue 8).
 *
 *   npm run bench                      # full size (generated once, then cached), every measure
 *   npm run bench -- --quick           # a few runs of each (is the harness alive?)
 *   npm run bench -- --scale 0.1       # a tenth of the data
 *   npm run bench -- --only lectures,stats   # measures whose id starts with one of these
 *   npm run bench -- --no-browser      # skip Chromium (PDF, keystroke); the bundle still counts
 *   npm run bench -- --renderer dist/renderer   # measure an existing build instead of building
 *
 * Prints p50/p95/p99, the ratio to the baseline measured in the same run and PASS/MISS per
 * target; writes tests/bench/results/latest.json with the machine it ran on.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { sourceBackupWorker } from '../support/backupWorker';
import { closeBrowser } from '../support/pdf';
import { initialJs, signInSheetPdf, startupExisting, startupFresh } from './appMeasures';
import { openBench, workingCopy, type Bench } from './benchCore';
import { savesDuringBackup } from './backupMeasure';
import { keystroke } from './browserMeasure';
import { CIPHERS, cipherPageCost, type CipherId } from './cipherMeasure';
import { savesDuringRetention } from './retentionMeasure';
import { LOOKUP_KINDS, SEARCH_KINDS, lookup, saveCall, saveCallBurst, saveCallRows, searchNotes, stats, statsFirstReport, trends } from './coreMeasures';
import { ROOT, cachedDataset, parseScale, type Dataset } from './generate';
import type { MeasureResult } from './measure';
import { formatMachine, formatTable, machine, type BenchReport } from './report';

export interface BenchOptions {
  scale: number;
  quick: boolean;
  /** measure ids starting with one of these; all when empty */
  only: string[];
  browser: boolean;
  /** the built renderer to measure: a folder, 'build' (into dist/renderer-bench), or 'skip' */
  renderer: string;
  /** the backup worker: the bundle the app ships ('build', into dist/worker-bench) or compiled from source by tsx (default) */
  worker?: 'build' | 'source';
  /** a dataset file made elsewhere (the smoke test's); default: the cache */
  dataset?: Dataset;
  out: string | null;
  log: (line: string) => void;
}

const wanted = (o: BenchOptions, id: string) => o.only.length === 0 || o.only.some((p) => id.startsWith(p));

/** `vite build` into `outDir` (extra arguments pick another config or mode); throws with vite's output when it fails. */
export function viteBuild(outDir: string, extra: string[] = []): void {
  const r = spawnSync('npx', ['vite', 'build', ...extra, '--outDir', outDir, '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}

function buildRenderer(log: (l: string) => void): string {
  const outDir = path.join(ROOT, 'dist/renderer-bench');
  log('Building the renderer into dist/renderer-bench …');
  viteBuild(outDir);
  return outDir;
}

/** The backup worker as the app ships it (vite.electron.config.mts --mode worker). */
function buildWorker(log: (l: string) => void): () => Worker {
  const outDir = path.join(ROOT, 'dist/worker-bench');
  log('Building the backup worker into dist/worker-bench …');
  viteBuild(outDir, ['-c', 'vite.electron.config.mts', '--mode', 'worker']);
  const file = path.join(outDir, 'index.cjs');
  return () => new Worker(file);
}

async function collect(o: BenchOptions, dataset: Dataset, rendererDir: string | null, notes: string[]): Promise<MeasureResult[]> {
  const results: MeasureResult[] = [];
  const add = (r: MeasureResult) => {
    results.push(r);
    o.log(`  ${r.id.padEnd(30)} p50 ${r.summary.p50.toFixed(2)}  p99 ${r.summary.p99.toFixed(2)}${r.pass === undefined ? '' : r.pass ? '  PASS' : '  MISS'}`);
  };
  if (wanted(o, 'startup')) {
    const copy = workingCopy(dataset);
    try {
      add(await startupFresh(copy.dir, o.quick));
      add(await startupExisting(copy.dbFile, copy.dir, o.quick));
    } finally {
      fs.rmSync(copy.dir, { recursive: true, force: true });
    }
  }
  const ciphers = (Object.keys(CIPHERS) as CipherId[]).filter((id) => wanted(o, `storage.cipher.${id}`));
  if (ciphers.length > 0) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-cipher-'));
    try {
      for (const id of ciphers) add(await cipherPageCost(dir, id, o.quick));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  let bench: Bench | null = null;
  try {
    const backupWorker = o.worker === 'build' && wanted(o, 'safety') ? buildWorker(o.log) : sourceBackupWorker;
    bench = await openBench(dataset, { backupWorker });
    const b = bench;
    if (wanted(o, 'hotline.saveCall')) add(await saveCall(b, o.quick));
    if (wanted(o, 'hotline.saveCallRows')) add(await saveCallRows(b, o.quick));
    if (wanted(o, 'hotline.saveCallBurst')) add(await saveCallBurst(b, o.quick));
    for (const kind of LOOKUP_KINDS) if (wanted(o, `lectures.lookup.${kind}`)) add(await lookup(b, kind, o.quick));
    for (const section of ['hotline', 'lectures', 'counter'] as const) if (wanted(o, `stats.${section}`)) add(await stats(b, section, o.quick));
    if (wanted(o, 'stats.hotlineFirstReport')) add(await statsFirstReport(b, o.quick));
    if (wanted(o, 'stats.trends')) add(await trends(b, o.quick));
    for (const kind of SEARCH_KINDS) if (wanted(o, `hotline.search.${kind}`)) add(await searchNotes(b, kind, o.quick));
    if (o.browser && wanted(o, 'print.signInSheet')) add(await signInSheetPdf(b, o.quick));
    // Late: it adds rows and a whole copy of the file, which the measures above should not see.
    if (wanted(o, 'safety.saveDuringBackup')) add(await savesDuringBackup(b, o.quick));
    if (o.browser && rendererDir && wanted(o, 'renderer.checkinKeystroke')) {
      const k = await keystroke(b, rendererDir, o.quick);
      add(k.keystroke);
      notes.push(k.firstScreenJs);
    }
    // Last: it anonymises a third of the file, which every measure above searches or counts.
    if (wanted(o, 'safety.retention')) add(await savesDuringRetention(b, o.quick));
  } finally {
    bench?.close();
    await closeBrowser();
  }
  if (rendererDir && wanted(o, 'renderer.initialJs')) add(initialJs(rendererDir));
  return results;
}

export async function runBench(o: BenchOptions): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const m = machine();
  o.log(`Machine: ${formatMachine(m)}`);
  const dataset = o.dataset ?? (await cachedDataset(o.scale, { log: o.log }));
  o.log(`Data: ${path.relative(ROOT, dataset.file)} (${(dataset.bytes / 2 ** 20).toFixed(0)} MiB): ${Object.entries(dataset.counts).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}`);
  const needsRenderer = wanted(o, 'renderer') && o.renderer !== 'skip';
  const rendererDir = needsRenderer ? (o.renderer === 'build' ? buildRenderer(o.log) : path.resolve(ROOT, o.renderer)) : null;
  const notes: string[] = [];
  const results = await collect(o, dataset, rendererDir, notes);
  m.loadEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const report: BenchReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: m,
    dataset: { ...dataset, file: path.relative(ROOT, dataset.file) },
    options: { scale: o.scale, quick: o.quick, rendererDir: rendererDir && path.relative(ROOT, rendererDir) },
    results,
    notes,
  };
  if (o.out) {
    fs.mkdirSync(path.dirname(o.out), { recursive: true });
    fs.writeFileSync(o.out, `${JSON.stringify(report, null, 2)}\n`);
  }
  return report;
}

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const write = (s: string) => process.stdout.write(`${s}\n`);
  const out = path.join(ROOT, 'tests/bench/results/latest.json');
  const report = await runBench({
    scale: parseScale(argv),
    quick: argv.includes('--quick'),
    only: (option(argv, '--only') ?? '').split(',').filter(Boolean),
    browser: !argv.includes('--no-browser'),
    renderer: option(argv, '--renderer') ?? 'build',
    worker: 'build',
    out,
    log: write,
  });
  write('');
  write(formatTable(report.results));
  for (const n of report.notes) write(n);
  write('');
  write(`Machine: ${formatMachine(report.machine)}`);
  const missed = report.results.filter((r) => r.pass === false).map((r) => r.id);
  write(missed.length ? `MISSED: ${missed.join(', ')}` : 'Every target met.');
  write(`Results: ${path.relative(ROOT, out)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}

