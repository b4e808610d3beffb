import type { PrinterInfo } from '../../../shared/api/channels/print';
import type { PrintDocument } from './page';

/**
 * What the core needs from whoever can put HTML on paper. In the app it is a hidden,
 * sandboxed Electron window (electron/main/printHost.ts); in tests it is Chromium driven
 * by Playwright. Both receive the same HTML, so what the tests read back is what prints.
 */
export interface PrintHost {
  listPrinters(): Promise<PrinterInfo[]>;
  print(doc: PrintDocument, options: { deviceName: string; copies: number }): Promise<void>;
  /** Asks where to save (the app shows a dialog) and writes the PDF; null when the user cancels. */
  savePdf(doc: PrintDocument, suggestedName: string): Promise<string | null>;
}
