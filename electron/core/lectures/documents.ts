import type { DocumentSpec } from '../print/spec';

/** Printable documents of this feature, registered in electron/core/print/registry.ts. */
export const lecturesDocuments: Record<string, DocumentSpec<never>> = {};
