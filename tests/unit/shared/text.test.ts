import { describe, it, expect } from 'vitest';
import { normalizeSearchText, toHalfWidth } from '../../../shared/lib/text';

describe('toHalfWidth', () => {
  it('converts full-width digits, letters and punctuation', () => {
    expect(toHalfWidth('０９１２－３４５')).toBe('0912-345');
    expect(toHalfWidth('Ａｂｃ！～')).toBe('Abc!~');
    expect(toHalfWidth('１１４／３／５')).toBe('114/3/5');
  });

  it('converts the ideographic space to a normal space', () => {
    expect(toHalfWidth('王\u3000小明')).toBe('王 小明');
  });

  it('leaves CJK characters and ASCII untouched', () => {
    expect(toHalfWidth('民國114年')).toBe('民國114年');
    expect(toHalfWidth('')).toBe('');
  });

  it('does not touch characters just outside the full-width ASCII block', () => {
    // U+FF00 and U+FF5F have no ASCII counterpart.
    expect(toHalfWidth('\uFF00\uFF5F')).toBe('\uFF00\uFF5F');
  });
});

describe('normalizeSearchText', () => {
  it('folds width, case and spacing', () => {
    expect(normalizeSearchText('  ＡＢＣ\u3000\u3000Def  ')).toBe('abc def');
    expect(normalizeSearchText('Hello\t\nWorld')).toBe('hello world');
  });

  it('returns an empty string for whitespace-only input', () => {
    expect(normalizeSearchText(' \u3000 ')).toBe('');
  });

  it('keeps Chinese text intact', () => {
    expect(normalizeSearchText(' 毒品  危害防制 ')).toBe('毒品 危害防制');
  });
});
