import { describe, it, expect } from 'vitest';
import { normalizePhone, phoneSearchKey } from '../../../shared/lib/phone';

describe('normalizePhone: mobile', () => {
  it('accepts plain and punctuated mobile numbers', () => {
    const expected = { ok: true, value: '0912345678', kind: 'mobile', display: '0912-345-678' };
    expect(normalizePhone('0912345678')).toEqual(expected);
    expect(normalizePhone('0912-345-678')).toEqual(expected);
    expect(normalizePhone(' 0912 345 678 ')).toEqual(expected);
    expect(normalizePhone('0912.345.678')).toEqual(expected);
    expect(normalizePhone('(0912)345678')).toEqual(expected);
  });

  it('accepts full-width digits and the +886 / 886 / 00886 prefixes', () => {
    expect(normalizePhone('０９１２－３４５６７８')).toMatchObject({ ok: true, value: '0912345678' });
    expect(normalizePhone('+886 912 345 678')).toMatchObject({ ok: true, value: '0912345678' });
    expect(normalizePhone('+886-912-345-678')).toMatchObject({ ok: true, value: '0912345678' });
    expect(normalizePhone('886912345678')).toMatchObject({ ok: true, value: '0912345678' });
    expect(normalizePhone('00886912345678')).toMatchObject({ ok: true, value: '0912345678' });
    expect(normalizePhone('＋８８６９１２３４５６７８')).toMatchObject({ ok: true, value: '0912345678' });
  });

  it('rejects mobiles of the wrong length', () => {
    expect(normalizePhone('091234567')).toEqual({ ok: false, reason: 'format' });
    expect(normalizePhone('09123456789')).toEqual({ ok: false, reason: 'format' });
  });
});

describe('normalizePhone: landline', () => {
  it('formats the area code in parentheses and hyphenates before the last 4 digits', () => {
    expect(normalizePhone('072345678')).toEqual({
      ok: true,
      value: '072345678',
      kind: 'landline',
      display: '(07)234-5678',
    });
    expect(normalizePhone('02-2345-6789')).toEqual({
      ok: true,
      value: '0223456789',
      kind: 'landline',
      display: '(02)2345-6789',
    });
    expect(normalizePhone('(02) 2345 6789')).toMatchObject({ ok: true, display: '(02)2345-6789' });
    expect(normalizePhone('+886 2 2345 6789')).toMatchObject({ ok: true, value: '0223456789' });
    expect(normalizePhone('+886 (0)2 2345 6789')).toMatchObject({ ok: true, value: '0223456789' });
  });

  it('handles each area code length', () => {
    expect(normalizePhone('03-4567890')).toMatchObject({ ok: true, display: '(03)456-7890' });
    expect(normalizePhone('037-123456')).toMatchObject({ ok: true, display: '(037)12-3456' });
    expect(normalizePhone('049-2345678')).toMatchObject({ ok: true, display: '(049)234-5678' });
    expect(normalizePhone('05-2345678')).toMatchObject({ ok: true, display: '(05)234-5678' });
    expect(normalizePhone('06-2345678')).toMatchObject({ ok: true, display: '(06)234-5678' });
    expect(normalizePhone('08-7654321')).toMatchObject({ ok: true, display: '(08)765-4321' });
    expect(normalizePhone('089-123456')).toMatchObject({ ok: true, display: '(089)12-3456' });
    expect(normalizePhone('082-123456')).toMatchObject({ ok: true, display: '(082)12-3456' });
    expect(normalizePhone('0826-12345')).toMatchObject({ ok: true, display: '(0826)1-2345' });
    expect(normalizePhone('0836-12345')).toMatchObject({ ok: true, display: '(0836)1-2345' });
  });

  it('accepts both 7- and 8-digit numbers after 04', () => {
    expect(normalizePhone('04-2345-6789')).toMatchObject({ ok: true, display: '(04)2345-6789' });
    expect(normalizePhone('04-7234567')).toMatchObject({ ok: true, display: '(04)723-4567' });
  });

  it('rejects landlines of the wrong length for their area code', () => {
    expect(normalizePhone('02-234-5678')).toEqual({ ok: false, reason: 'format' });
    expect(normalizePhone('07-23456789')).toEqual({ ok: false, reason: 'format' });
    expect(normalizePhone('037-1234567')).toEqual({ ok: false, reason: 'format' });
    expect(normalizePhone('0826-123456')).toEqual({ ok: false, reason: 'format' });
    expect(normalizePhone('049-234567')).toEqual({ ok: false, reason: 'format' });
  });

  it('rejects numbers with no valid area code', () => {
    expect(normalizePhone('0123456789')).toEqual({ ok: false, reason: 'format' });
    expect(normalizePhone('2345-6789')).toEqual({ ok: false, reason: 'format' });
  });
});

describe('normalizePhone: toll-free and VoIP', () => {
  it('accepts 0800 / 0809 toll-free numbers', () => {
    expect(normalizePhone('0800-770-885')).toEqual({
      ok: true,
      value: '0800770885',
      kind: 'tollfree',
      display: '0800-770-885',
    });
    expect(normalizePhone('0809 123 456')).toMatchObject({ ok: true, kind: 'tollfree' });
  });

  it('rejects other 080x prefixes and wrong lengths', () => {
    expect(normalizePhone('0801123456')).toEqual({ ok: false, reason: 'format' });
    expect(normalizePhone('080077088')).toEqual({ ok: false, reason: 'format' });
  });

  it('accepts 070 VoIP numbers', () => {
    expect(normalizePhone('070-1234-5678')).toEqual({
      ok: true,
      value: '07012345678',
      kind: 'voip',
      display: '070-1234-5678',
    });
  });

  it('rejects short 070 numbers instead of reading them as Kaohsiung landlines', () => {
    expect(normalizePhone('0701234567')).toEqual({ ok: false, reason: 'format' });
  });
});

describe('normalizePhone: extensions', () => {
  it('moves #, 轉, 分機 and ext suffixes out of the value', () => {
    expect(normalizePhone('(07)234-5678#123')).toEqual({
      ok: true,
      value: '072345678',
      kind: 'landline',
      display: '(07)234-5678 #123',
      ext: '123',
    });
    expect(normalizePhone('02-2345-6789 轉 45')).toMatchObject({ ok: true, value: '0223456789', ext: '45' });
    expect(normalizePhone('02-2345-6789分機45')).toMatchObject({ ok: true, ext: '45' });
    expect(normalizePhone('02-2345-6789 ext. 45')).toMatchObject({ ok: true, ext: '45' });
    expect(normalizePhone('02-2345-6789 x45')).toMatchObject({ ok: true, ext: '45' });
    expect(normalizePhone('02-2345-6789＃４５')).toMatchObject({ ok: true, ext: '45' });
  });

  it('omits ext when there is none', () => {
    const result = normalizePhone('0912345678');
    expect(result.ok && 'ext' in result).toBe(false);
  });

  it('still rejects a bad main number with an extension', () => {
    expect(normalizePhone('1234#5')).toEqual({ ok: false, reason: 'format' });
  });
});

describe('normalizePhone: invalid input', () => {
  it('reports empty input', () => {
    expect(normalizePhone('')).toEqual({ ok: false, reason: 'empty' });
    expect(normalizePhone(' \u3000 ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('rejects letters, foreign numbers and stray symbols', () => {
    expect(normalizePhone('0912-ABC-678')).toEqual({ ok: false, reason: 'format' });
    expect(normalizePhone('+1 212 555 0100')).toEqual({ ok: false, reason: 'format' });
    expect(normalizePhone('0912*345*678')).toEqual({ ok: false, reason: 'format' });
    expect(normalizePhone('09+12345678')).toEqual({ ok: false, reason: 'format' });
    expect(normalizePhone('---')).toEqual({ ok: false, reason: 'format' });
  });
});

describe('phoneSearchKey', () => {
  it('matches the same number however it was written', () => {
    expect(phoneSearchKey('0912-345-678')).toBe('0912345678');
    expect(phoneSearchKey('+886 912 345 678')).toBe('0912345678');
    expect(phoneSearchKey('(02)2345-6789#12')).toBe('0223456789');
  });

  it('falls back to bare digits for unparseable input', () => {
    expect(phoneSearchKey('12-34')).toBe('1234');
    expect(phoneSearchKey('１２３')).toBe('123');
  });

  it('returns an empty string when there are no digits', () => {
    expect(phoneSearchKey('')).toBe('');
    expect(phoneSearchKey('unknown')).toBe('');
  });
});
