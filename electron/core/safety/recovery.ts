/**
 * Recovery mode: the database exists but its key could not be unwrapped (the Windows profile
 * was rebuilt, the keyring was reset, the key file was lost). The core cannot start, so main
 * registers this small dispatcher instead. It answers what the renderer needs to show the
 * recovery screen, and checks a typed recovery key by opening the file with it, read-only.
 * On success main stores the key again under the keyring and relaunches (electron/main/safetyGlue.ts).
 */
import type { z } from 'zod';
import { contract } from '../../../shared/api/contract';
import type { StartupState } from '../../../shared/api/channels/safety';
import type { ApiError, Result } from '../../../shared/api/result';
import type { PreferencesStore } from '../context';
import { DatabaseKeyError, openKeyed } from '../db/open';
import type { Dispatcher } from '../dispatch';
import { issueToField } from '../dispatch';
import { parseRecoveryKey } from './recoveryKey';

export interface RecoveryOptions {
  dbFile: string;
  reason: Extract<StartupState, { mode: 'recovery' }>['reason'];
  prefs: PreferencesStore;
  /** stores the key again (wrapped by the keyring) and relaunches the app */
  onRecovered(key: Buffer): Promise<void>;
  log?: (e: unknown) => void;
}

const fail = (error: ApiError): Result<never> => ({ ok: false, error });
const fieldFail = (field: string, messageKey: string): Result<never> => fail({ code: 'validation', messageKey, field, fields: [{ field, messageKey }] });

export function createRecoveryDispatcher(options: RecoveryOptions): Dispatcher {
  let recovered = false;

  async function recover(typed: string): Promise<Result<unknown>> {
    const parsed = parseRecoveryKey(typed);
    if (!parsed.ok) return fieldFail('recoveryKey', parsed.reason === 'typo' ? 'safety:recovery.typo' : 'safety:recovery.format');
    try {
      openKeyed(options.dbFile, { key: parsed.key, readonly: true, fileMustExist: true }).close();
    } catch (e) {
      if (e instanceof DatabaseKeyError) return fieldFail('recoveryKey', 'safety:recovery.wrongKey');
      throw e;
    }
    await options.onRecovered(parsed.key);
    recovered = true;
    return { ok: true, value: { restarting: true } };
  }

  async function dispatch(_sender: string, channel: string, payload: unknown): Promise<Result<unknown>> {
    if (!Object.hasOwn(contract, channel)) return fail({ code: 'notFound', messageKey: 'errors.unknownChannel' });
    const handled = ['safety:startup', 'safety:recover', 'prefs:get', 'prefs:setLanguage', 'auth:status'];
    if (!handled.includes(channel)) return fail({ code: 'locked', messageKey: 'safety:recovery.required' });
    const def = contract[channel as keyof typeof contract];
    const parsed = (def.input as z.ZodType).safeParse(payload, { reportInput: true });
    if (!parsed.success) {
      const fields = parsed.error.issues.map(issueToField);
      return fail({ code: 'validation', messageKey: fields[0]?.messageKey ?? 'validation.invalid', field: fields[0]?.field || undefined, fields });
    }
    const input = parsed.data as Record<string, unknown>;
    try {
      switch (channel) {
        case 'safety:startup':
          return { ok: true, value: recovered ? { mode: 'restarting' } : { mode: 'recovery', reason: options.reason, dbFile: options.dbFile } };
        case 'safety:recover':
          return await recover(String(input.recoveryKey));
        case 'prefs:get':
          return { ok: true, value: options.prefs.get() };
        case 'prefs:setLanguage':
          return { ok: true, value: options.prefs.set({ language: input.language as 'zh-TW' | 'en' }) };
        default:
          return { ok: true, value: { needsSetup: false, account: null, lastLoginName: options.prefs.get().lastLoginName } };
      }
    } catch (e) {
      (options.log ?? console.error)(e);
      return fail({ code: 'internal', messageKey: 'errors.internal' });
    }
  }

  return { dispatch, endSession: () => undefined };
}
