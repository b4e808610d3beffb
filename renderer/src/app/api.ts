import type { Api } from '../../../shared/api/contract';
import type { ApiError, Result } from '../../../shared/api/result';

declare global {
  interface Window {
    /** The only door to the main process: exposed by the preload (or the test harness). */
    api: Api;
  }
}

export const api = (): Api => window.api;

/** A refused call, carried through react-query so forms can show the message at the field. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.messageKey);
    this.name = 'ApiCallError';
  }
}

/** Unwraps a Result: the value, or an ApiCallError to throw into react-query. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const r = await call;
  if (!r.ok) throw new ApiCallError(r.error);
  return r.value;
}

export function apiErrorOf(e: unknown): ApiError | null {
  if (e instanceof ApiCallError) return e.error;
  if (e) return { code: 'internal', messageKey: 'errors.internal' };
  return null;
}
