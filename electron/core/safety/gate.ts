/**
 * The hardening rules the dispatch table applies to every call, after roles and before the
 * payload is even parsed (electron/core/dispatch.ts calls these two functions, nothing else).
 */
import type { ChannelName } from '../../../shared/api/contract';
import type { ApiError, Result } from '../../../shared/api/result';
import type { Actor, CoreDeps, SessionSlot } from '../context';
import { readSetting } from './settings';

/** A locked window may still say who is signed in, unlock, sign out and switch language. */
export const ALLOWED_WHILE_LOCKED: ReadonlySet<string> = new Set<ChannelName>([
  'auth:status',
  'auth:unlock',
  'auth:signOut',
  'prefs:get',
  'prefs:setLanguage',
  'safety:startup',
  'safety:status',
]);

/**
 * With a plain-text-equivalent keyring and no supervisor acceptance yet, the app does nothing
 * but first-run setup, sign-in and the acceptance itself (issue 7 §2).
 */
export const ALLOWED_BEFORE_KEYRING_ACCEPTED: ReadonlySet<string> = new Set<ChannelName>([
  'auth:status',
  'auth:signOut',
  'auth:changePassword',
  'auth:unlock',
  'prefs:get',
  'prefs:setLanguage',
  'safety:startup',
  'safety:status',
  'safety:lock',
  'safety:recoveryKey',
  'safety:confirmRecoveryKey',
  'safety:acceptWeakKeyring',
]);

/**
 * After a restore replaced the file (and closed the connection), only the startup question is
 * answered, without touching the database, until the app restarts. A connection closed for
 * quitting answers the same way to a window's last calls, instead of failing inside SQLite.
 */
export function haltedAnswer(deps: CoreDeps, channel: string): Result<unknown> | null {
  if (!deps.safety.halted && deps.db.open) return null;
  if (channel === 'safety:startup') return { ok: true, value: { mode: 'restarting' } };
  return { ok: false, error: { code: 'locked', messageKey: 'safety:restore.restarting' } };
}

export function weakKeyringPending(deps: Pick<CoreDeps, 'db' | 'safety'>): boolean {
  return deps.safety.keyStorage.weak && readSetting(deps.db, 'keyring.weakAccepted') === null;
}

export function sessionRefusal(deps: CoreDeps, slot: SessionSlot, channel: string, actor: Actor | null): ApiError | null {
  if (!actor) {
    // Signed out (or the account was disabled): nothing is left to lock.
    slot.locked = false;
    return null;
  }
  if (slot.locked && !ALLOWED_WHILE_LOCKED.has(channel)) return { code: 'locked', messageKey: 'safety:lock.sessionLocked' };
  if (!ALLOWED_BEFORE_KEYRING_ACCEPTED.has(channel) && weakKeyringPending(deps)) {
    return { code: 'forbidden', messageKey: 'safety:keyring.notAccepted' };
  }
  return null;
}
