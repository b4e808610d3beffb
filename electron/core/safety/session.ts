/**
 * Session hardening (issue 7 §5): the idle lock and the acceptances a supervisor gives once
 * (recovery key stored, weak keyring accepted). The renderer measures idleness and calls
 * 'safety:lock'; main also locks every window when the screen locks (electron/main/safetyGlue.ts).
 * While locked, the dispatch table refuses everything but unlocking (electron/core/safety/gate.ts).
 */
import type { SafetyStatus } from '../../../shared/api/channels/safety';
import { appendAudit } from '../audit/repository';
import { findAccountById } from '../accounts/repository';
import { signIn } from '../auth/service';
import { requireActor, type HandlerContext } from '../context';
import { appError, AppError, fieldError } from '../errors';
import { weakKeyringPending } from './gate';
import { formatRecoveryKey } from './recoveryKey';
import { readSetting, writeSetting } from './settings';

export function safetyStatus(ctx: HandlerContext): SafetyStatus {
  const actor = requireActor(ctx);
  const accepted = readSetting(ctx.db, 'keyring.weakAccepted');
  const acceptedBy = accepted ? findAccountById(ctx.db, accepted.by) : null;
  const isSupervisor = actor.roles.includes('supervisor');
  return {
    encrypted: ctx.safety.dbKey !== null,
    idleMinutes: readSetting(ctx.db, 'session.idleMinutes'),
    recoveryKeyPending: isSupervisor && ctx.safety.dbKey !== null && readSetting(ctx.db, 'recoveryKey.confirmed') === null,
    keyring: {
      backend: ctx.safety.keyStorage.backend,
      weak: ctx.safety.keyStorage.weak,
      acceptance: accepted ? { at: accepted.at, byName: acceptedBy?.displayName ?? '' } : null,
      recoveredAt: ctx.safety.keyStorage.recoveredAt ?? null,
    },
    blocked: weakKeyringPending(ctx),
    locked: Boolean(ctx.session.locked),
  };
}

export function lock(ctx: HandlerContext): null {
  const actor = requireActor(ctx);
  if (!ctx.session.locked) {
    ctx.session.locked = true;
    appendAudit(ctx.db, { at: ctx.now(), accountId: actor.id, action: 'lock', entity: 'session', entityId: actor.id });
  }
  return null;
}

/** The password of the signed-in account, through sign-in itself: the same attempt counter, slowdown and lockout. */
export async function unlock(ctx: HandlerContext, input: { password: string }): Promise<null> {
  const actor = requireActor(ctx);
  try {
    await signIn(ctx, { loginName: actor.loginName, password: input.password });
  } catch (e) {
    if (e instanceof AppError && e.error.messageKey === 'auth.invalidCredentials') throw fieldError('password', 'safety:lock.wrongPassword');
    throw e;
  }
  ctx.session.locked = false;
  appendAudit(ctx.db, { at: ctx.now(), accountId: actor.id, action: 'unlock', entity: 'session', entityId: actor.id });
  return null;
}

function requireKey(ctx: HandlerContext): Buffer {
  if (!ctx.safety.dbKey) throw appError('conflict', 'safety:recoveryKey.notEncrypted');
  return ctx.safety.dbKey;
}

/** Shown until a supervisor confirms having stored it; never again after that. */
export function recoveryKey(ctx: HandlerContext): { recoveryKey: string } {
  const key = requireKey(ctx);
  if (readSetting(ctx.db, 'recoveryKey.confirmed')) throw appError('conflict', 'safety:recoveryKey.alreadyConfirmed');
  const actor = requireActor(ctx);
  appendAudit(ctx.db, { at: ctx.now(), accountId: actor.id, action: 'read', entity: 'recoveryKey' });
  return { recoveryKey: formatRecoveryKey(key) };
}

export function confirmRecoveryKey(ctx: HandlerContext): null {
  requireKey(ctx);
  const actor = requireActor(ctx);
  ctx.db.transaction(() => {
    if (readSetting(ctx.db, 'recoveryKey.confirmed')) throw appError('conflict', 'safety:recoveryKey.alreadyConfirmed');
    const at = ctx.now();
    writeSetting(ctx.db, 'recoveryKey.confirmed', { at, by: actor.id }, at, actor.id);
    appendAudit(ctx.db, { at, accountId: actor.id, action: 'confirm', entity: 'recoveryKey' });
  })();
  return null;
}

export function acceptWeakKeyring(ctx: HandlerContext): SafetyStatus {
  const actor = requireActor(ctx);
  if (!ctx.safety.keyStorage.weak) throw appError('conflict', 'safety:keyring.notWeak');
  ctx.db.transaction(() => {
    if (readSetting(ctx.db, 'keyring.weakAccepted')) return;
    const at = ctx.now();
    const backend = ctx.safety.keyStorage.backend;
    writeSetting(ctx.db, 'keyring.weakAccepted', { at, by: actor.id, backend }, at, actor.id);
    appendAudit(ctx.db, { at, accountId: actor.id, action: 'acceptWeakKeyring', entity: 'keyring', entityId: backend });
  })();
  return safetyStatus(ctx);
}
