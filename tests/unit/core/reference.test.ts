import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError, Result } from '../../../shared/api/result';
import { REF_KINDS, type RefItem, type RefKind } from '../../../shared/domain/reference';
import { startCore } from '../../../electron/core/bootstrap';
import { seedReferenceData } from '../../../electron/core/reference/seed';
import { makeCore, okValue, type TestCore } from '../../support/core';

const SEED_FILE = path.join(process.cwd(), 'resources/seed/reference.json');
const seed = JSON.parse(fs.readFileSync(SEED_FILE, 'utf8')) as {
  version: number;
  kinds: Record<string, { code: string; nameZh: string; nameEn: string }[]>;
};

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.cleanup();
});

async function supervisorCore(): Promise<TestCore> {
  const t = makeCore();
  cores.push(t);
  await t.setupSupervisor('admin');
  return t;
}

function errorOf(r: Result<unknown>): ApiError {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.error;
}

const all = async (t: TestCore, sender = 'admin') => okValue(await t.call(sender, 'reference:all', {}));
const ids = (items: RefItem[]) => items.map((i) => i.id);

describe('seeding', () => {
  it('fills every kind from resources/seed/reference.json on first start, in the seed order', async () => {
    const t = await supervisorCore();
    const data = await all(t);
    for (const kind of REF_KINDS) {
      const expected = seed.kinds[kind] ?? [];
      expect({ kind, codes: data[kind].map((i) => i.code) }).toEqual({ kind, codes: expected.map((i) => i.code) });
      expect(data[kind].every((i) => !i.retired)).toBe(true);
    }
    // the city's 38 districts plus "other city"
    expect(data.district).toHaveLength(39);
    const first = seed.kinds.serviceItem?.[0];
    expect(data.serviceItem[0]).toMatchObject({ nameZh: first?.nameZh, nameEn: first?.nameEn });
  });

  it('seeded rows are not attributed to any account', async () => {
    const t = await supervisorCore();
    const row = t.core.db.prepare('SELECT count(*) AS n FROM ref_items WHERE created_by IS NOT NULL OR updated_by IS NOT NULL').get();
    expect(row).toEqual({ n: 0 });
  });

  it('seeding again (restart, or directly) adds nothing and keeps edits', async () => {
    const t = await supervisorCore();
    const item = (await all(t)).serviceItem[0];
    if (!item) throw new Error('no service item');
    okValue(await t.call('admin', 'reference:update', { id: item.id, nameZh: '改過的名字', nameEn: 'Edited', extra: {} }));
    okValue(await t.call('admin', 'reference:setRetired', { id: item.id, retired: true }));
    const before = t.rowCounts();

    expect(seedReferenceData(t.core.db, SEED_FILE, t.clock.now.toISOString())).toEqual({ inserted: 0 });
    // even without the "seed applied" marker, entries are matched by code, never duplicated
    t.core.db.prepare('DELETE FROM app_meta').run();
    expect(seedReferenceData(t.core.db, SEED_FILE, t.clock.now.toISOString())).toEqual({ inserted: 0 });
    expect(t.rowCounts().ref_items).toBe(before.ref_items);
    t.core.close();
    const again = startCore({
      dbFile: t.dbFile,
      appRoot: process.cwd(),
      clock: () => t.clock.now,
      prefs: t.prefs,
      printHost: t.printHost,
      sleep: async () => undefined,
      scryptCost: 2 ** 10,
    });
    try {
      const counts = again.db.prepare('SELECT count(*) AS n FROM ref_items').get() as { n: number };
      expect(counts.n).toBe(before.ref_items);
      const row = again.db.prepare('SELECT name_zh, retired_at FROM ref_items WHERE id = ?').get(item.id) as { name_zh: string; retired_at: string | null };
      expect(row.name_zh).toBe('改過的名字');
      expect(row.retired_at).not.toBeNull();
    } finally {
      again.close();
    }
  });

  it('a newer seed adds only its new entries, after the existing ones', async () => {
    const t = await supervisorCore();
    const newer = {
      version: seed.version + 1,
      kinds: { ...seed.kinds, leaveReason: [...(seed.kinds.leaveReason ?? []), { code: 'typhoon', nameZh: '颱風假', nameEn: 'Typhoon day', extra: {} }] },
    };
    const file = path.join(t.dir, 'newer.json');
    fs.writeFileSync(file, JSON.stringify(newer));
    expect(seedReferenceData(t.core.db, file, t.clock.now.toISOString())).toEqual({ inserted: 1 });
    const leave = (await all(t)).leaveReason;
    expect(leave.at(-1)).toMatchObject({ code: 'typhoon', nameZh: '颱風假' });
  });
});

describe('creating entries', () => {
  it('adds at the end of its kind, records the supervisor as creator, and audits it', async () => {
    const t = await supervisorCore();
    const before = (await all(t)).serviceItem;
    t.clock.advance(60_000);
    const created = okValue(
      await t.call('admin', 'reference:create', { kind: 'serviceItem', nameZh: '  戒癮門診  ', nameEn: 'Addiction clinic', extra: {} }),
    );
    expect(created).toMatchObject({ kind: 'serviceItem', nameZh: '戒癮門診', nameEn: 'Addiction clinic', retired: false });
    const after = (await all(t)).serviceItem;
    expect(ids(after)).toEqual([...ids(before), created.id]);

    const me = okValue(await t.call('admin', 'auth:status', {})).account;
    const row = t.core.db.prepare('SELECT created_by, updated_by, created_at, updated_at FROM ref_items WHERE id = ?').get(created.id);
    expect(row).toEqual({ created_by: me?.id, updated_by: me?.id, created_at: t.clock.now.toISOString(), updated_at: t.clock.now.toISOString() });
    const audit = t.core.db.prepare("SELECT action, account_id FROM audit_log WHERE entity = 'ref_item' AND entity_id = ?").all(String(created.id));
    expect(audit).toEqual([{ action: 'create', account_id: me?.id }]);
  });

  it('keeps the kind-specific extra fields, with defaults for the optional ones', async () => {
    const t = await supervisorCore();
    const flag = okValue(
      await t.call('admin', 'reference:create', {
        kind: 'riskFlag',
        nameZh: '家暴',
        nameEn: 'Domestic violence',
        extra: { actionZh: '通報113', actionEn: 'Report to 113', unknownKey: 'dropped' },
      }),
    );
    expect(flag.extra).toEqual({ actionZh: '通報113', actionEn: 'Report to 113', phone: '' });
    const shift = okValue(await t.call('admin', 'reference:create', { kind: 'shift', nameZh: '夜班', nameEn: 'Night', extra: { start: '22:00', end: '08:00' } }));
    expect(shift.extra).toEqual({ start: '22:00', end: '08:00' });
  });

  it('an empty Chinese name is refused at nameZh', async () => {
    const t = await supervisorCore();
    const before = t.rowCounts();
    const r = await t.call('admin', 'reference:create', { kind: 'serviceItem', nameZh: '   ', nameEn: 'Something', extra: {} });
    expect(errorOf(r)).toMatchObject({ code: 'validation', field: 'nameZh', messageKey: 'validation.required' });
    expect(t.rowCounts()).toEqual(before);
  });

  it('an empty English name is refused at nameEn', async () => {
    const t = await supervisorCore();
    const r = await t.call('admin', 'reference:create', { kind: 'serviceItem', nameZh: '項目', nameEn: '', extra: {} });
    expect(errorOf(r)).toMatchObject({ code: 'validation', field: 'nameEn', messageKey: 'validation.required' });
  });

  it('a required extra left empty or missing is refused at extra.<key> as required', async () => {
    const t = await supervisorCore();
    const before = t.rowCounts();
    const missing = await t.call('admin', 'reference:create', { kind: 'riskFlag', nameZh: '自傷', nameEn: 'Self-harm', extra: { actionEn: 'Call 1925' } });
    expect(errorOf(missing)).toMatchObject({ code: 'validation', field: 'extra.actionZh', messageKey: 'validation.required' });
    const blank = await t.call('admin', 'reference:create', {
      kind: 'riskFlag',
      nameZh: '自傷',
      nameEn: 'Self-harm',
      extra: { actionZh: '  ', actionEn: 'Call 1925' },
    });
    expect(errorOf(blank)).toMatchObject({ code: 'validation', field: 'extra.actionZh', messageKey: 'validation.required' });
    expect(t.rowCounts()).toEqual(before);
  });

  it.each(['25:00', '8:00', '12:60', 'noon'])('a shift starting at "%s" is refused with validation.time', async (start) => {
    const t = await supervisorCore();
    const r = await t.call('admin', 'reference:create', { kind: 'shift', nameZh: '早班', nameEn: 'Early', extra: { start, end: '12:00' } });
    expect(errorOf(r)).toMatchObject({ code: 'validation', field: 'extra.start', messageKey: 'validation.time' });
  });

  it('a venue capacity must be a whole number', async () => {
    const t = await supervisorCore();
    const r = await t.call('admin', 'reference:create', { kind: 'venue', nameZh: '禮堂', nameEn: 'Hall', extra: { capacity: 'many' } });
    expect(errorOf(r)).toMatchObject({ code: 'validation', field: 'extra.capacity', messageKey: 'validation.number' });
  });

  it('an unknown kind is refused', async () => {
    const t = await supervisorCore();
    const r = await t.callRaw('admin', 'reference:create', { kind: 'weapon', nameZh: '武器', nameEn: 'Weapon', extra: {} });
    expect(errorOf(r)).toMatchObject({ code: 'validation', field: 'kind', messageKey: 'validation.invalidChoice' });
  });
});

describe('editing entries', () => {
  it('update changes the names and extra, records the editor, and keeps code, order and kind', async () => {
    const t = await supervisorCore();
    const unit = (await all(t)).guidanceUnit[2];
    if (!unit) throw new Error('no guidance unit');
    t.clock.advance(5 * 60_000);
    const updated = okValue(
      await t.call('admin', 'reference:update', {
        id: unit.id,
        nameZh: '社會局',
        nameEn: 'Social Welfare Bureau',
        extra: { floorRoomZh: '3樓 301室', floorRoomEn: '3F Room 301', extension: '3012' },
      }),
    );
    expect(updated).toMatchObject({
      id: unit.id,
      kind: 'guidanceUnit',
      code: unit.code,
      sortOrder: unit.sortOrder,
      nameZh: '社會局',
      nameEn: 'Social Welfare Bureau',
      extra: { floorRoomZh: '3樓 301室', floorRoomEn: '3F Room 301', extension: '3012' },
      updatedAt: t.clock.now.toISOString(),
    });
    const me = okValue(await t.call('admin', 'auth:status', {})).account;
    expect(t.core.db.prepare('SELECT created_by, updated_by FROM ref_items WHERE id = ?').get(unit.id)).toEqual({ created_by: null, updated_by: me?.id });
  });

  it('update validates the extra of the entry’s own kind', async () => {
    const t = await supervisorCore();
    const shift = (await all(t)).shift[0];
    if (!shift) throw new Error('no shift');
    const r = await t.call('admin', 'reference:update', { id: shift.id, nameZh: shift.nameZh, nameEn: shift.nameEn, extra: { start: '25:00', end: '08:00' } });
    expect(errorOf(r)).toMatchObject({ code: 'validation', field: 'extra.start', messageKey: 'validation.time' });
    expect((await all(t)).shift[0]).toEqual(shift);
  });

  it('updating an entry that does not exist is notFound', async () => {
    const t = await supervisorCore();
    const r = await t.call('admin', 'reference:update', { id: 999_999, nameZh: '無', nameEn: 'None', extra: {} });
    expect(errorOf(r)).toMatchObject({ code: 'notFound', field: 'id' });
  });
});

describe('reordering', () => {
  async function reorder(t: TestCore, kind: RefKind, orderedIds: number[]) {
    return t.call('admin', 'reference:reorder', { kind, orderedIds });
  }

  it('takes the full new order of one kind and returns it', async () => {
    const t = await supervisorCore();
    const before = (await all(t)).leaveReason;
    const wanted = [...ids(before)].reverse();
    const result = okValue(await reorder(t, 'leaveReason', wanted));
    expect(ids(result)).toEqual(wanted);
    expect(ids((await all(t)).leaveReason)).toEqual(wanted);
    // other kinds are untouched
    const untouched = (await all(t)).shift;
    expect(untouched.map((i) => i.sortOrder)).toEqual([...untouched.map((i) => i.sortOrder)].sort((a, b) => a - b));
  });

  it('an id of another kind is refused with reference.reorderMismatch and nothing moves', async () => {
    const t = await supervisorCore();
    const data = await all(t);
    const before = ids(data.leaveReason);
    const foreign = data.district[0]?.id ?? 0;
    const r = await reorder(t, 'leaveReason', [...before.slice(1), foreign]);
    expect(errorOf(r)).toMatchObject({ code: 'validation', messageKey: 'reference.reorderMismatch', field: 'orderedIds' });
    expect(ids((await all(t)).leaveReason)).toEqual(before);
  });

  it('a missing id is refused with reference.reorderMismatch', async () => {
    const t = await supervisorCore();
    const before = ids((await all(t)).leaveReason);
    const r = await reorder(t, 'leaveReason', before.slice(1).reverse());
    expect(errorOf(r)).toMatchObject({ code: 'validation', messageKey: 'reference.reorderMismatch' });
    expect(ids((await all(t)).leaveReason)).toEqual(before);
  });

  it('a repeated id is refused', async () => {
    const t = await supervisorCore();
    const before = ids((await all(t)).leaveReason);
    const r = await reorder(t, 'leaveReason', [before[0] ?? 0, ...before.slice(0, -1)]);
    expect(errorOf(r)).toMatchObject({ code: 'validation' });
    expect(ids((await all(t)).leaveReason)).toEqual(before);
  });

  it('retired entries keep their place in the order', async () => {
    const t = await supervisorCore();
    const before = (await all(t)).leaveReason;
    const middle = before[2];
    if (!middle) throw new Error('no leave reason');
    okValue(await t.call('admin', 'reference:setRetired', { id: middle.id, retired: true }));
    const wanted = [...ids(before)].reverse();
    okValue(await reorder(t, 'leaveReason', wanted));
    expect(ids((await all(t)).leaveReason)).toEqual(wanted);
  });
});

describe('retiring', () => {
  it('retire keeps the entry (marked retired) and restore brings it back; it is never deleted', async () => {
    const t = await supervisorCore();
    const district = (await all(t)).district[5];
    if (!district) throw new Error('no district');
    const count = t.rowCounts().ref_items;

    const retired = okValue(await t.call('admin', 'reference:setRetired', { id: district.id, retired: true }));
    expect(retired).toMatchObject({ id: district.id, retired: true, nameZh: district.nameZh });
    const afterRetire = (await all(t)).district;
    expect(afterRetire).toHaveLength(39);
    expect(afterRetire.find((d) => d.id === district.id)?.retired).toBe(true);
    expect(t.rowCounts().ref_items).toBe(count);

    const me = okValue(await t.call('admin', 'auth:status', {})).account;
    expect(t.core.db.prepare('SELECT retired_by, updated_by FROM ref_items WHERE id = ?').get(district.id)).toEqual({ retired_by: me?.id, updated_by: me?.id });

    const restored = okValue(await t.call('admin', 'reference:setRetired', { id: district.id, retired: false }));
    expect(restored.retired).toBe(false);
    expect((await all(t)).district.find((d) => d.id === district.id)?.retired).toBe(false);
    const actions = t.core.db.prepare("SELECT action FROM audit_log WHERE entity = 'ref_item' AND entity_id = ? ORDER BY id").all(String(district.id));
    expect(actions).toEqual([{ action: 'retire' }, { action: 'restore' }]);
  });

  it('retiring an entry that does not exist is notFound', async () => {
    const t = await supervisorCore();
    expect(errorOf(await t.call('admin', 'reference:setRetired', { id: 123_456, retired: true })).code).toBe('notFound');
  });
});

describe('who may do what', () => {
  it('operators can read reference data but not change it', async () => {
    const t = await supervisorCore();
    await t.signInAs('op', ['operator']);
    const data = await all(t, 'op');
    expect(data.district).toHaveLength(39);
    const before = t.rowCounts();
    const item = data.serviceItem[0];
    if (!item) throw new Error('no service item');
    expect(errorOf(await t.call('op', 'reference:create', { kind: 'serviceItem', nameZh: '新', nameEn: 'New', extra: {} }))).toMatchObject({
      code: 'forbidden',
    });
    expect(errorOf(await t.call('op', 'reference:update', { id: item.id, nameZh: '新', nameEn: 'New', extra: {} })).code).toBe('forbidden');
    expect(errorOf(await t.call('op', 'reference:setRetired', { id: item.id, retired: true })).code).toBe('forbidden');
    expect(errorOf(await t.call('op', 'reference:reorder', { kind: 'serviceItem', orderedIds: ids(data.serviceItem) })).code).toBe('forbidden');
    expect(t.rowCounts()).toEqual(before);
  });
});
