import { describe, it, expect } from 'vitest';
import {
  formatDateForLang,
  formatRocLong,
  formatRocShort,
  gregorianYear,
  parseDateInput,
  rocYear,
} from '../../../shared/lib/rocDate';

describe('rocYear / gregorianYear', () => {
  it('converts with the 1911 offset', () => {
    expect(rocYear(2025)).toBe(114);
    expect(rocYear(1912)).toBe(1);
    expect(gregorianYear(114)).toBe(2025);
    expect(gregorianYear(1)).toBe(1912);
  });

  it('gives non-positive ROC years before 1912', () => {
    expect(rocYear(1911)).toBe(0);
  });
});

describe('formatRocLong', () => {
  it('formats a date key without zero padding', () => {
    expect(formatRocLong('2025-03-05')).toBe('民國114年3月5日');
    expect(formatRocLong('2010-01-02')).toBe('民國99年1月2日');
    expect(formatRocLong('2024-12-31')).toBe('民國113年12月31日');
  });

  it('reads a Date on the Taipei calendar', () => {
    expect(formatRocLong(new Date('2025-03-04T16:30:00Z'))).toBe('民國114年3月5日');
  });

  it('uses 民國前 for dates before 1912', () => {
    expect(formatRocLong('1911-10-10')).toBe('民國前1年10月10日');
  });

  it('throws on an invalid date key', () => {
    expect(() => formatRocLong('2025-02-29')).toThrow(RangeError);
    expect(() => formatRocLong('114/03/05')).toThrow(RangeError);
  });
});

describe('formatRocShort', () => {
  it('pads month and day', () => {
    expect(formatRocShort('2025-03-05')).toBe('114/03/05');
    expect(formatRocShort('2010-01-02')).toBe('99/01/02');
    expect(formatRocShort(new Date('2024-12-31T16:00:00Z'))).toBe('114/01/01');
  });

  it('throws on an invalid date', () => {
    expect(() => formatRocShort('2025-13-01')).toThrow(RangeError);
    expect(() => formatRocShort(new Date(NaN))).toThrow(RangeError);
  });
});

describe('formatDateForLang', () => {
  it('uses ROC forms for zh-TW', () => {
    expect(formatDateForLang('2025-03-05', 'zh-TW', 'short')).toBe('114/03/05');
    expect(formatDateForLang('2025-03-05', 'zh-TW', 'long')).toBe('民國114年3月5日');
  });

  it('uses Gregorian forms for en', () => {
    expect(formatDateForLang('2025-03-05', 'en', 'short')).toBe('2025-03-05');
    expect(formatDateForLang('2025-03-05', 'en', 'long')).toBe('5 March 2025');
    expect(formatDateForLang(new Date('2024-12-31T16:00:00Z'), 'en', 'long')).toBe('1 January 2025');
    expect(formatDateForLang('2025-12-25', 'en', 'long')).toBe('25 December 2025');
  });

  it('throws on an invalid date', () => {
    expect(() => formatDateForLang('2025-02-30', 'en', 'short')).toThrow(RangeError);
  });
});

describe('parseDateInput: ROC forms', () => {
  const accepted = [
    '114/3/5',
    '114/03/05',
    '114.03.05',
    '114-3-5',
    '1140305',
    '民國114年3月5日',
    '114年3月5日',
    '114年03月05日',
    '  114/3/5  ',
    '１１４／３／５',
    '１１４．０３．０５',
    '民國１１４年３月５日',
    '114 / 3 / 5',
    '民國 114 年 3 月 5 日',
    '114－3－5',
  ];
  it.each(accepted)('accepts %s', (input) => {
    expect(parseDateInput(input)).toEqual({ ok: true, date: '2025-03-05' });
  });

  it('accepts 2-digit ROC years', () => {
    expect(parseDateInput('99/1/2')).toEqual({ ok: true, date: '2010-01-02' });
    expect(parseDateInput('990102')).toEqual({ ok: true, date: '2010-01-02' });
    expect(parseDateInput('099/01/02')).toEqual({ ok: true, date: '2010-01-02' });
    expect(parseDateInput('1/1/1')).toEqual({ ok: true, date: '1912-01-01' });
  });

  it('handles leap days', () => {
    expect(parseDateInput('113/2/29')).toEqual({ ok: true, date: '2024-02-29' });
    expect(parseDateInput('114/2/29')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDateInput('1130229')).toEqual({ ok: true, date: '2024-02-29' });
  });
});

describe('parseDateInput: Gregorian forms', () => {
  it.each(['2025-03-05', '2025/3/5', '2025.03.05', '20250305', '2025年3月5日', '２０２５-０３-０５'])(
    'accepts %s',
    (input) => {
      expect(parseDateInput(input)).toEqual({ ok: true, date: '2025-03-05' });
    },
  );

  it('handles Gregorian leap years, including the century rule', () => {
    expect(parseDateInput('2000-02-29')).toEqual({ ok: true, date: '2000-02-29' });
    expect(parseDateInput('2100-02-29')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('parseDateInput: rejections', () => {
  it('reports empty input', () => {
    expect(parseDateInput('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseDateInput(' \u3000 ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('reports impossible dates as invalid', () => {
    expect(parseDateInput('114/2/30')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDateInput('114/13/1')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDateInput('114/0/1')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDateInput('114/4/31')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDateInput('2025-13-01')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDateInput('20250230')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('requires ROC year ≥ 1', () => {
    expect(parseDateInput('0/1/1')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDateInput('000/01/01')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDateInput('0000101')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('reports unrecognised shapes as format errors', () => {
    for (const input of [
      'abc',
      '114/3',
      '114/3-5',
      '12345',
      '123456789',
      '2025/03/05/01',
      '10000/1/1',
      '114/123/1',
      '民國2025年3月5日',
      '114 3 5',
      '3/5/2025',
    ]) {
      expect(parseDateInput(input), input).toEqual({ ok: false, reason: 'format' });
    }
  });
});
