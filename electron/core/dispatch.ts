import type { z } from 'zod';
import { contract, type ChannelName } from '../../shared/api/contract';
import type { Access } from '../../shared/api/define';
import type { ApiError, FieldError, Result } from '../../shared/api/result';
import type { Role } from '../../shared/domain/roles';
import type { Actor, CoreDeps, HandlerContext, SessionSlot } from './context';
import { AppError } from './errors';
import { storageError } from './db/storageErrors';
import { findAccountById } from './accounts/repository';
import { handlers } from './handlerTable';
import { haltedAnswer, sessionRefusal } from './safety/gate';
import { badTextField } from './safety/inputGuard';

export interface Dispatcher {
  /** `sender` identifies one window (one signed-in session). */
  dispatch(sender: string, channel: string, payload: unknown): Promise<Result<unknown>>;
  endSession(sender: string): void;
}

/** The core's own dispatcher also answers to the main process. */
export interface CoreDispatcher extends Dispatcher {
  /** locks every signed-in window (the operating system locked the screen or went to sleep) */
  lockAll(): void;
}

/** Channels a person whose password was reset may still use before choosing a new one. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set<string>(['auth:status', 'auth:signOut', 'auth:changePassword', 'prefs:get', 'prefs:setLanguage']);

const err = (code: ApiError['code'], messageKey: string, extra: Partial<ApiError> = {}): Result<never> => ({
  ok: false,
  error: { code, messageKey, ...extra },
});

export function issueToField(issue: z.core.$ZodIssue): FieldError {
  const field = issue.path.map(String).join('.');
  const params: Record<string, string | number> = {};
  if ('maximum' in issue && issue.maximum !== undefined) params.max = Number(issue.maximum);
  if ('minimum' in issue && issue.minimum !== undefined) params.min = Number(issue.minimum);
  let messageKey = issue.message;
  // Our keys are validation.* (common.json) or a namespaced domain key like hotline:errors.*;
  // anything else is zod's own English text.
  if (!messageKey.startsWith('validation.') && !/^[a-z][A-Za-z]*:[A-Za-z0-9_.]+$/.test(messageKey)) {
    // Zod's own English texts never reach a person: map them to our keys.
    messageKey =
      issue.code === 'invalid_type' ? (issue.input === undefined ? 'validation.required' : 'validation.invalidType')
      : issue.code === 'too_big' ? (issue.origin === 'string' ? 'validation.tooLong' : 'validation.tooBig')
      : issue.code === 'too_small' ? (issue.origin === 'string' ? 'validation.required' : 'validation.tooSmall')
      : issue.code === 'invalid_value' ? 'validation.invalidChoice'
      : issue.code === 'unrecognized_keys' ? 'validation.unknownField'
      : 'validation.invalid';
  }
  return Object.keys(params).length ? { field, messageKey, params } : { field, messageKey };
}

function allowed(access: Access, actor: Actor | null): 'ok' | 'unauthenticated' | 'forbidden' {
  if (access === 'public') return 'ok';
  if (!actor) return 'unauthenticated';
  if (access === 'signedIn') return 'ok';
  return access.some((r: Role) => actor.roles.includes(r)) ? 'ok' : 'forbidden';
}

/**
 * The one dispatch table: Electron's ipcMain and the end-to-end harness both call it, so
 * every caller gets the same sender session, role check and schema validation before SQL.
 */
export function createDispatcher(deps: CoreDeps, log: (e: unknown) => void = console.error): CoreDispatcher {
  const sessions = new Map<string, SessionSlot>();

  function actorOf(slot: SessionSlot): { actor: Actor | null; mustChange: boolean } {
    if (slot.accountId === null) return { actor: null, mustChange: false };
    const account = findAccountById(deps.db, slot.accountId);
    // Locked or deleted while signed in: the session ends at its next call.
    if (!account || account.disabled || account.roles.length === 0) {
      slot.accountId = null;
      return { actor: null, mustChange: false };
    }
    const { id, loginName, displayName, roles } = account;
    return { actor: { id, loginName, displayName, roles }, mustChange: account.mustChangePassword };
  }

  async function dispatch(sender: string, channel: string, payload: unknown): Promise<Result<unknown>> {
    if (!Object.hasOwn(contract, channel)) return err('notFound', 'errors.unknownChannel');
    const name = channel as ChannelName;
    const def = contract[name];
    const halted = haltedAnswer(deps, name);
    if (halted) return halted;
    let slot = sessions.get(sender);
    if (!slot) sessions.set(sender, (slot = { accountId: null }));

    try {
      const { actor, mustChange } = actorOf(slot);
      const access = allowed(def.access, actor);
      if (access === 'unauthenticated') return err('unauthenticated', 'auth.signedOut');
      if (access === 'forbidden') return err('forbidden', 'errors.forbidden');
      if (mustChange && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(name)) return err('forbidden', 'auth.mustChangePassword');
      const refusal = sessionRefusal(deps, slot, name, actor);
      if (refusal) return { ok: false, error: refusal };

      const badText = badTextField(payload);
      if (badText) return err('validation', badText.messageKey, { field: badText.field || undefined, fields: [badText] });
      // reportInput: issueToField tells a missing field (required) from a wrong type by the input.
      const parsed = (def.input as z.ZodType).safeParse(payload, { reportInput: true });
      if (!parsed.success) {
        const fields = parsed.error.issues.map(issueToField);
        const first = fields[0];
        return err('validation', first?.messageKey ?? 'validation.invalid', { field: first?.field || undefined, params: first?.params, fields });
      }
      const ctx: HandlerContext = { ...deps, actor, session: slot, now: () => deps.clock().toISOString() };
      const handler = handlers[name] as (c: HandlerContext, i: unknown) => unknown;
      return { ok: true, value: await handler(ctx, parsed.data) };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.error };
      log(e);
      return { ok: false, error: storageError(e) ?? { code: 'internal', messageKey: 'errors.internal' } };
    }
  }

  return {
    dispatch,
    endSession: (sender) => void sessions.delete(sender),
    lockAll: () => {
      for (const slot of sessions.values()) if (slot.accountId !== null) slot.locked = true;
    },
  };
}
