/** The Electron side of exports, over a stubbed `electron` (the binary cannot run here). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  dialog: { showSaveDialog: vi.fn() },
  app: { getPath: (_name: string) => '/home/desk/Documents' },
}));
vi.mock('electron', () => ({ app: fake.app, dialog: fake.dialog }));

import { createElectronFileSaver, safeExportName, saveDialogOptions } from '../../../electron/main/fileSaver';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  fake.dialog.showSaveDialog.mockReset();
});

describe('the export save dialog', () => {
  it('offers the Documents folder, a name every OS accepts and the format’s filter', () => {
    expect(safeExportName('來電者身分: 2025/03?.xlsx')).toBe('來電者身分_ 2025_03_.xlsx');
    expect(safeExportName('   ')).toBe('export');
    expect(saveDialogOptions('服務項目 2025-03.csv', [{ name: 'CSV', extensions: ['csv'] }], '/home/desk/Documents')).toEqual({
      defaultPath: path.join('/home/desk/Documents', '服務項目 2025-03.csv'),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  });

  it('writes the bytes where the person chose, and nothing when they cancel', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saver-'));
    dirs.push(dir);
    const target = path.join(dir, 'out.csv');
    const saver = createElectronFileSaver({ mainWindow: () => null });
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await saver.saveFile(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'x.csv', [])).toBe(target);
    expect([...fs.readFileSync(target)]).toEqual([0xef, 0xbb, 0xbf, 0x41]);
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await saver.saveFile(new Uint8Array([1]), 'y.csv', [])).toBeNull();
    expect(fs.readdirSync(dir)).toEqual(['out.csv']);
  });

  it('a folder that cannot be written is a translated error, not a silent failure', async () => {
    const saver = createElectronFileSaver({ mainWindow: () => null, log: () => undefined });
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/nonexistent-dir/for/sure/out.xlsx' });
    await expect(saver.saveFile(new Uint8Array([1]), 'out.xlsx', [])).rejects.toMatchObject({ error: { messageKey: 'stats:export.writeFailed' } });
  });
});
