import fs from 'node:fs';
import { z } from 'zod';
import { REF_KINDS, type RefKind } from '../../../shared/domain/reference';
import type { Db } from '../db/open';
import { codeExists, insertRefItem, nextSortOrder } from './repository';
import { parseExtra } from './service';

const seedSchema = z.object({
  version: z.number().int().positive(),
  kinds: z.record(
    z.string(),
    z.array(z.object({ code: z.string().min(1), nameZh: z.string().min(1), nameEn: z.string().min(1), extra: z.record(z.string(), z.unknown()) })),
  ),
});

const META_KEY = 'seed.reference.version';

/**
 * Fills reference data from resources/seed/reference.json on first run, and adds entries a
 * newer seed brings (by code) later. Entries a supervisor edited or retired are left alone.
 */
export function seedReferenceData(db: Db, seedFile: string, at: string): { inserted: number } {
  const seed = seedSchema.parse(JSON.parse(fs.readFileSync(seedFile, 'utf8')));
  const applied = db.prepare('SELECT value FROM app_meta WHERE key = ?').get(META_KEY) as { value: string } | undefined;
  if (applied && Number(applied.value) >= seed.version) return { inserted: 0 };
  let inserted = 0;
  db.transaction(() => {
    for (const [kindName, items] of Object.entries(seed.kinds)) {
      if (!(REF_KINDS as readonly string[]).includes(kindName)) throw new Error(`Unknown reference kind in seed: ${kindName}`);
      const kind = kindName as RefKind;
      for (const item of items) {
        if (codeExists(db, kind, item.code)) continue;
        const extra = parseExtra(kind, item.extra);
        insertRefItem(db, { kind, code: item.code, nameZh: item.nameZh, nameEn: item.nameEn, sortOrder: nextSortOrder(db, kind), extra }, at, null);
        inserted++;
      }
    }
    db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      META_KEY,
      String(seed.version),
    );
  }).immediate();
  return { inserted };
}
