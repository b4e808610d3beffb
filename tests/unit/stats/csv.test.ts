import { describe, expect, it } from 'vitest';
import { csvBytes, csvField, toCsv } from '../../../electron/core/export/csv';
import { parseCsv } from './csvParse';

describe('CSV export', () => {
  it('starts with a UTF-8 byte-order mark so Excel reads Chinese correctly', () => {
    const bytes = csvBytes([['個案本人', '5']]);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('個案本人,5\r\n');
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and reads back unchanged', () => {
    const rows = [
      ['名稱', '備註'],
      ['更生保護會, 高雄分會', '他說 "謝謝"'],
      ['第一行\n第二行', 'plain'],
    ];
    const text = toCsv(rows);
    expect(text).toBe('名稱,備註\r\n"更生保護會, 高雄分會","他說 ""謝謝"""\r\n"第一行\n第二行",plain\r\n');
    expect(parseCsv(text)).toEqual(rows);
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","點我")')).toBe('"\'=HYPERLINK(""http://x"",""點我"")"');
    expect(csvField('+886912345678')).toBe("'+886912345678");
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('47.11%')).toBe('47.11%');
    expect(csvField('—')).toBe('—');
  });
});
