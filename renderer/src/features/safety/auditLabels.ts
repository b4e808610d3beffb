import type { TFunction } from 'i18next';

/**
 * The audit trail stores codes ('read', 'hotline_call'); people read labels. Codes a feature
 * adds later without a label show as they are, so no entry is ever hidden or mislabelled.
 */
export function auditLabel(t: TFunction, group: 'actions' | 'entities', code: string): string {
  return t(`safety:audit.${group}.${code}`, { defaultValue: code });
}
