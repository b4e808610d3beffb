import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { okValue } from '../../support/core';
import { closeBrowser, htmlToPdf, pdfPageCount, pdfPageSizePt, pdfText } from '../../support/pdf';
import { decodeQrPpm } from '../../support/qr';
import { newDesk } from './support';

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-slip-'));
afterAll(async () => {
  await closeBrowser();
  if (!process.env.KEEP_TEST_PDF) fs.rmSync(outDir, { recursive: true, force: true });
});

const MM = 72 / 25.4;
/** pdftotext may drop the spaces between CJK characters; compare without any whitespace. */
const squash = (s: string) => s.replace(/\s+/g, '');

describe('guidance slip', () => {
  it('A4: both languages on one page, unit and room, documents, and a QR code that opens the web address', async () => {
    const d = await newDesk();
    const id = d.topicId('lecture-leave');
    const preview = okValue(await d.call('desk', 'print:preview', { kind: 'counter.slip', params: { topicId: id }, lang: 'zh-TW' }));
    expect(preview.format).toBe('a4');
    const file = path.join(outDir, 'slip-a4.pdf');
    await htmlToPdf(preview.html, file);
    expect(pdfPageCount(file)).toBe(1);
    const text = squash(pdfText(file));
    for (const s of ['講習請假與改期（轉訓）', 'Lectureleaveandrescheduling', '輔導處遇科（毒品危害講習）', '2樓', 'CounsellingandTreatmentSection(drughazardlectures)', '應備文件', 'Documentstobring', '請假事由證明', 'medicalcertificate', 'https://dsacp.kcg.gov.tw/']) {
      expect(text).toContain(s);
    }
    execFileSync('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', file, path.join(outDir, 'slip-a4')]);
    const ppm = fs.readdirSync(outDir).find((f) => f.startsWith('slip-a4') && f.endsWith('.ppm')) ?? '';
    expect(decodeQrPpm(fs.readFileSync(path.join(outDir, ppm)))).toBe('https://dsacp.kcg.gov.tw/');
    // The longest starter topics still fit one A4 page.
    for (const code of ['volunteers', 'deferred-prosecution', 'family-support']) {
      const long = okValue(await d.call('desk', 'print:preview', { kind: 'counter.slip', params: { topicId: d.topicId(code) }, lang: 'en' }));
      const longFile = path.join(outDir, `slip-a4-${code}.pdf`);
      await htmlToPdf(long.html, longFile);
      expect({ code, pages: pdfPageCount(longFile) }).toEqual({ code, pages: 1 });
    }
  });

  it('80 mm receipt: narrow, one uncut piece even for the longest topic, the visitor’s language first', async () => {
    const d = await newDesk();
    for (const code of ['volunteers', 'deferred-prosecution', 'hotline']) {
      const preview = okValue(await d.call('desk', 'print:preview', { kind: 'counter.slip80', params: { topicId: d.topicId(code), first: 'en' }, lang: 'zh-TW' }));
      expect(preview.format).toBe('receipt80');
      const file = path.join(outDir, `slip-80-${code}.pdf`);
      await htmlToPdf(preview.html, file);
      expect(pdfPageSizePt(file).width).toBeCloseTo(80 * MM, 0);
      expect({ code, pages: pdfPageCount(file) }).toEqual({ code, pages: 1 });
      const text = squash(pdfText(file));
      // The footer is the last thing on the slip: present means nothing was cut off.
      expect(text).toContain('0800-770-885');
      expect(text).toContain(squash('Printed'));
      // English first: the English title comes before the Chinese one.
      const topic = okValue(await d.call('desk', 'counter:getTopic', { id: d.topicId(code) }));
      expect(text.indexOf(squash(topic.titleEn))).toBeGreaterThanOrEqual(0);
      expect(text.indexOf(squash(topic.titleEn))).toBeLessThan(text.indexOf(squash(topic.titleZh)));
    }
  });

  it('each layout remembers its own printer: the receipt goes back to the receipt printer, A4 to the office one', async () => {
    const d = await newDesk();
    const params = { topicId: d.topicId('hotline') };
    okValue(await d.call('desk', 'print:run', { kind: 'counter.slip80', params, lang: 'zh-TW', target: { mode: 'printer', deviceName: 'Receipt-80', copies: 1 } }));
    okValue(await d.call('desk', 'print:run', { kind: 'counter.slip', params, lang: 'zh-TW', target: { mode: 'printer', deviceName: 'HP-Counter', copies: 2 } }));
    expect(okValue(await d.call('desk', 'print:preview', { kind: 'counter.slip80', params, lang: 'zh-TW' })).lastPrinter).toBe('Receipt-80');
    expect(okValue(await d.call('desk', 'print:preview', { kind: 'counter.slip', params, lang: 'zh-TW' })).lastPrinter).toBe('HP-Counter');
    expect(d.printHost.printed.map((p) => [p.doc.format, p.options.deviceName, p.options.copies])).toEqual([
      ['receipt80', 'Receipt-80', 1],
      ['a4', 'HP-Counter', 2],
    ]);
  });

  it('counter staff print published topics only; a supervisor may proof a draft; an unknown topic is refused at the parameter', async () => {
    const d = await newDesk();
    const draft = okValue(await d.call('admin', 'counter:createTopic', { titleZh: '草稿主題', titleEn: 'Draft topic' }));
    expect(await d.call('desk', 'print:preview', { kind: 'counter.slip', params: { topicId: draft.id }, lang: 'zh-TW' })).toMatchObject({
      ok: false,
      error: { code: 'notFound', field: 'params.topicId' },
    });
    const proof = okValue(await d.call('admin', 'print:preview', { kind: 'counter.slip', params: { topicId: draft.id }, lang: 'en' }));
    expect(proof.html).toContain('Draft topic');
    expect(await d.call('desk', 'print:preview', { kind: 'counter.slip', params: { topicId: 'x' }, lang: 'zh-TW' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'params.topicId' },
    });
    // A hotline operator has no business printing counter slips.
    await d.signInAs('phone', ['operator']);
    expect(await d.call('phone', 'print:preview', { kind: 'counter.slip', params: { topicId: 1 }, lang: 'zh-TW' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('escapes what a supervisor typed: markup in a topic prints as text', async () => {
    const d = await newDesk();
    const t = okValue(await d.call('admin', 'counter:createTopic', { titleZh: '<img src=x onerror=alert(1)>', titleEn: 'A & B' }));
    const p = okValue(await d.call('admin', 'print:preview', { kind: 'counter.slip', params: { topicId: t.id }, lang: 'zh-TW' }));
    expect(p.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(p.html).not.toContain('<img src=x');
  });
});
