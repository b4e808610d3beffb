/**
 * Taiwan national ID (身分證字號) and resident certificate (居留證 /
 * 統一證號) numbers.
 *
 * Both share one checksum: the leading letter expands to a two-digit code,
 * then 11 digits are weighted 1,9,8,7,6,5,4,3,2,1,1 and must sum to a
 * multiple of 10. Only the second character differs by kind.
 */
import { toHalfWidth } from './text';

export type TaiwanIdKind = 'national' | 'residentNew' | 'residentOld';

export type TaiwanIdResult =
  | { ok: true; value: string; kind: TaiwanIdKind; sex: 'M' | 'F' }
  | { ok: false; reason: 'empty' | 'format' | 'checksum' };

// The codes are not alphabetical: I, O, W, X, Y, Z were added later and got
// the higher numbers, so a lookup table is the only faithful encoding.
const LETTER_CODES: Readonly<Record<string, number>> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};

const WEIGHTS = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1];

// Second character → kind and sex. Old-style UI numbers used A/C for men and
// B/D for women (A/B foreigners, C/D nationals without household registration).
const SECOND_CHAR: Readonly<Record<string, { kind: TaiwanIdKind; sex: 'M' | 'F' }>> = {
  '1': { kind: 'national', sex: 'M' },
  '2': { kind: 'national', sex: 'F' },
  '8': { kind: 'residentNew', sex: 'M' },
  '9': { kind: 'residentNew', sex: 'F' },
  A: { kind: 'residentOld', sex: 'M' },
  B: { kind: 'residentOld', sex: 'F' },
  C: { kind: 'residentOld', sex: 'M' },
  D: { kind: 'residentOld', sex: 'F' },
};

const BODY_PATTERN = /^[A-Z][1289ABCD]\d{7}$/;
const FULL_PATTERN = /^[A-Z][1289ABCD]\d{8}$/;

/** Staff paste ids from scans, spreadsheets and IMEs, so fold all of that away. */
export function normalizeId(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, '').toUpperCase();
}

/** Weighted sum of the first 9 characters (everything except the check digit). */
function weightedSum(first9: string): number {
  const letterCode = LETTER_CODES[first9.charAt(0)] ?? 0;
  const second = first9.charAt(1);
  // An old-style letter counts as the units digit of its own letter code.
  const secondValue = /\d/.test(second) ? Number(second) : (LETTER_CODES[second] ?? 0) % 10;
  const digits = [Math.floor(letterCode / 10), letterCode % 10, secondValue];
  for (const ch of first9.slice(2)) digits.push(Number(ch));
  return digits.reduce((sum, d, i) => sum + d * (WEIGHTS[i] ?? 0), 0);
}

/**
 * The check digit that completes a 9-character prefix. Meant for generating
 * fixtures and seed data; throws on a malformed prefix.
 */
export function checkDigitFor(first9: string): string {
  const body = normalizeId(first9);
  if (!BODY_PATTERN.test(body)) throw new RangeError(`Invalid id prefix: ${first9}`);
  return String((10 - (weightedSum(body) % 10)) % 10);
}

export function validateTaiwanId(input: string): TaiwanIdResult {
  const value = normalizeId(input);
  if (value === '') return { ok: false, reason: 'empty' };
  if (!FULL_PATTERN.test(value)) return { ok: false, reason: 'format' };
  // The check digit carries weight 1.
  const total = weightedSum(value.slice(0, 9)) + Number(value.charAt(9));
  if (total % 10 !== 0) return { ok: false, reason: 'checksum' };
  const info = SECOND_CHAR[value.charAt(1)];
  // Unreachable after FULL_PATTERN, but keeps the types honest without a cast.
  if (!info) return { ok: false, reason: 'format' };
  return { ok: true, value, kind: info.kind, sex: info.sex };
}

export function isValidTaiwanId(input: string): boolean {
  return validateTaiwanId(input).ok;
}

/**
 * Masks an id for screens and printouts: `A12****789` for the usual 10
 * characters. Other lengths keep only the first and last character, and
 * anything of 2 characters or fewer is fully masked, since "keeping first
 * and last" would reveal it all.
 */
export function maskId(input: string): string {
  const id = normalizeId(input);
  if (id.length === 0) return '';
  if (id.length === 10) return `${id.slice(0, 3)}****${id.slice(7)}`;
  if (id.length <= 2) return '*'.repeat(id.length);
  return `${id.charAt(0)}${'*'.repeat(id.length - 2)}${id.charAt(id.length - 1)}`;
}
