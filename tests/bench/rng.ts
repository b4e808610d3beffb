/**
 * A seeded pseudo-random generator, so the same scale always gives the same database (a slow
 * query found on one machine can be reproduced on another). sfc32: small, fast, good enough
 * for test data (https://pracrand.sourceforge.net/RNG_engines.txt).
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[this.int(xs.length)] as T;
  }

  /** Log-normal around `median` (spread = σ of the underlying normal): call lengths, waits. */
  logNormal(median: number, spread: number): number {
    const u = 1 - this.next();
    const v = this.next();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(spread * z);
  }

  /** A child generator: one stream per table keeps a change in one table from reshuffling the others. */
  fork(salt: number): Rng {
    return new Rng((this.int(0x7fffffff) ^ Math.imul(salt, 0x85ebca6b)) >>> 0);
  }
}

/** Weighted choice in O(log n): weights need not sum to 1. */
export class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length !== weights.length || items.length === 0) throw new Error('Weighted needs one weight per item');
    let sum = 0;
    for (const w of weights) {
      sum += w;
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  static of<T>(pairs: readonly (readonly [T, number])[]): Weighted<T> {
    return new Weighted(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }

  /** `n` distinct items, each drawn by weight among those not drawn yet. */
  pickDistinct(rng: Rng, n: number): T[] {
    const out: T[] = [];
    for (let guard = 0; out.length < Math.min(n, this.items.length) && guard < 50; guard++) {
      const x = this.pick(rng);
      if (!out.includes(x)) out.push(x);
    }
    return out;
  }
}
