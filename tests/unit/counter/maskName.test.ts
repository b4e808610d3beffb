import { describe, expect, it } from 'vitest';
import { maskName } from '../../../shared/lib/maskName';

describe('maskName (names on slips that leave the building)', () => {
  it('keeps the first and last character of a Chinese name', () => {
    expect(maskName('王小明')).toBe('王○明');
    expect(maskName('歐陽娜娜')).toBe('歐○○娜');
    expect(maskName('林宇')).toBe('林○');
    expect(maskName(' 陳 ')).toBe('○');
  });

  it('keeps each initial of a Latin name', () => {
    expect(maskName('John Smith')).toBe('J*** S****');
    expect(maskName('Nguyen Van A')).toBe('N***** V** A');
  });

  it('masks nothing out of nothing', () => {
    expect(maskName('')).toBe('');
    expect(maskName('   ')).toBe('');
  });
});
