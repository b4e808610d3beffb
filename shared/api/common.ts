import { z } from 'zod';

// Message texts are i18n keys: the renderer translates them at the field.
export const requiredText = (max: number) =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .max(max, 'validation.tooLong');

export const optionalText = (max: number) =>
  z.string({ error: 'validation.invalidType' }).trim().max(max, 'validation.tooLong');

export const idSchema = z.number({ error: 'validation.invalidType' }).int().positive('validation.invalidId');

export const emptyInput = z.object({}).strict();

export const LANGS = ['zh-TW', 'en'] as const;
export const langSchema = z.enum(LANGS, { error: 'validation.invalidChoice' });
export type Lang = (typeof LANGS)[number];
