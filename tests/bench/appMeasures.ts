/**
 * Startup (open + migrations + reference seed, as the app's first and every later start), the
 * 300-person sign-in sheet to PDF, and the size of the JavaScript the window loads first.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pdfPageCount, pdfText } from '../support/pdf';
import { SENDERS, startBenchCore, type Bench } from './benchCore';
import { dispatchOk } from './genAccounts';
import { result, runs, time, type MeasureResult } from './measure';

const noPrinter = { listPrinters: async () => [], print: async () => undefined, savePdf: async () => null };

/** startCore on a file that does not exist yet: every migration, the reference data, the guidance topics. */
export async function startupFresh(dir: string, quick: boolean): Promise<MeasureResult> {
  let k = 0;
  const samples: number[] = [];
  await time(runs(20, quick), () => {
    const file = path.join(dir, `fresh-${k++}.sqlite3`);
    const t = performance.now();
    const core = startBenchCore(file, noPrinter, dir);
    samples.push(performance.now() - t);
    core.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  });
  // time() counted warm-up runs too; keep the timed ones only.
  const timed = samples.slice(samples.length - runs(20, quick).n);
  return result('startup.fresh', 'open + migrations + reference data, new file (first start)', timed, { target: { stat: 'p95', max: 150 } });
}

/** startCore on the full-size file: open, key check, pragmas, nothing to migrate. */
export async function startupExisting(dbFile: string, dir: string, quick: boolean): Promise<MeasureResult> {
  const samples: number[] = [];
  const r = runs(20, quick);
  await time(r, () => {
    const t = performance.now();
    const core = startBenchCore(dbFile, noPrinter, dir);
    samples.push(performance.now() - t);
    // Closing runs PRAGMA optimize (ANALYZE where needed): part of quitting, not of starting.
    core.close();
  });
  return result('startup.existing', 'open + migrations on the full-size file (every later start)', samples.slice(samples.length - r.n), { target: { stat: 'p95', max: 150 } });
}

/** lectures.signInSheet for today's 300 people: registry → HTML → Chromium page.pdf (tests/support/pdf.ts). */
export async function signInSheetPdf(b: Bench, quick: boolean): Promise<MeasureResult> {
  const r = quick ? { n: 1, warmup: 1 } : { n: 10, warmup: 1 };
  let path = '';
  const samples = await time(r, async () => {
    const out = await dispatchOk(b.core, SENDERS.coordinator, 'print:run', {
      kind: 'lectures.signInSheet',
      params: { sessionId: b.todaySessionId },
      lang: 'zh-TW',
      target: { mode: 'pdf' },
    });
    path = out.path ?? '';
  });
  const first = b.roster[0]?.name ?? '';
  const text = path ? pdfText(path).replace(/\s+/g, '') : '';
  const notes = [`${b.roster.length} people, ${path ? pdfPageCount(path) : 0} pages, ${path ? Math.round(fs.statSync(path).size / 1024) : 0} KiB`];
  const res = result('print.signInSheet', `sign-in sheet of ${b.roster.length} people to PDF (print:run → Chromium)`, samples, { target: { stat: 'p95', max: 2000 }, notes });
  if (!text.includes(first)) {
    res.pass = false;
    res.notes.push(`the PDF does not show ${first}`);
  }
  return res;
}

/** index.html's entry script and the modules it preloads, gzip-compressed as they would travel. */
export function initialJs(rendererDir: string): MeasureResult {
  const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => (m[1] ?? m[2]) as string);
  const sizes = files.map((f) => ({ f, raw: fs.statSync(path.join(rendererDir, f)).size, gz: zlib.gzipSync(fs.readFileSync(path.join(rendererDir, f)), { level: 9 }).length }));
  const kib = sizes.reduce((a, s) => a + s.gz, 0) / 1024;
  const raw = sizes.reduce((a, s) => a + s.raw, 0) / 1024;
  return result('renderer.initialJs', 'renderer initial JavaScript, gzipped (entry + modulepreload)', [kib], {
    unit: 'KiB',
    target: { stat: 'p50', max: 600 },
    notes: [`${files.length} files, ${raw.toFixed(0)} KiB before compression: ${sizes.map((s) => `${path.basename(s.f)} ${(s.gz / 1024).toFixed(0)}`).join(', ')}`],
  });
}
