/**
 * The Electron side of exports (electron/core/context.ts FileSaver): the core hands over the
 * finished file; we ask where to put it (the person's Documents folder by default) and write it.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import type { FileFilter, FileSaver } from '../core/context';
import { appError } from '../core/errors';

/** A name Windows, macOS and Linux all accept, keeping the extension the core chose. */
export function safeExportName(suggested: string): string {
  const cleaned = suggested
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/[. ]+$/, '')
    .slice(0, 150)
    .trim();
  return cleaned === '' ? 'export' : cleaned;
}

export function saveDialogOptions(suggestedName: string, filters: FileFilter[], documentsDir: string): SaveDialogOptions {
  return { defaultPath: path.join(documentsDir, safeExportName(suggestedName)), filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })) };
}

export function createElectronFileSaver(deps: { mainWindow: () => BrowserWindow | null; log?: (message: string, e: unknown) => void }): FileSaver {
  const log = deps.log ?? ((message, e) => console.error(message, e));
  return {
    async saveFile(bytes, suggestedName, filters) {
      const options = saveDialogOptions(suggestedName, filters, app.getPath('documents'));
      const win = deps.mainWindow();
      const parent = win && !win.isDestroyed() ? win : null;
      const { canceled, filePath } = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      if (canceled || !filePath) return null;
      try {
        await writeFile(filePath, bytes);
      } catch (e) {
        // A read-only folder or a file open in Excel (locked on Windows): say so instead of failing silently.
        log('export: writing the file failed', e);
        throw appError('internal', 'stats:export.writeFailed', { params: { reason: e instanceof Error ? e.message : String(e) } });
      }
      return filePath;
    },
  };
}
