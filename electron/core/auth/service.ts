import type { AuthStatus, SessionAccount } from '../../../shared/api/channels/auth';
import type { HandlerContext } from '../context';
import { appError, fieldError } from '../errors';
import { appendAudit } from '../audit/repository';
import {
  countAccounts,
  findAccountById,
  findAccountByLogin,
  insertAccount,
  updateAccountFields,
  type Account,
} from '../accounts/repository';
import { hashPassword, verifyPassword } from './password';

/** After this many wrong passwords in a row the account locks for LOCK_MINUTES. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;
/** From the third wrong password on, each answer waits longer (1 s, 2 s, 4 s …). */
export const SLOWDOWN_AFTER = 2;
const MAX_DELAY_MS = 8000;

export function toSessionAccount(a: Account): SessionAccount {
  return { id: a.id, loginName: a.loginName, displayName: a.displayName, roles: a.roles, mustChangePassword: a.mustChangePassword };
}

export function status(ctx: HandlerContext): AuthStatus {
  const account = ctx.actor ? findAccountById(ctx.db, ctx.actor.id) : null;
  return {
    needsSetup: countAccounts(ctx.db) === 0,
    account: account ? toSessionAccount(account) : null,
    lastLoginName: ctx.prefs.get().lastLoginName,
  };
}

/** First run: the only way to create an account without one. Refused once any account exists. */
export async function setupSupervisor(
  ctx: HandlerContext,
  input: { displayName: string; loginName: string; password: string },
): Promise<SessionAccount> {
  if (countAccounts(ctx.db) > 0) throw appError('conflict', 'auth.alreadySetUp');
  const hash = await hashPassword(input.password, ctx.scryptCost);
  const at = ctx.now();
  const id = ctx.db.transaction(() => {
    // Checked again inside the transaction: two windows racing through setup get one supervisor.
    if (countAccounts(ctx.db) > 0) throw appError('conflict', 'auth.alreadySetUp');
    const newId = insertAccount(
      ctx.db,
      { loginName: input.loginName, displayName: input.displayName, passwordHash: hash, roles: ['supervisor'], mustChangePassword: false },
      at,
      null,
    );
    appendAudit(ctx.db, { at, accountId: newId, action: 'create', entity: 'account', entityId: newId, details: { setup: true } });
    return newId;
  }).immediate();
  return signedIn(ctx, id, input.loginName);
}

function signedIn(ctx: HandlerContext, id: number, loginName: string): SessionAccount {
  const at = ctx.now();
  ctx.db
    .prepare('UPDATE accounts SET failed_attempts = 0, last_failed_at = NULL, locked_until = NULL, last_sign_in_at = ? WHERE id = ?')
    .run(at, id);
  appendAudit(ctx.db, { at, accountId: id, action: 'signIn', entity: 'account', entityId: id });
  ctx.session.accountId = id;
  ctx.prefs.set({ lastLoginName: loginName });
  const account = findAccountById(ctx.db, id);
  if (!account) throw appError('notFound', 'errors.notFound');
  return toSessionAccount(account);
}

// A hash of a random password, so an unknown login name costs the same time as a wrong password.
let dummyHash: Promise<string> | null = null;

export async function signIn(ctx: HandlerContext, input: { loginName: string; password: string }): Promise<SessionAccount> {
  const account = findAccountByLogin(ctx.db, input.loginName);
  if (!account) {
    dummyHash ??= hashPassword(String(Math.random()), ctx.scryptCost);
    await verifyPassword(input.password, await dummyHash);
    throw fieldError('password', 'auth.invalidCredentials', 'unauthenticated');
  }
  if (account.disabled) throw appError('forbidden', 'auth.disabled');
  const now = ctx.now();
  if (account.lockedUntil && account.lockedUntil > now) throw lockedError(account.lockedUntil, now);

  const right = await verifyPassword(input.password, account.passwordHash);
  // Re-read after the (asynchronous) hash: attempts run concurrently, and a guess that
  // finished meanwhile may have locked the account. Reading and writing the counter in
  // one synchronous step keeps parallel guesses from all seeing the same old count.
  const outcome = ctx.db.transaction(() => {
    const fresh = findAccountById(ctx.db, account.id);
    if (!fresh) return { kind: 'gone' as const };
    if (fresh.disabled) return { kind: 'disabled' as const };
    if (fresh.lockedUntil && fresh.lockedUntil > now) return { kind: 'locked' as const, lockedUntil: fresh.lockedUntil };
    if (right) return { kind: 'ok' as const };
    const failed = fresh.failedAttempts + 1;
    const lockedUntil = failed >= MAX_FAILED_ATTEMPTS ? new Date(Date.parse(now) + LOCK_MINUTES * 60_000).toISOString() : null;
    ctx.db
      .prepare('UPDATE accounts SET failed_attempts = ?, last_failed_at = ?, locked_until = ? WHERE id = ?')
      .run(lockedUntil ? 0 : failed, now, lockedUntil, account.id);
    appendAudit(ctx.db, { at: now, accountId: null, action: 'signInFailed', entity: 'account', entityId: account.id, details: { failed } });
    if (lockedUntil) appendAudit(ctx.db, { at: now, accountId: null, action: 'lockout', entity: 'account', entityId: account.id });
    return lockedUntil ? { kind: 'locked' as const, lockedUntil, failed } : { kind: 'failed' as const, failed };
  }).immediate();

  if (outcome.kind === 'ok') return signedIn(ctx, account.id, account.loginName);
  if (outcome.kind === 'disabled') throw appError('forbidden', 'auth.disabled');
  if (outcome.kind === 'locked') throw lockedError(outcome.lockedUntil, now);
  if (outcome.kind === 'gone') throw fieldError('password', 'auth.invalidCredentials', 'unauthenticated');
  const failed = outcome.failed;
  if (failed > SLOWDOWN_AFTER) await ctx.sleep(Math.min(1000 * 2 ** (failed - SLOWDOWN_AFTER - 1), MAX_DELAY_MS));
  throw fieldError('password', 'auth.invalidCredentials', 'unauthenticated');
}

function lockedError(until: string, now: string) {
  const minutes = Math.max(1, Math.ceil((Date.parse(until) - Date.parse(now)) / 60_000));
  return appError('locked', 'auth.locked', { params: { minutes } });
}

export function signOut(ctx: HandlerContext): null {
  if (ctx.actor) appendAudit(ctx.db, { at: ctx.now(), accountId: ctx.actor.id, action: 'signOut', entity: 'account', entityId: ctx.actor.id });
  ctx.session.accountId = null;
  return null;
}

export async function changePassword(
  ctx: HandlerContext,
  input: { currentPassword: string; password: string },
): Promise<SessionAccount> {
  const actor = ctx.actor;
  const account = actor ? findAccountById(ctx.db, actor.id) : null;
  if (!account) throw appError('unauthenticated', 'auth.signedOut');
  if (!(await verifyPassword(input.currentPassword, account.passwordHash))) {
    throw fieldError('currentPassword', 'auth.wrongCurrentPassword');
  }
  if (input.currentPassword === input.password) throw fieldError('password', 'validation.passwordUnchanged');
  const hash = await hashPassword(input.password, ctx.scryptCost);
  const at = ctx.now();
  ctx.db.transaction(() => {
    updateAccountFields(ctx.db, account.id, { password_hash: hash, must_change_password: 0 }, at, account.id);
    appendAudit(ctx.db, { at, accountId: account.id, action: 'changePassword', entity: 'account', entityId: account.id });
  })();
  const updated = findAccountById(ctx.db, account.id);
  if (!updated) throw appError('notFound', 'errors.notFound');
  return toSessionAccount(updated);
}
