import { z } from 'zod';
import { ROLES, type Role } from '../../domain/roles';
import { channel } from '../define';
import { emptyInput, requiredText } from '../common';

export interface SessionAccount {
  id: number;
  loginName: string;
  displayName: string;
  roles: Role[];
  mustChangePassword: boolean;
}

export interface AuthStatus {
  needsSetup: boolean;
  account: SessionAccount | null;
  lastLoginName: string;
}

export const PASSWORD_MIN = 8;

const loginName = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, 'validation.required')
  .max(32, 'validation.tooLong')
  .regex(/^[A-Za-z0-9._-]+$/, 'validation.loginName');

const newPassword = z
  .string({ error: 'validation.required' })
  .min(PASSWORD_MIN, 'validation.passwordTooShort')
  .max(128, 'validation.tooLong');

/** `password` and `passwordConfirm` must match; the error sits on the confirmation field. */
function withConfirmation<T extends z.ZodRawShape>(shape: T) {
  return z
    .object({ ...shape, password: newPassword, passwordConfirm: z.string({ error: 'validation.required' }) })
    .strict()
    .refine((v) => (v as { password: string }).password === (v as { passwordConfirm: string }).passwordConfirm, {
      message: 'validation.passwordMismatch',
      path: ['passwordConfirm'],
    });
}

export const rolesSchema = z
  .array(z.enum(ROLES, { error: 'validation.invalidChoice' }))
  .min(1, 'validation.rolesRequired')
  .max(ROLES.length)
  .refine((r) => new Set(r).size === r.length, 'validation.duplicate');

export const authChannels = {
  'auth:status': channel<AuthStatus>()(emptyInput, 'public'),
  'auth:setupSupervisor': channel<SessionAccount>()(
    withConfirmation({ displayName: requiredText(50), loginName }),
    'public',
  ),
  'auth:signIn': channel<SessionAccount>()(
    z.object({ loginName, password: z.string({ error: 'validation.required' }).min(1, 'validation.required').max(128) }).strict(),
    'public',
  ),
  'auth:signOut': channel<null>()(emptyInput, 'signedIn'),
  'auth:changePassword': channel<SessionAccount>()(
    withConfirmation({ currentPassword: z.string({ error: 'validation.required' }).min(1, 'validation.required').max(128) }),
    'signedIn',
  ),
} as const;

export interface AccountSummary {
  id: number;
  loginName: string;
  displayName: string;
  roles: Role[];
  status: 'active' | 'locked' | 'disabled';
  mustChangePassword: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

const accountId = z.number({ error: 'validation.invalidType' }).int().positive('validation.invalidId');

export const accountChannels = {
  'accounts:list': channel<AccountSummary[]>()(emptyInput, ['supervisor']),
  'accounts:create': channel<AccountSummary>()(
    withConfirmation({ displayName: requiredText(50), loginName, roles: rolesSchema }),
    ['supervisor'],
  ),
  'accounts:update': channel<AccountSummary>()(
    z.object({ id: accountId, displayName: requiredText(50), roles: rolesSchema }).strict(),
    ['supervisor'],
  ),
  'accounts:setDisabled': channel<AccountSummary>()(
    z.object({ id: accountId, disabled: z.boolean({ error: 'validation.invalidType' }) }).strict(),
    ['supervisor'],
  ),
  'accounts:resetPassword': channel<AccountSummary>()(withConfirmation({ id: accountId }), ['supervisor']),
} as const;
