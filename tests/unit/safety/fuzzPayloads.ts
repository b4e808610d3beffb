/**
 * Malformed payloads for the fuzz test, derived from each channel's own zod schema (through
 * z.toJSONSchema), so a channel added tomorrow is fuzzed without anyone writing a line here.
 * Deterministic for a seed, so a failure can be replayed with FUZZ_SEED.
 */
import { z } from 'zod';
import type { Random } from '../../support/prng';

type Json = Record<string, unknown>;

const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

const HUGE = 'x'.repeat(1024 * 1024);
const HUGE_CJK = '毒'.repeat(200_000);

/** Texts that have broken SQL, HTML, paths, parsers or encodings somewhere before. */
export const NASTY_STRINGS: readonly string[] = [
  "'); DROP TABLE accounts;--",
  "' OR '1'='1",
  '" OR ""="',
  '1; DELETE FROM audit_log',
  "admin'--",
  '%',
  '_',
  '\\',
  '%_%',
  'x\u0000y',
  '\ud800',
  '\udfff\ud800',
  '👨‍👩‍👧‍👦',
  '\u202eevil',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{constructor.constructor("return process")()}}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'C:\\Windows\\System32',
  '\\\\server\\share\\x',
  'file:///etc/passwd',
  '=HYPERLINK("http://evil")',
  '@SUM(1+1)',
  '\r\n\r\n',
  '\t',
  ' ',
  '',
  '0',
  '-1',
  'NaN',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '2025-02-30',
  '2025-13-01',
  '114/02/30',
  '9999-12-31T23:59:59.999Z',
  '0000-00-00',
  'A123456789',
  'A12345678',
  HUGE,
  HUGE_CJK,
];

/** Values of every JSON-ish type, and the numbers that break integer code. */
export const WRONG_VALUES: readonly unknown[] = [
  null,
  undefined,
  true,
  false,
  0,
  -0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  2 ** 31,
  999_999_999,
  [],
  [1, 2, 3],
  [null],
  {},
  { id: 1 },
  new Array(10_000).fill(1),
  ...NASTY_STRINGS.slice(0, 12),
];

export function pollution(): unknown[] {
  return [
    JSON.parse('{"__proto__": {"polluted": "yes", "isAdmin": true}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
    JSON.parse('{"__proto__": null}'),
  ];
}

export function deepNesting(depth: number, key = 'a'): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = { [key]: v };
  return v;
}

export function deepArray(depth: number): unknown {
  let v: unknown = [1];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** Integers that are valid ids or counts, but name nothing that exists (or something that does). */
const INTS = [1, 4, 5, 7, 42, 99, 999_999_999];

function sampleString(r: Random, s: Json): string {
  if (typeof s.pattern === 'string') {
    const re = new RegExp(s.pattern);
    const candidates = [
      new Date(Date.UTC(2025, 2, 5, 1, 30)).toISOString(),
      '2025-03-05',
      '2025-03',
      '114/3/5',
      '07:00',
      'accounts.list',
      'hotline.handover',
      'desk-20250305-010000-manual.sqlite3',
      'data:text/csv;base64,QQ==',
      'abc',
      'A123456789',
      '0912345678',
    ];
    const fits = candidates.filter((c) => re.test(c));
    if (fits.length) return pick(r, fits);
  }
  if (r() < 0.25) return pick(r, NASTY_STRINGS.slice(0, 40));
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? Math.min(s.maxLength, 30) : 30;
  const len = Math.max(min, Math.min(max, 1 + Math.floor(r() * 8)));
  return pick(r, ['王小明', 'abc', 'x', '講習', 'Lee']).repeat(len).slice(0, Math.max(len, min));
}

function sampleNumber(r: Random, s: Json): number {
  const min = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : -5;
  const max = typeof s.maximum === 'number' ? s.maximum : typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - 1 : 1e6;
  const inRange = INTS.filter((n) => n >= min && n <= max);
  const choice = r() < 0.7 && inRange.length ? pick(r, inRange) : pick(r, [min, max]);
  return s.type === 'integer' ? Math.trunc(choice) : choice;
}

/** A value the schema would probably accept: the starting point for one targeted mutation. */
export function sample(r: Random, s: Json | undefined, depth = 0): unknown {
  if (!s || depth > 6) return undefined;
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) return pick(r, s.enum);
  const branches = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (Array.isArray(branches)) return sample(r, pick(r, branches), depth + 1);
  switch (s.type) {
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Json>;
      const required = new Set((s.required ?? []) as string[]);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(props)) if (required.has(k) || r() < 0.5) out[k] = sample(r, v, depth + 1);
      return out;
    }
    case 'array': {
      const min = typeof s.minItems === 'number' ? s.minItems : 0;
      const n = Math.max(min, Math.floor(r() * 3));
      return Array.from({ length: n }, () => sample(r, s.items as Json, depth + 1));
    }
    case 'string':
      return sampleString(r, s);
    case 'integer':
    case 'number':
      return sampleNumber(r, s);
    case 'boolean':
      return r() < 0.5;
    case 'null':
      return null;
    default:
      // z.unknown(): anything.
      return {};
  }
}

/** Every path to a value inside a payload, root included. */
function paths(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.slice(0, 5).forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out);
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove && !Array.isArray(node)) delete node[last];
  else node[last] = value;
  return copy;
}

/** One malformed payload: a plausible one with a single part broken, or garbage outright. */
export function malformed(r: Random, schema: Json, i: number): unknown {
  const base = sample(r, schema);
  const roll = r();
  // Deeper than this, structured cloning (IPC) itself refuses the payload in the renderer.
  if (i % 50 === 0) return pick(r, [deepNesting(500), deepArray(500), deepNesting(500, '__proto__')]);
  if (roll < 0.08) return pick(r, WRONG_VALUES);
  if (roll < 0.14) return { ...(base as object), ...(pick(r, pollution()) as object) };
  if (roll < 0.2) return { ...(base as object), [pick(r, ['extra', 'isAdmin', 'role', 'sql'])]: pick(r, NASTY_STRINGS) };
  const spots = paths(base).filter((p) => p.length > 0);
  if (spots.length === 0) return pick(r, [...WRONG_VALUES, ...pollution()]);
  const where = pick(r, spots);
  const kind = r();
  if (kind < 0.2) return setAt(base, where, undefined, true);
  if (kind < 0.55) return setAt(base, where, pick(r, WRONG_VALUES), false);
  if (kind < 0.85) return setAt(base, where, pick(r, NASTY_STRINGS), false);
  return setAt(base, where, pick(r, [...pollution(), deepNesting(200)]), false);
}

export function jsonSchemaOf(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
}
