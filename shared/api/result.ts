// Errors cross the IPC edge as values, never as thrown strings: the renderer shows
// `messageKey` (an i18n key) next to `field` when one is named.
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'locked'
  | 'rateLimited'
  | 'internal';

export interface FieldError {
  field: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export interface ApiError {
  code: ErrorCode;
  messageKey: string;
  field?: string;
  params?: Record<string, string | number>;
  /** every field problem found, for forms that show them all at once */
  fields?: FieldError[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: ApiError): Result<T> => ({ ok: false, error });
