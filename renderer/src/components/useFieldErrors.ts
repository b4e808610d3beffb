import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/result';

/**
 * Turns a refused call into translated messages per field, plus one for the form when the
 * problem belongs to no field the form shows.
 */
export function useFieldErrors(error: ApiError | null, fields: readonly string[]) {
  const { t } = useTranslation();
  const byField: Record<string, string> = {};
  let general: string | null = null;
  if (error) {
    const list = error.fields?.length ? error.fields : [{ field: error.field ?? '', messageKey: error.messageKey, params: error.params }];
    for (const f of list) {
      const text = t(f.messageKey, f.params ?? error.params ?? {});
      if (fields.includes(f.field)) byField[f.field] ??= text;
      else general ??= text;
    }
  }
  return {
    general,
    /** props for a MUI TextField */
    field: (name: string) => ({ error: Boolean(byField[name]), helperText: byField[name] ?? ' ' }),
    message: (name: string) => byField[name] ?? null,
  };
}
