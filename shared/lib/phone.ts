/**
 * Taiwan phone numbers as callers dictate them and staff type them.
 *
 * Everything is reduced to the national digit string (leading 0, no
 * +886) so repeat callers match however the number was written, and a
 * consistent display form is derived from that.
 */
import { toHalfWidth } from './text';

export type PhoneKind = 'mobile' | 'landline' | 'tollfree' | 'voip';

export type PhoneResult =
  | { ok: true; value: string; kind: PhoneKind; display: string; ext?: string }
  | { ok: false; reason: 'empty' | 'format' };

/**
 * Landline area codes with the subscriber-number lengths in use.
 * Ordered longest code first so that e.g. 0826 (Wuqiu) wins over 082
 * (Kinmen) over 08 (Pingtung), and 037 (Miaoli) over 03. Only the longest
 * matching code is tried; numbers that fit a shorter code instead are
 * rejected — pragmatic, since those ranges are not allocated.
 * 04 allows 7 digits (Changhua) and 8 (Taichung 04-2xxx-xxxx).
 */
const AREA_CODES: ReadonlyArray<{ code: string; lengths: readonly number[] }> = [
  { code: '0826', lengths: [5] },
  { code: '0836', lengths: [5] },
  { code: '037', lengths: [6] },
  { code: '049', lengths: [7] },
  { code: '082', lengths: [6] },
  { code: '089', lengths: [6] },
  { code: '02', lengths: [8] },
  { code: '03', lengths: [7] },
  { code: '04', lengths: [7, 8] },
  { code: '05', lengths: [7] },
  { code: '06', lengths: [7] },
  { code: '07', lengths: [7] },
  { code: '08', lengths: [7] },
];

// Suffixes people use for an extension: #123, 轉123, 分機123, ext 123, x123.
const EXTENSION = /\s*(?:#|轉|分機|ext\.?|x)\s*(\d{1,6})$/i;
// Punctuation people put inside a number; anything else means it is not one.
const ALLOWED_MAIN = /^\+?[\d\s\-().]+$/;

/** Strips the country code so +886 2…, 886-9…, 00886… and (0)2… all land on 0…. */
function toNational(digits: string, hadPlus: boolean): string | null {
  let rest: string;
  if (digits.startsWith('00886')) rest = digits.slice(5);
  // National numbers always start with 0, so a leading 886 can only be the country code.
  else if (digits.startsWith('886')) rest = digits.slice(3);
  else if (hadPlus) return null; // A foreign number: out of scope for the desk.
  else return digits;
  // "+886 (0)2 …" keeps the trunk 0; don't double it.
  return rest.startsWith('0') ? rest : `0${rest}`;
}

function withHyphenBeforeLast4(s: string): string {
  return `${s.slice(0, -4)}-${s.slice(-4)}`;
}

function classify(value: string): { kind: PhoneKind; display: string } | null {
  if (/^09\d{8}$/.test(value)) {
    return { kind: 'mobile', display: `${value.slice(0, 4)}-${value.slice(4, 7)}-${value.slice(7)}` };
  }
  if (/^080[09]\d{6}$/.test(value)) {
    return { kind: 'tollfree', display: `${value.slice(0, 4)}-${value.slice(4, 7)}-${value.slice(7)}` };
  }
  if (/^070\d{8}$/.test(value)) {
    return { kind: 'voip', display: `${value.slice(0, 3)}-${value.slice(3, 7)}-${value.slice(7)}` };
  }
  // 09/080x/070 prefixes that failed above must not fall through to the 0x area codes.
  if (/^(09|080|070)/.test(value)) return null;
  const area = AREA_CODES.find((a) => value.startsWith(a.code));
  if (!area) return null;
  const subscriber = value.slice(area.code.length);
  if (!area.lengths.includes(subscriber.length)) return null;
  return { kind: 'landline', display: `(${area.code})${withHyphenBeforeLast4(subscriber)}` };
}

export function normalizePhone(input: string): PhoneResult {
  const s = toHalfWidth(input).trim();
  if (s === '') return { ok: false, reason: 'empty' };

  const extMatch = EXTENSION.exec(s);
  const ext = extMatch?.[1];
  const main = (extMatch ? s.slice(0, extMatch.index) : s).trim();
  if (!ALLOWED_MAIN.test(main)) return { ok: false, reason: 'format' };

  const value = toNational(main.replace(/\D/g, ''), main.startsWith('+'));
  if (value === null) return { ok: false, reason: 'format' };
  const info = classify(value);
  if (!info) return { ok: false, reason: 'format' };

  if (ext === undefined) return { ok: true, value, ...info };
  return { ok: true, value, kind: info.kind, display: `${info.display} #${ext}`, ext };
}

/**
 * Key for matching repeat callers: the normalised national number when the
 * input parses (so +886 912… and 0912-… match), otherwise just its digits.
 */
export function phoneSearchKey(input: string): string {
  const parsed = normalizePhone(input);
  if (parsed.ok) return parsed.value;
  return toHalfWidth(input).replace(/\D/g, '');
}
