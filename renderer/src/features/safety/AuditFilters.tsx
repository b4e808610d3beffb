import type { FormEvent } from 'react';
import { Box, Button, MenuItem, Paper, TextField } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useTranslation } from 'react-i18next';
import type { AuditFacets, AuditFilter } from '../../../../shared/api/channels/safety';
import { formatDateForLang, parseDateInput } from '../../../../shared/lib/rocDate';
import { currentLang } from '../../app/i18n';
import { auditLabel } from './auditLabels';

export interface FilterForm {
  from: string;
  to: string;
  accountId: string;
  action: string;
  entity: string;
  entityId: string;
  text: string;
}

export const EMPTY_FILTER: FilterForm = { from: '', to: '', accountId: '', action: '', entity: '', entityId: '', text: '' };

/** Typed dates (114/3/5, 2025-03-05 …) become date keys; a date that does not parse stays a field error. */
export function toFilter(form: FilterForm): { filter: AuditFilter; dateErrors: Partial<Record<'from' | 'to', string>> } {
  const filter: AuditFilter = {};
  const dateErrors: Partial<Record<'from' | 'to', string>> = {};
  for (const key of ['from', 'to'] as const) {
    if (form[key].trim() === '') continue;
    const parsed = parseDateInput(form[key]);
    if (parsed.ok) filter[key] = parsed.date;
    else dateErrors[key] = 'safety:errors.date';
  }
  if (form.accountId) filter.accountId = Number(form.accountId);
  for (const key of ['action', 'entity', 'entityId', 'text'] as const) if (form[key].trim()) filter[key] = form[key].trim();
  return { filter, dateErrors };
}

interface Props {
  facets: AuditFacets | undefined;
  form: FilterForm;
  onChange(form: FilterForm): void;
  onSearch(): void;
  fieldProps(name: string): { error: boolean; helperText: string };
}

export function AuditFilters({ facets, form, onChange, onSearch, fieldProps }: Props) {
  const { t } = useTranslation('safety');
  const lang = currentLang();
  // In the lists: the label and the stored code, so a supervisor can match an export line.
  const labelled = (group: 'actions' | 'entities', code: string) => {
    const label = auditLabel(t, group, code);
    return label === code ? code : `${label}（${code}）`;
  };
  const set = (key: keyof FilterForm) => (e: { target: { value: string } }) => onChange({ ...form, [key]: e.target.value });
  // Under a date field: the date as understood, so 3/5 vs 5/3 is never a guess.
  const dateHelp = (key: 'from' | 'to') => {
    const own = fieldProps(key);
    if (own.error || form[key].trim() === '') return own;
    const parsed = parseDateInput(form[key]);
    return parsed.ok ? { error: false, helperText: formatDateForLang(parsed.date, lang, 'long') } : own;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch();
  };
  const select = (key: 'accountId' | 'action' | 'entity', label: string, options: { value: string; label: string }[]) => (
    <TextField
      select
      fullWidth={false}
      label={label}
      value={form[key]}
      onChange={set(key)}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      sx={{ width: 210 }}
      helperText=" "
    >
      <MenuItem value="">{key === 'accountId' ? t('audit.anyone') : t('audit.any')}</MenuItem>
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }} component="form" onSubmit={submit} noValidate>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start' }}>
        <TextField label={t('audit.from')} value={form.from} onChange={set('from')} placeholder="114/3/1" sx={{ width: 170 }} {...dateHelp('from')} />
        <TextField label={t('audit.to')} value={form.to} onChange={set('to')} placeholder="114/3/31" sx={{ width: 170 }} {...dateHelp('to')} />
        {select('accountId', t('audit.person'), (facets?.accounts ?? []).map((a) => ({ value: String(a.id), label: `${a.displayName}（${a.loginName}）` })))}
        {select('action', t('audit.action'), (facets?.actions ?? []).map((a) => ({ value: a, label: labelled('actions', a) })))}
        {select('entity', t('audit.entity'), (facets?.entities ?? []).map((a) => ({ value: a, label: labelled('entities', a) })))}
        <TextField label={t('audit.entityId')} value={form.entityId} onChange={set('entityId')} sx={{ width: 130 }} {...fieldProps('entityId')} />
        <TextField label={t('audit.text')} value={form.text} onChange={set('text')} sx={{ width: 200 }} {...fieldProps('text')} />
        <Button type="submit" variant="contained" startIcon={<SearchIcon />} sx={{ mt: 1 }} data-testid="audit-search">
          {t('audit.search')}
        </Button>
        <Button sx={{ mt: 1 }} onClick={() => onChange(EMPTY_FILTER)}>
          {t('audit.clear')}
        </Button>
      </Box>
    </Paper>
  );
}
