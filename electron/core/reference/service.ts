import { randomUUID } from 'node:crypto';
import { REF_KINDS, extraSchema, type RefExtra, type RefItem, type RefKind } from '../../../shared/domain/reference';
import type { HandlerContext } from '../context';
import { requireActor } from '../context';
import { AppError, appError, notFound } from '../errors';
import { appendAudit } from '../audit/repository';
import {
  findRefItem,
  insertRefItem,
  listAllRefItems,
  listRefItems,
  nextSortOrder,
  setRetired,
  setSortOrder,
  updateRefItem,
} from './repository';

export function all(ctx: HandlerContext): Record<RefKind, RefItem[]> {
  const out = Object.fromEntries(REF_KINDS.map((k) => [k, [] as RefItem[]])) as Record<RefKind, RefItem[]>;
  for (const item of listAllRefItems(ctx.db)) out[item.kind]?.push(item);
  return out;
}

/** Validates `extra` against the kind's fields; problems come back at `extra.<key>`. */
export function parseExtra(kind: RefKind, extra: unknown): RefExtra {
  const parsed = extraSchema(kind).safeParse(extra ?? {});
  if (parsed.success) return parsed.data as RefExtra;
  const fields = parsed.error.issues.map((i) => ({
    field: ['extra', ...i.path.map(String)].join('.'),
    messageKey: i.message.startsWith('validation.') ? i.message : 'validation.invalid',
  }));
  throw new AppError({ code: 'validation', messageKey: fields[0]?.messageKey ?? 'validation.invalid', field: fields[0]?.field, fields });
}

function get(ctx: HandlerContext, id: number): RefItem {
  const item = findRefItem(ctx.db, id);
  if (!item) throw notFound('id');
  return item;
}

export function create(ctx: HandlerContext, input: { kind: RefKind; nameZh: string; nameEn: string; extra: unknown }): RefItem {
  const actor = requireActor(ctx);
  const extra = parseExtra(input.kind, input.extra);
  const at = ctx.now();
  const id = ctx.db.transaction(() => {
    // Codes are stable internal ids; user-made entries get an opaque one (names may change).
    const code = `u-${randomUUID().slice(0, 8)}`;
    const newId = insertRefItem(
      ctx.db,
      { kind: input.kind, code, nameZh: input.nameZh, nameEn: input.nameEn, sortOrder: nextSortOrder(ctx.db, input.kind), extra },
      at,
      actor.id,
    );
    appendAudit(ctx.db, { at, accountId: actor.id, action: 'create', entity: 'ref_item', entityId: newId, details: { kind: input.kind } });
    return newId;
  }).immediate();
  return get(ctx, id);
}

export function update(ctx: HandlerContext, input: { id: number; nameZh: string; nameEn: string; extra: unknown }): RefItem {
  const actor = requireActor(ctx);
  const before = get(ctx, input.id);
  const extra = parseExtra(before.kind, input.extra);
  ctx.db.transaction(() => {
    const at = ctx.now();
    updateRefItem(ctx.db, input.id, { nameZh: input.nameZh, nameEn: input.nameEn, extra }, at, actor.id);
    appendAudit(ctx.db, {
      at,
      accountId: actor.id,
      action: 'update',
      entity: 'ref_item',
      entityId: input.id,
      details: { from: { nameZh: before.nameZh, nameEn: before.nameEn, extra: before.extra }, to: { nameZh: input.nameZh, nameEn: input.nameEn, extra } },
    });
  })();
  return get(ctx, input.id);
}

/** The full new order of one kind (what a drag or a move-up produces). Every id must belong to the kind. */
export function reorder(ctx: HandlerContext, input: { kind: RefKind; orderedIds: number[] }): RefItem[] {
  const actor = requireActor(ctx);
  const current = listRefItems(ctx.db, input.kind);
  const known = new Set(current.map((i) => i.id));
  if (input.orderedIds.length !== current.length || !input.orderedIds.every((id) => known.has(id))) {
    throw appError('validation', 'reference.reorderMismatch', { field: 'orderedIds' });
  }
  ctx.db.transaction(() => {
    const at = ctx.now();
    input.orderedIds.forEach((id, i) => setSortOrder(ctx.db, id, (i + 1) * 10, at, actor.id));
    appendAudit(ctx.db, { at, accountId: actor.id, action: 'reorder', entity: 'ref_item', details: { kind: input.kind, orderedIds: input.orderedIds } });
  })();
  return listRefItems(ctx.db, input.kind);
}

/** Entries are retired, never deleted: old records keep pointing at them (issue #2 §4). */
export function setRetiredState(ctx: HandlerContext, input: { id: number; retired: boolean }): RefItem {
  const actor = requireActor(ctx);
  get(ctx, input.id);
  ctx.db.transaction(() => {
    const at = ctx.now();
    setRetired(ctx.db, input.id, input.retired, at, actor.id);
    appendAudit(ctx.db, { at, accountId: actor.id, action: input.retired ? 'retire' : 'restore', entity: 'ref_item', entityId: input.id });
  })();
  return get(ctx, input.id);
}
