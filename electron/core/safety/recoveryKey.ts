/**
 * The recovery key: the raw database key written for people. Crockford base32 (no I, L, O, U;
 * case and the look-alikes I/L→1, O→0 are forgiven when typed back) in groups of four, with a
 * 20-bit checksum at the end so a typo is reported as a typo, not as "wrong key".
 */
import { createHash } from 'node:crypto';
import { RECOVERY_KEY_GROUP_LENGTH, RECOVERY_KEY_GROUPS } from '../../../shared/domain/safety';
import { DB_KEY_BYTES } from '../db/open';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_CHARS = Math.ceil((DB_KEY_BYTES * 8) / 5); // 52
const CHECK_CHARS = RECOVERY_KEY_GROUPS * RECOVERY_KEY_GROUP_LENGTH - KEY_CHARS; // 4

function toBase32(bytes: Buffer, chars: number): string {
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  // Pad on the right to a whole number of 5-bit characters.
  const total = chars * 5;
  bits <<= BigInt(total - bytes.length * 8);
  let out = '';
  for (let i = chars - 1; i >= 0; i--) out += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return out;
}

function fromBase32(text: string, bytes: number): Buffer | null {
  let bits = 0n;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    bits = (bits << 5n) | BigInt(v);
  }
  const spare = BigInt(text.length * 5 - bytes * 8);
  // The padding bits must be zero, or the text was not made by toBase32.
  if ((bits & ((1n << spare) - 1n)) !== 0n) return null;
  bits >>= spare;
  const out = Buffer.alloc(bytes);
  for (let i = bytes - 1; i >= 0; i--) {
    out[i] = Number(bits & 255n);
    bits >>= 8n;
  }
  return out;
}

function checksum(key: Buffer): string {
  const digest = createHash('sha256').update('dufang-recovery-key').update(key).digest();
  // 20 bits = 4 characters.
  return toBase32(digest.subarray(0, 3), 5).slice(0, CHECK_CHARS);
}

export function formatRecoveryKey(key: Buffer): string {
  if (key.length !== DB_KEY_BYTES) throw new Error('not a database key');
  const text = toBase32(key, KEY_CHARS) + checksum(key);
  const groups: string[] = [];
  for (let i = 0; i < text.length; i += RECOVERY_KEY_GROUP_LENGTH) groups.push(text.slice(i, i + RECOVERY_KEY_GROUP_LENGTH));
  return groups.join('-');
}

export type ParsedRecoveryKey = { ok: true; key: Buffer } | { ok: false; reason: 'format' | 'typo' };

export function parseRecoveryKey(input: string): ParsedRecoveryKey {
  const text = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐-―_.]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (text.length !== KEY_CHARS + CHECK_CHARS || /[^0-9A-Z]/.test(text)) return { ok: false, reason: 'format' };
  const key = fromBase32(text.slice(0, KEY_CHARS), DB_KEY_BYTES);
  if (!key || checksum(key) !== text.slice(KEY_CHARS)) return { ok: false, reason: 'typo' };
  return { ok: true, key };
}
