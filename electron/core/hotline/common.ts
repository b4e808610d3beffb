import type { FieldError } from '../../../shared/api/result';
import { DEFAULT_EDIT_WINDOW_HOURS } from '../../../shared/domain/hotline';
import type { RefItem, RefKind } from '../../../shared/domain/reference';
import type { Role } from '../../../shared/domain/roles';
import type { Actor, HandlerContext } from '../context';
import { requireActor } from '../context';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { findAccountById } from '../accounts/repository';
import { findRefItem, listRefItems } from '../reference/repository';
import { appendAudit } from '../audit/repository';

/** Collects every field problem of a form so the operator sees them all at once, then refuses. */
export class Problems {
  readonly list: FieldError[] = [];
  add(field: string, messageKey: string, params?: Record<string, string | number>): void {
    this.list.push(params ? { field, messageKey, params } : { field, messageKey });
  }
  throwIfAny(): void {
    const first = this.list[0];
    if (first) throw new AppError({ code: 'validation', messageKey: first.messageKey, field: first.field, params: first.params, fields: this.list });
  }
}

export const isSupervisor = (actor: Actor) => actor.roles.includes('supervisor');

/**
 * A reference entry of the expected kind. Retired entries are refused for new choices but
 * stay valid on a record that already holds them (reference data is never deleted).
 */
export function refOfKind(db: Db, id: number, kind: RefKind, keep: ReadonlySet<number> = new Set()): RefItem | null {
  const item = findRefItem(db, id);
  if (!item || item.kind !== kind) return null;
  if (item.retired && !keep.has(id)) return null;
  return item;
}

export const activeRefs = (db: Db, kind: RefKind): RefItem[] => listRefItems(db, kind).filter((i) => !i.retired);

/**
 * An active account holding one of the roles (e.g. the operator whose call it was). The actor of
 * the request needs no read: the dispatch table read them, active, for this very request.
 */
export function isActiveStaff(db: Db, accountId: number, roles: readonly Role[], actor?: Actor): boolean {
  if (actor?.id === accountId) return actor.roles.some((r) => roles.includes(r));
  const a = findAccountById(db, accountId);
  return Boolean(a && !a.disabled && a.roles.some((r) => roles.includes(r)));
}

const EDIT_WINDOW_KEY = 'hotline.editWindowHours';

export function editWindowHours(db: Db): number {
  const row = db.prepare('SELECT value FROM app_meta WHERE key = ?').get(EDIT_WINDOW_KEY) as { value: string } | undefined;
  const n = row ? Number(row.value) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_EDIT_WINDOW_HOURS;
}

export function setEditWindowHours(db: Db, hours: number): void {
  db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(EDIT_WINDOW_KEY, String(hours));
}

export function audit(ctx: HandlerContext, action: string, entity: string, entityId: number | null, details: Record<string, unknown> = {}): void {
  appendAudit(ctx.db, { at: ctx.now(), accountId: requireActor(ctx).id, action, entity, entityId, details });
}
