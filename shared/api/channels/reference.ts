import { z } from 'zod';
import { refKindSchema, type RefItem, type RefKind } from '../../domain/reference';
import { channel } from '../define';
import { emptyInput, idSchema, requiredText } from '../common';

// `extra` is checked against the kind's own schema in the service, where the kind is known.
const extraInput = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({});

export const referenceChannels = {
  'reference:all': channel<Record<RefKind, RefItem[]>>()(emptyInput, 'signedIn'),
  'reference:create': channel<RefItem>()(
    z.object({ kind: refKindSchema, nameZh: requiredText(100), nameEn: requiredText(150), extra: extraInput }).strict(),
    ['supervisor'],
  ),
  'reference:update': channel<RefItem>()(
    z.object({ id: idSchema, nameZh: requiredText(100), nameEn: requiredText(150), extra: extraInput }).strict(),
    ['supervisor'],
  ),
  'reference:reorder': channel<RefItem[]>()(
    z
      .object({ kind: refKindSchema, orderedIds: z.array(idSchema).min(1).max(10_000) })
      .strict()
      .refine((v) => new Set(v.orderedIds).size === v.orderedIds.length, 'validation.duplicate'),
    ['supervisor'],
  ),
  'reference:setRetired': channel<RefItem>()(
    z.object({ id: idSchema, retired: z.boolean({ error: 'validation.invalidType' }) }).strict(),
    ['supervisor'],
  ),
} as const;
