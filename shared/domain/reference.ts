import { z } from 'zod';

/**
 * Reference data every feature uses (issue #2 §4). One generic table holds all kinds;
 * the few fields that differ per kind live in `extra`, described here once so the
 * supervisor's editor, the validation and the seed loader agree.
 */
export const REF_KINDS = [
  'serviceItem',
  'nonServiceCallType',
  'callerType',
  'riskFlag',
  'referralUnit',
  'district',
  'ageGroup',
  'shift',
  'leaveReason',
  'venue',
  'counsellingCategory',
  'guidanceUnit',
] as const;
export type RefKind = (typeof REF_KINDS)[number];

export type ExtraFieldType = 'text' | 'time' | 'number' | 'boolean';
export interface ExtraField {
  key: string;
  type: ExtraFieldType;
  required: boolean;
  max?: number;
}

const text = (key: string, required = false, max = 200): ExtraField => ({ key, type: 'text', required, max });

export const REF_EXTRA_FIELDS: Record<RefKind, readonly ExtraField[]> = {
  serviceItem: [],
  nonServiceCallType: [text('shortcutKey', false, 1)],
  callerType: [{ key: 'countsAsClientOrFamily', type: 'boolean', required: false }],
  riskFlag: [text('actionZh', true, 500), text('actionEn', true, 500), text('phone', false, 40)],
  referralUnit: [text('phone', false, 40)],
  district: [],
  ageGroup: [],
  shift: [
    { key: 'start', type: 'time', required: true },
    { key: 'end', type: 'time', required: true },
  ],
  leaveReason: [],
  venue: [text('address', false, 200), { key: 'capacity', type: 'number', required: false, max: 10000 }],
  counsellingCategory: [],
  guidanceUnit: [text('floorRoomZh', false, 100), text('floorRoomEn', false, 100), text('extension', false, 20)],
};

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

function fieldSchema(f: ExtraField): z.ZodType {
  switch (f.type) {
    case 'text': {
      // A form that omits an untouched field sends no key: that is "required", not "wrong type".
      const s = z
        .string({ error: (iss) => (iss.input === undefined ? 'validation.required' : 'validation.invalidType') })
        .trim()
        .max(f.max ?? 200, 'validation.tooLong');
      return f.required ? s.min(1, 'validation.required') : s.default('');
    }
    case 'time': {
      const s = z.string({ error: 'validation.required' }).regex(TIME_RE, 'validation.time');
      return f.required ? s : s.optional();
    }
    case 'number': {
      const n = z
        .number({ error: 'validation.number' })
        .int('validation.number')
        .min(0, 'validation.number')
        .max(f.max ?? 1_000_000, 'validation.tooBig');
      return f.required ? n : n.nullable().default(null);
    }
    case 'boolean':
      return z.boolean({ error: 'validation.invalidType' }).default(false);
  }
}

/** The schema of `extra` for one kind; unknown keys are dropped. */
export function extraSchema(kind: RefKind) {
  const shape: Record<string, z.ZodType> = {};
  for (const f of REF_EXTRA_FIELDS[kind]) shape[f.key] = fieldSchema(f);
  return z.object(shape);
}

export type RefExtra = Record<string, string | number | boolean | null>;

export interface RefItem {
  id: number;
  kind: RefKind;
  code: string;
  nameZh: string;
  nameEn: string;
  sortOrder: number;
  extra: RefExtra;
  retired: boolean;
  /** true once any record points at it: then it can only be retired */
  updatedAt: string;
}

export const refKindSchema = z.enum(REF_KINDS, { error: 'validation.invalidChoice' });

/** Display name in the given UI language. */
export function refName(item: Pick<RefItem, 'nameZh' | 'nameEn'>, lang: string): string {
  return lang === 'en' ? item.nameEn : item.nameZh;
}
