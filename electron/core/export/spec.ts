import type { z } from 'zod';
import type { Access } from '../../../shared/api/define';
import type { Lang } from '../../../shared/api/common';
import type { ExportFormat } from '../../../shared/api/channels/export';
import type { ReportTable } from '../../../shared/domain/reportTable';
import type { HandlerContext } from '../context';

/** What one export produces: one sheet per table (CSV takes exactly one), and the lines above each. */
export interface ExportBook {
  /** file name without extension, in the chosen language */
  fileName: string;
  /** e.g. the period in ROC dates; the table title comes first automatically */
  headerLines: string[];
  tables: ReportTable[];
}

/**
 * A registered export, the twin of a print document (electron/core/print/spec.ts): who may
 * run it, what parameters it takes (a list screen's current filter), and how the records
 * become tables. `personalData` exports are audited as such.
 */
export interface ExportSpec<P> {
  access: Access;
  params: z.ZodType<P>;
  personalData: boolean;
  /** formats offered; default both */
  formats?: readonly ExportFormat[];
  build(ctx: HandlerContext, params: P, lang: Lang): ExportBook;
  /**
   * What the audit entry records of the parameters; default: as sent. A filter may hold a
   * phone number or an ID typed in full, and the audit log must not become a copy of them.
   */
  auditParams?(params: P): Record<string, unknown>;
}

export const defineExport = <P>(spec: ExportSpec<P>): ExportSpec<never> => spec as unknown as ExportSpec<never>;
