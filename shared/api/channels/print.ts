import { z } from 'zod';
import { channel } from '../define';
import { emptyInput, langSchema } from '../common';

export interface PrinterInfo {
  name: string;
  displayName: string;
  isDefault: boolean;
}

export interface PrintPreview {
  title: string;
  format: 'a4' | 'receipt80';
  html: string;
  /** the printer last used for this kind of document, if any */
  lastPrinter: string | null;
}

export interface PrintOutcome {
  done: boolean;
  /** where the PDF was written, for "save as PDF" */
  path: string | null;
}

/**
 * One print path for every document: `kind` names a registered document, whose own
 * schema checks `params` and whose own roles gate it (electron/core/print/registry).
 */
const documentRef = {
  kind: z.string().min(1).max(64).regex(/^[a-zA-Z0-9.-]+$/, 'validation.invalidChoice'),
  params: z.unknown(),
  lang: langSchema,
};

export const printTarget = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('pdf') }).strict(),
  z
    .object({
      mode: z.literal('printer'),
      deviceName: z.string().max(300),
      copies: z.number().int().min(1, 'validation.copies').max(99, 'validation.copies'),
    })
    .strict(),
]);

export const printChannels = {
  'print:printers': channel<PrinterInfo[]>()(emptyInput, 'signedIn'),
  'print:preview': channel<PrintPreview>()(z.object(documentRef).strict(), 'signedIn'),
  'print:run': channel<PrintOutcome>()(z.object({ ...documentRef, target: printTarget }).strict(), 'signedIn'),
} as const;
