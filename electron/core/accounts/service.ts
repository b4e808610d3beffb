import type { AccountSummary } from '../../../shared/api/channels/auth';
import type { Role } from '../../../shared/domain/roles';
import type { HandlerContext } from '../context';
import { requireActor } from '../context';
import { appError, fieldError, notFound } from '../errors';
import { appendAudit } from '../audit/repository';
import { hashPassword } from '../auth/password';
import {
  countActiveSupervisors,
  findAccountById,
  findAccountByLogin,
  insertAccount,
  listAccounts,
  setRoles,
  toSummary,
  updateAccountFields,
} from './repository';

export function list(ctx: HandlerContext): AccountSummary[] {
  const now = ctx.now();
  return listAccounts(ctx.db).map((a) => toSummary(a, now));
}

function summaryOf(ctx: HandlerContext, id: number): AccountSummary {
  const a = findAccountById(ctx.db, id);
  if (!a) throw notFound();
  return toSummary(a, ctx.now());
}

export async function create(
  ctx: HandlerContext,
  input: { displayName: string; loginName: string; roles: Role[]; password: string },
): Promise<AccountSummary> {
  const actor = requireActor(ctx);
  if (findAccountByLogin(ctx.db, input.loginName)) throw fieldError('loginName', 'accounts.loginTaken', 'conflict');
  const hash = await hashPassword(input.password, ctx.scryptCost);
  const at = ctx.now();
  const id = ctx.db.transaction(() => {
    if (findAccountByLogin(ctx.db, input.loginName)) throw fieldError('loginName', 'accounts.loginTaken', 'conflict');
    // A supervisor-chosen password is temporary: the person sets their own at first sign-in.
    const newId = insertAccount(
      ctx.db,
      { loginName: input.loginName, displayName: input.displayName, passwordHash: hash, roles: input.roles, mustChangePassword: true },
      at,
      actor.id,
    );
    appendAudit(ctx.db, { at, accountId: actor.id, action: 'create', entity: 'account', entityId: newId, details: { roles: input.roles } });
    return newId;
  }).immediate();
  return summaryOf(ctx, id);
}

/** The bureau must never be left without an active supervisor who can unlock the others. */
function guardLastSupervisor(ctx: HandlerContext, id: number, field: string): void {
  const target = findAccountById(ctx.db, id);
  if (target && target.roles.includes('supervisor') && !target.disabled && countActiveSupervisors(ctx.db, id) === 0) {
    throw fieldError(field, 'accounts.lastSupervisor', 'conflict');
  }
}

export function update(ctx: HandlerContext, input: { id: number; displayName: string; roles: Role[] }): AccountSummary {
  const actor = requireActor(ctx);
  const before = findAccountById(ctx.db, input.id);
  if (!before) throw notFound();
  ctx.db.transaction(() => {
    if (!input.roles.includes('supervisor')) guardLastSupervisor(ctx, input.id, 'roles');
    const at = ctx.now();
    updateAccountFields(ctx.db, input.id, { display_name: input.displayName }, at, actor.id);
    setRoles(ctx.db, input.id, input.roles);
    appendAudit(ctx.db, {
      at,
      accountId: actor.id,
      action: 'update',
      entity: 'account',
      entityId: input.id,
      details: { from: { displayName: before.displayName, roles: before.roles }, to: { displayName: input.displayName, roles: input.roles } },
    });
  })();
  return summaryOf(ctx, input.id);
}

/** Lock (disable) or unlock an account; unlocking also lifts a lockout after failed sign-ins. */
export function setDisabled(ctx: HandlerContext, input: { id: number; disabled: boolean }): AccountSummary {
  const actor = requireActor(ctx);
  if (!findAccountById(ctx.db, input.id)) throw notFound();
  if (input.disabled && input.id === actor.id) throw appError('conflict', 'accounts.cannotLockSelf');
  ctx.db.transaction(() => {
    if (input.disabled) guardLastSupervisor(ctx, input.id, 'disabled');
    const at = ctx.now();
    updateAccountFields(
      ctx.db,
      input.id,
      input.disabled ? { disabled: 1 } : { disabled: 0, failed_attempts: 0, locked_until: null },
      at,
      actor.id,
    );
    appendAudit(ctx.db, { at, accountId: actor.id, action: input.disabled ? 'lock' : 'unlock', entity: 'account', entityId: input.id });
  })();
  return summaryOf(ctx, input.id);
}

export async function resetPassword(ctx: HandlerContext, input: { id: number; password: string }): Promise<AccountSummary> {
  const actor = requireActor(ctx);
  if (!findAccountById(ctx.db, input.id)) throw notFound();
  const hash = await hashPassword(input.password, ctx.scryptCost);
  ctx.db.transaction(() => {
    const at = ctx.now();
    updateAccountFields(
      ctx.db,
      input.id,
      { password_hash: hash, must_change_password: 1, failed_attempts: 0, locked_until: null },
      at,
      actor.id,
    );
    appendAudit(ctx.db, { at, accountId: actor.id, action: 'resetPassword', entity: 'account', entityId: input.id });
  })();
  return summaryOf(ctx, input.id);
}
