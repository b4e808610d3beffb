import { useTranslation } from 'react-i18next';
import type { FormProblem } from './formConvert';

/** Fields the call form shows; a problem anywhere else is shown above the form. */
const FORM_FIELDS = [
  /^(direction|startDate|startTime|endDate|endTime|operatorId|callerTypeId|gender|ageGroupId|districtId|phone|serviceItemIds|notes)$/,
  /^flags\.\d+\.(actionTaken|flagId)$/,
  /^referrals\.\d+\.(unitId|referredOn|contactPerson|note)$/,
  /^followUps\.\d+\.(dueDate|dueTime|ownerId|note)$/,
];

export const isFormField = (field: string, fields: readonly RegExp[] = FORM_FIELDS): boolean => fields.some((re) => re.test(field));

export interface FormErrors {
  /** props for a MUI TextField */
  field(name: string): { error: boolean; helperText: string };
  message(name: string): string | null;
  /** problems that belong to no field of the form */
  general: string[];
  count: number;
}

export function useFormErrors(problems: readonly FormProblem[], fields: readonly RegExp[] = FORM_FIELDS): FormErrors {
  // Default namespace: keys are 'validation.*' (common) or carry their own 'hotline:' prefix.
  const { t } = useTranslation();
  const byField = new Map<string, string>();
  const general: string[] = [];
  for (const p of problems) {
    const text = t(p.messageKey, p.params ?? {});
    if (isFormField(p.field, fields)) {
      if (!byField.has(p.field)) byField.set(p.field, text);
    } else if (!general.includes(text)) general.push(text);
  }
  return {
    field: (name) => ({ error: byField.has(name), helperText: byField.get(name) ?? ' ' }),
    message: (name) => byField.get(name) ?? null,
    general,
    count: problems.length,
  };
}
