import type { z } from 'zod';
import type { Access } from '../../../shared/api/define';
import type { Lang } from '../../../shared/api/common';
import type { HandlerContext } from '../context';
import type { PrintDocument } from './page';

/** A printable document: who may print it, what parameters it takes, how data becomes HTML. */
export interface DocumentSpec<P> {
  access: Access;
  params: z.ZodType<P>;
  /** whether the printed page carries personal data (then every print is audited as such) */
  personalData: boolean;
  build(ctx: HandlerContext, params: P, lang: Lang): PrintDocument;
}

/** Keeps each document's params typed where it is written; the registry erases them. */
export const defineDocument = <P>(spec: DocumentSpec<P>): DocumentSpec<never> => spec as unknown as DocumentSpec<never>;
