import { describe, expect, it } from 'vitest';
import { fontFaceCss, loadFontSlices, parseUnicodeRange } from '../../../electron/core/print/fonts';
import { FONT_DIR } from './fixtures';

const faceCount = (css: string): number => css.match(/@font-face/g)?.length ?? 0;

describe('parseUnicodeRange', () => {
  it('reads ranges, single code points and ? wildcards', () => {
    expect(parseUnicodeRange('U+4E00-9FFF')).toEqual([0x4e00, 0x9fff]);
    expect(parseUnicodeRange('U+3000')).toEqual([0x3000, 0x3000]);
    expect(parseUnicodeRange('U+1F??')).toEqual([0x1f00, 0x1fff]);
    expect(parseUnicodeRange('u+1f921-1f930')).toEqual([0x1f921, 0x1f930]);
    expect(() => parseUnicodeRange('4E00')).toThrow();
  });
});

describe('loadFontSlices', () => {
  it('finds woff2 slices for both weights with absolute paths', () => {
    const slices = loadFontSlices(FONT_DIR);
    const weights = new Set(slices.map((s) => s.weight));
    expect(weights).toEqual(new Set([400, 700]));
    expect(slices.length).toBeGreaterThan(100);
    for (const s of slices) {
      expect(s.file).toMatch(/^\/.*\.woff2$/);
      expect(s.ranges.length).toBeGreaterThan(0);
    }
    expect(loadFontSlices(FONT_DIR)).toBe(slices); // cached
  });
});

describe('fontFaceCss', () => {
  it('embeds only the slices the text needs, always with Latin', () => {
    const latinOnly = fontFaceCss('abc 123', FONT_DIR);
    const short = fontFaceCss('高雄', FONT_DIR);
    const long = fontFaceCss(
      '高雄市政府毒品防制局工作人員帳號清冊，列印時間與列印人；話務人員、櫃台人員、業務承辦、主管、啟用、鎖定、停用。' +
        '王小明林美華陳志偉黃雅婷講座簽到雙語服務台諮詢專線',
      FONT_DIR,
    );
    expect(faceCount(latinOnly)).toBe(2); // Latin at 400 and 700
    expect(faceCount(short)).toBeGreaterThan(faceCount(latinOnly));
    expect(faceCount(long)).toBeGreaterThan(faceCount(short));
    expect(faceCount(long)).toBeLessThan(loadFontSlices(FONT_DIR).length / 2);
    expect(short).toContain('unicode-range:U+0-FF,');
  });

  it('declares our own family with inline woff2 data and both weights', () => {
    const css = fontFaceCss('高雄', FONT_DIR);
    expect(css).toContain("font-family:'DocSans'");
    expect(css).not.toContain('Noto Sans TC');
    expect(css).toContain('src:url(data:font/woff2;base64,');
    expect(css).not.toMatch(/url\((?!data:)/);
    expect(css).toContain('font-weight:400');
    expect(css).toContain('font-weight:700');
    expect(css).toMatch(/unicode-range:U\+/);
  });

  it('is fast on repeat calls', () => {
    const text = '工作人員帳號清冊'.repeat(200);
    fontFaceCss(text, FONT_DIR);
    const start = performance.now();
    fontFaceCss(text, FONT_DIR);
    expect(performance.now() - start).toBeLessThan(50);
  });
});
