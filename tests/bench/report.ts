/** The machine a run was measured on, and the results as a table for a person and JSON for a file. */
import os from 'node:os';
import Driver from 'better-sqlite3-multiple-ciphers';
import type { Dataset } from './generate';
import type { MeasureResult } from './measure';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  sqlite: string;
  sqliteCipher: string;
  /** 1, 5 and 15 minute load averages when the run started and ended (other work on the machine) */
  loadStart: number[];
  loadEnd?: number[];
}

export function machine(): Machine {
  const db = new Driver(':memory:');
  try {
    const row = db.prepare('SELECT sqlite_version() AS v').get() as { v: string };
    const cipher = (db.pragma('cipher', { simple: true }) as string | undefined) ?? '';
    return {
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      sqlite: row.v,
      sqliteCipher: `SQLite3MultipleCiphers (default cipher ${cipher || 'n/a'}; the app uses sqlcipher)`,
      loadStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    };
  } finally {
    db.close();
  }
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  dataset: Omit<Dataset, 'file'> & { file: string };
  options: { scale: number; quick: boolean; rendererDir: string | null };
  results: MeasureResult[];
  notes: string[];
}

const num = (x: number | undefined, unit = '') => (x === undefined ? '' : `${x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)}${unit}`);

function targetText(r: MeasureResult): string {
  if (!r.target) return '—';
  const unit = r.unit === 'KiB' ? ' KiB' : ' ms';
  const stat = r.unit === 'KiB' ? '' : `${r.target.stat} `;
  return `${stat}≤ ${r.target.max}${unit}${r.target.maxRatio ? `, ≤ ${r.target.maxRatio}×` : ''}`;
}

/** A plain-text table: one line per measure, then the notes. */
export function formatTable(results: readonly MeasureResult[]): string {
  const header = ['measure', 'p50', 'p95', 'p99', 'n', 'baseline p50', 'ratio', 'target', 'result'];
  const rows = results.map((r) => [
    r.id,
    num(r.summary.p50),
    r.unit === 'KiB' ? '' : num(r.summary.p95),
    r.unit === 'KiB' ? '' : num(r.summary.p99),
    String(r.summary.n),
    r.baseline ? num(r.baseline.summary.p50) : '',
    r.ratio === undefined ? '' : `${r.ratio.toFixed(1)}×`,
    targetText(r),
    r.pass === undefined ? 'info' : r.pass ? 'PASS' : 'MISS',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 7 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const out = [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line), '', 'times in ms (the bundle in KiB); ratio = p50 ÷ baseline p50', ''];
  for (const r of results) {
    out.push(`${r.id}: ${r.label}${r.baseline ? ` — baseline: ${r.baseline.label}` : ''}`);
    for (const n of r.notes) out.push(`    ${n}`);
  }
  return out.join('\n');
}

export function formatMachine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; SQLite ${m.sqlite}; load average at start ${m.loadStart.join(' / ')}${m.loadEnd ? `, at end ${m.loadEnd.join(' / ')}` : ''}`;
}
