/**
 * Timing and the shape of a result. A measure runs many times (after a few warm-up runs that
 * fill SQLite's page cache and the statement caches, as a person's second search would find
 * them) and reports percentiles; a baseline runs interleaved with it, so both see the same load.
 */

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples');
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    min: s[0] as number,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1] as number,
    mean: s.reduce((a, b) => a + b, 0) / s.length,
  };
}

export type Stat = 'p50' | 'p95' | 'p99';

export interface Target {
  /** the figure the limit applies to; a target the issue gives without a percentile is read at p95 */
  stat: Stat;
  max: number;
  /** most the measure may cost, as a multiple of its baseline (compared at p50) */
  maxRatio?: number;
}

export interface MeasureResult {
  id: string;
  label: string;
  unit: 'ms' | 'KiB';
  summary: Summary;
  baseline?: { label: string; summary: Summary };
  /** p50 of the measure ÷ p50 of its baseline */
  ratio?: number;
  target?: Target;
  pass?: boolean;
  /** what else a reader needs: e.g. how many lookups found the person they looked for */
  notes: string[];
}

export function result(
  id: string,
  label: string,
  samples: readonly number[],
  opts: { unit?: 'ms' | 'KiB'; baseline?: { label: string; samples: readonly number[] }; target?: Target; notes?: string[] } = {},
): MeasureResult {
  const summary = summarise(samples);
  const baseline = opts.baseline ? { label: opts.baseline.label, summary: summarise(opts.baseline.samples) } : undefined;
  const ratio = baseline ? summary.p50 / Math.max(baseline.summary.p50, 1e-6) : undefined;
  const target = opts.target;
  const pass = target ? summary[target.stat] <= target.max && (target.maxRatio === undefined || (ratio ?? Infinity) <= target.maxRatio) : undefined;
  return { id, label, unit: opts.unit ?? 'ms', summary, baseline, ratio, target, pass, notes: opts.notes ?? [] };
}

export interface Runs {
  /** timed runs */
  n: number;
  /** untimed runs first */
  warmup: number;
}

/** Times `fn` n times (after warm-up); `i` counts from 0 across warm-up and timed runs. */
export async function time(runs: Runs, fn: (i: number) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs.warmup + runs.n; i++) {
    const t = performance.now();
    await fn(i);
    const ms = performance.now() - t;
    if (i >= runs.warmup) out.push(ms);
  }
  return out;
}

/** Times a measure and its baseline alternately, so load from elsewhere falls on both alike. */
export async function timePair(
  runs: Runs,
  measure: (i: number) => unknown,
  baseline: (i: number) => unknown,
  /** untimed, before each pair: what happens at the desk between two measured actions */
  before?: (i: number) => unknown,
  /** untimed, before the measure and again before its baseline: both start from the same state */
  settle?: () => unknown,
): Promise<{ measure: number[]; baseline: number[] }> {
  const m: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs.warmup + runs.n; i++) {
    await before?.(i);
    await settle?.();
    let t = performance.now();
    await measure(i);
    const mt = performance.now() - t;
    await settle?.();
    t = performance.now();
    await baseline(i);
    const bt = performance.now() - t;
    if (i >= runs.warmup) {
      m.push(mt);
      b.push(bt);
    }
  }
  return { measure: m, baseline: b };
}

/** Scales the number of runs: the smoke test runs everything a few times only. */
export function runs(n: number, quick: boolean): Runs {
  return quick ? { n: 3, warmup: 1 } : { n, warmup: Math.max(3, Math.round(n / 20)) };
}
