import { useState, type FormEvent, type RefObject } from 'react';
import { Box, Button, MenuItem, Paper, TextField } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useTranslation } from 'react-i18next';
import type { SearchCallsInput } from '../../../../shared/api/channels/hotline';
import { CALL_KINDS, REFERRAL_STATUSES } from '../../../../shared/domain/hotline';
import { refName, type RefKind } from '../../../../shared/domain/reference';
import { parseDateInput } from '../../../../shared/lib/rocDate';
import { useLanguage } from '../../app/language';
import { useStaff } from './queries';
import { useChoices } from './RefFields';

export type CallQuery = Partial<Omit<SearchCallsInput, 'page' | 'pageSize'>>;

interface Form {
  dateFrom: string;
  dateTo: string;
  text: string;
  phone: string;
  shiftId: string;
  operatorId: string;
  callerTypeId: string;
  serviceItemId: string;
  flag: string;
  referralStatus: string;
  kind: string;
}

const EMPTY: Form = { dateFrom: '', dateTo: '', text: '', phone: '', shiftId: '', operatorId: '', callerTypeId: '', serviceItemId: '', flag: '', referralStatus: '', kind: '' };

function RefFilter({ kind, label, value, onChange }: { kind: RefKind; label: string; value: string; onChange(v: string): void }) {
  const { t } = useTranslation('hotline');
  const { lang } = useLanguage();
  const items = useChoices(kind);
  return (
    <TextField select label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <MenuItem value="">{t('calls.any')}</MenuItem>
      {items.map((i) => (
        <MenuItem key={i.id} value={String(i.id)}>
          {refName(i, lang)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Filters of the call list; Enter in any field searches. Dates as staff type them (114/3/5). */
export function CallFilters({ onSearch, textRef, serverErrors }: { onSearch(q: CallQuery): void; textRef: RefObject<HTMLInputElement | null>; serverErrors: Record<string, string> }) {
  const { t } = useTranslation('hotline');
  const staff = useStaff().data ?? [];
  const [form, setForm] = useState<Form>(EMPTY);
  const [dateErrors, setDateErrors] = useState<Record<string, string>>({});
  const num = (v: string) => (v === '' ? undefined : Number(v));

  const run = (f: Form) => {
    const errs: Record<string, string> = {};
    const date = (name: 'dateFrom' | 'dateTo') => {
      if (f[name].trim() === '') return undefined;
      const r = parseDateInput(f[name]);
      if (!r.ok) errs[name] = t('errors.dateFormat');
      return r.ok ? r.date : undefined;
    };
    const q: CallQuery = {
      dateFrom: date('dateFrom'),
      dateTo: date('dateTo'),
      text: f.text.trim() || undefined,
      phone: f.phone.trim() || undefined,
      shiftId: num(f.shiftId),
      operatorId: num(f.operatorId),
      callerTypeId: num(f.callerTypeId),
      serviceItemId: num(f.serviceItemId),
      flagId: f.flag === 'any' ? undefined : num(f.flag),
      flagged: f.flag === 'any' ? true : undefined,
      referralStatus: (f.referralStatus || undefined) as CallQuery['referralStatus'],
      kind: (f.kind || undefined) as CallQuery['kind'],
    };
    setDateErrors(errs);
    if (Object.keys(errs).length === 0) onSearch(q);
  };
  const set = (key: keyof Form, apply = false) => (v: string) => {
    const next = { ...form, [key]: v };
    setForm(next);
    if (apply) run(next);
  };
  const text = (key: 'dateFrom' | 'dateTo' | 'text' | 'phone') => ({
    label: t(`calls.${key}`),
    value: form[key],
    onChange: (e: { target: { value: string } }) => set(key)(e.target.value),
    error: Boolean(dateErrors[key] ?? serverErrors[key]),
    helperText: dateErrors[key] ?? serverErrors[key] ?? ' ',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(form);
  };

  return (
    <Paper variant="outlined" component="form" onSubmit={submit} sx={{ p: 2, mb: 2 }} role="search">
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(6, 1fr)' }, gap: 1 }}>
        <TextField {...text('text')} inputRef={textRef} sx={{ gridColumn: { md: 'span 2' } }} />
        <TextField {...text('dateFrom')} />
        <TextField {...text('dateTo')} />
        <TextField {...text('phone')} />
        <TextField select label={t('fields.kind')} value={form.kind} onChange={(e) => set('kind', true)(e.target.value)}>
          <MenuItem value="">{t('calls.any')}</MenuItem>
          {CALL_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {t(`kind.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <RefFilter kind="shift" label={t('fields.shift')} value={form.shiftId} onChange={set('shiftId', true)} />
        <TextField select label={t('fields.operator')} value={form.operatorId} onChange={(e) => set('operatorId', true)(e.target.value)}>
          <MenuItem value="">{t('calls.any')}</MenuItem>
          {staff.map((s) => (
            <MenuItem key={s.id} value={String(s.id)}>
              {s.displayName}
            </MenuItem>
          ))}
        </TextField>
        <RefFilter kind="callerType" label={t('fields.callerType')} value={form.callerTypeId} onChange={set('callerTypeId', true)} />
        <RefFilter kind="serviceItem" label={t('fields.serviceItems')} value={form.serviceItemId} onChange={set('serviceItemId', true)} />
        <FlagFilter value={form.flag} onChange={set('flag', true)} />
        <TextField select label={t('calls.referralStatus')} value={form.referralStatus} onChange={(e) => set('referralStatus', true)(e.target.value)}>
          <MenuItem value="">{t('calls.any')}</MenuItem>
          {REFERRAL_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`referrals.status.${s}`)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
        <Button
          onClick={() => {
            setForm(EMPTY);
            run(EMPTY);
          }}
        >
          {t('calls.clear')}
        </Button>
        <Button type="submit" variant="contained" startIcon={<SearchIcon />} data-testid="search-calls">
          {t('calls.searchButton')}
        </Button>
      </Box>
    </Paper>
  );
}

function FlagFilter({ value, onChange }: { value: string; onChange(v: string): void }) {
  const { t } = useTranslation('hotline');
  const { lang } = useLanguage();
  const flags = useChoices('riskFlag');
  return (
    <TextField select label={t('fields.flags')} value={value} onChange={(e) => onChange(e.target.value)}>
      <MenuItem value="">{t('calls.any')}</MenuItem>
      <MenuItem value="any">{t('calls.anyFlag')}</MenuItem>
      {flags.map((f) => (
        <MenuItem key={f.id} value={String(f.id)}>
          {refName(f, lang)}
        </MenuItem>
      ))}
    </TextField>
  );
}
