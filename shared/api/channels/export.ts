import { z } from 'zod';
import { channel } from '../define';
import { langSchema } from '../common';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOutcome {
  /** false when the person cancelled the save dialog */
  saved: boolean;
  path: string | null;
  /** data rows written (header and total rows not counted) */
  rows: number;
}

/**
 * One export path for every table and list of the app, like print:run for paper: `kind`
 * names a registered export (electron/core/export/registry.ts) whose own schema checks
 * `params` (for a list screen: its current filter) and whose own roles gate it. Main builds
 * the file and writes it where the person chooses.
 */
export const exportChannels = {
  'export:run': channel<ExportOutcome>()(
    z
      .object({
        kind: z.string().min(1).max(64).regex(/^[a-zA-Z0-9.-]+$/, 'validation.invalidChoice'),
        params: z.unknown(),
        lang: langSchema,
        format: z.enum(EXPORT_FORMATS, { error: 'validation.invalidChoice' }),
      })
      .strict(),
    'signedIn',
  ),
} as const;
