/**
 * safety_settings (0005_safety.sql): one JSON value per key, each checked by its schema on every
 * read — a value that does not parse (hand-edited file, older format) falls back to the default
 * instead of stopping the app.
 */
import { z } from 'zod';
import { BACKUP_KEEP, IDLE_MINUTES, RETENTION_KINDS, RETENTION_MONTHS, type RetentionKind } from '../../../shared/domain/safety';
import type { Db } from '../db/open';

const acceptance = z.object({ at: z.string(), by: z.number().int(), backend: z.string().optional() });

const SCHEMAS = {
  'session.idleMinutes': z.number().int().min(IDLE_MINUTES.min).max(IDLE_MINUTES.max),
  'backup.folder': z.string().min(1).nullable(),
  'backup.keep': z.number().int().min(BACKUP_KEEP.min).max(BACKUP_KEEP.max),
  'backup.lastAutoAt': z.string().nullable(),
  'retention.months': z.partialRecord(z.enum(RETENTION_KINDS), z.number().int().min(RETENTION_MONTHS.min).max(RETENTION_MONTHS.max).nullable()),
  'retention.lastRunAt': z.string().nullable(),
  'keyring.weakAccepted': acceptance.nullable(),
  'recoveryKey.confirmed': acceptance.nullable(),
} as const;

export type SettingKey = keyof typeof SCHEMAS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SCHEMAS)[K]>;

const DEFAULTS: { [K in SettingKey]: SettingValue<K> } = {
  'session.idleMinutes': IDLE_MINUTES.default,
  'backup.folder': null,
  'backup.keep': BACKUP_KEEP.default,
  'backup.lastAutoAt': null,
  // No period until a supervisor sets one: the bureau's records schedule decides, not a default.
  'retention.months': {},
  'retention.lastRunAt': null,
  'keyring.weakAccepted': null,
  'recoveryKey.confirmed': null,
};

export function readSetting<K extends SettingKey>(db: Db, key: K): SettingValue<K> {
  const row = db.prepare('SELECT value FROM safety_settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return DEFAULTS[key];
  let raw: unknown;
  try {
    raw = JSON.parse(row.value);
  } catch {
    return DEFAULTS[key];
  }
  const parsed = SCHEMAS[key].safeParse(raw);
  return parsed.success ? (parsed.data as SettingValue<K>) : DEFAULTS[key];
}

/** Writes one setting; the caller audits it inside the same transaction. */
export function writeSetting<K extends SettingKey>(db: Db, key: K, value: SettingValue<K>, at: string, by: number | null): void {
  const json = JSON.stringify(SCHEMAS[key].parse(value));
  db.prepare(
    `INSERT INTO safety_settings (key, value, created_at, created_by, updated_at, updated_by)
     VALUES (@key, @json, @at, @by, @at, @by)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run({ key, json, at, by });
}

export function retentionMonths(db: Db): Record<RetentionKind, number | null> {
  const stored = readSetting(db, 'retention.months');
  return Object.fromEntries(RETENTION_KINDS.map((k) => [k, stored[k] ?? null])) as Record<RetentionKind, number | null>;
}
