import { describe, it, expect } from 'vitest';
import {
  checkDigitFor,
  isValidTaiwanId,
  maskId,
  normalizeId,
  validateTaiwanId,
} from '../../../shared/lib/taiwanId';

describe('normalizeId', () => {
  it('trims, removes inner spaces, folds width and upper-cases', () => {
    expect(normalizeId(' a123 456 789 ')).toBe('A123456789');
    expect(normalizeId('Ａ１２３４５６７８９')).toBe('A123456789');
    expect(normalizeId('ｔｄ\u300000251124')).toBe('TD00251124');
    expect(normalizeId('')).toBe('');
  });
});

describe('validateTaiwanId', () => {
  it('accepts a national id and reports kind and sex', () => {
    expect(validateTaiwanId('A123456789')).toEqual({
      ok: true,
      value: 'A123456789',
      kind: 'national',
      sex: 'M',
    });
    const female = `A2${'1234567'}`;
    const id = female + checkDigitFor(female);
    expect(validateTaiwanId(id)).toMatchObject({ ok: true, kind: 'national', sex: 'F' });
  });

  it('accepts new-style resident numbers (8/9)', () => {
    expect(validateTaiwanId('A800000014')).toMatchObject({ ok: true, kind: 'residentNew', sex: 'M' });
    const prefix = 'F91234567';
    expect(validateTaiwanId(prefix + checkDigitFor(prefix))).toMatchObject({
      ok: true,
      kind: 'residentNew',
      sex: 'F',
    });
  });

  it('accepts old-style resident numbers (letter in position 2)', () => {
    expect(validateTaiwanId('AA00000009')).toMatchObject({ ok: true, kind: 'residentOld', sex: 'M' });
    expect(validateTaiwanId('TD00251124')).toMatchObject({ ok: true, kind: 'residentOld', sex: 'F' });
  });

  it('normalises before validating', () => {
    expect(validateTaiwanId('a123456789 ')).toMatchObject({ ok: true, value: 'A123456789' });
    expect(validateTaiwanId('Ａ１２３４５６７８９')).toMatchObject({ ok: true, value: 'A123456789' });
  });

  it('rejects a wrong check digit', () => {
    expect(validateTaiwanId('A123456788')).toEqual({ ok: false, reason: 'checksum' });
    expect(validateTaiwanId('AA00000008')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('rejects malformed input', () => {
    expect(validateTaiwanId('A1234')).toEqual({ ok: false, reason: 'format' });
    expect(validateTaiwanId('A1234567890')).toEqual({ ok: false, reason: 'format' });
    expect(validateTaiwanId('1123456789')).toEqual({ ok: false, reason: 'format' });
    // Position 2 may only be 1, 2, 8, 9, A, B, C or D.
    expect(validateTaiwanId('A323456789')).toEqual({ ok: false, reason: 'format' });
    expect(validateTaiwanId('AE00000009')).toEqual({ ok: false, reason: 'format' });
    expect(validateTaiwanId('A12345678X')).toEqual({ ok: false, reason: 'format' });
  });

  it('reports empty input separately', () => {
    expect(validateTaiwanId('')).toEqual({ ok: false, reason: 'empty' });
    expect(validateTaiwanId('  \u3000')).toEqual({ ok: false, reason: 'empty' });
  });

  it('uses the non-alphabetical letter codes (I=34, O=35, W=32 ...)', () => {
    for (const letter of ['I', 'O', 'W', 'X', 'Y', 'Z']) {
      const prefix = `${letter}12345678`;
      expect(isValidTaiwanId(prefix + checkDigitFor(prefix))).toBe(true);
    }
    // Hand-computed: I=34 → 3*1 + 4*9 = 39, plus 1..8 weighted 8..1 = 120 → 159 → check 1.
    expect(checkDigitFor('I12345678')).toBe('1');
  });
});

describe('isValidTaiwanId', () => {
  it('mirrors validateTaiwanId', () => {
    expect(isValidTaiwanId('A123456789')).toBe(true);
    expect(isValidTaiwanId('A123456788')).toBe(false);
    expect(isValidTaiwanId('')).toBe(false);
  });
});

describe('checkDigitFor', () => {
  it('completes prefixes to the known vectors', () => {
    expect(checkDigitFor('A12345678')).toBe('9');
    expect(checkDigitFor('A80000001')).toBe('4');
    expect(checkDigitFor('AA0000000')).toBe('9');
    expect(checkDigitFor('TD0025112')).toBe('4');
  });

  it('normalises the prefix', () => {
    expect(checkDigitFor(' a12345678')).toBe('9');
  });

  it('produces a check digit of 0 when the sum is already a multiple of 10', () => {
    // Every letter/second-char combination must round-trip, including the 0 case.
    let sawZero = false;
    for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      for (const second of '1289ABCD') {
        const prefix = `${letter}${second}0000000`;
        const check = checkDigitFor(prefix);
        if (check === '0') sawZero = true;
        expect(isValidTaiwanId(prefix + check)).toBe(true);
      }
    }
    expect(sawZero).toBe(true);
  });

  it('throws on a malformed prefix', () => {
    expect(() => checkDigitFor('A1234567')).toThrow(RangeError);
    expect(() => checkDigitFor('A3')).toThrow(RangeError);
    expect(() => checkDigitFor('A123456789')).toThrow(RangeError);
  });
});

describe('maskId', () => {
  it('keeps the first 3 and last 3 of a 10-character id', () => {
    expect(maskId('A123456789')).toBe('A12****789');
    expect(maskId(' a123456789')).toBe('A12****789');
  });

  it('keeps only first and last for other lengths', () => {
    expect(maskId('A1234')).toBe('A***4');
    expect(maskId('ABC')).toBe('A*C');
  });

  it('fully masks very short values and returns empty for empty input', () => {
    expect(maskId('AB')).toBe('**');
    expect(maskId('A')).toBe('*');
    expect(maskId('')).toBe('');
    expect(maskId('   ')).toBe('');
  });
});
