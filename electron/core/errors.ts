import type { ApiError, ErrorCode } from '../../shared/api/result';

/**
 * Inside the core, a refusal is thrown as an AppError so a transaction rolls back; the
 * dispatch table turns it into a typed `{ ok: false, error }` value at the edge.
 */
export class AppError extends Error {
  constructor(readonly error: ApiError) {
    super(error.messageKey);
    this.name = 'AppError';
  }
}

export function appError(code: ErrorCode, messageKey: string, extra: Omit<ApiError, 'code' | 'messageKey'> = {}): AppError {
  return new AppError({ code, messageKey, ...extra });
}

export const notFound = (field?: string) => appError('notFound', 'errors.notFound', field ? { field } : {});
export const fieldError = (field: string, messageKey: string, code: ErrorCode = 'validation') =>
  appError(code, messageKey, { field, fields: [{ field, messageKey }] });
