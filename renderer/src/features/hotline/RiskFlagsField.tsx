import { Alert, Box, Checkbox, FormControl, FormControlLabel, FormLabel, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CallFlag } from '../../../../shared/domain/hotline';
import { refName } from '../../../../shared/domain/reference';
import { useLanguage } from '../../app/language';
import type { FormErrors } from './formErrors';
import { useChoices } from './RefFields';

interface Props {
  value: readonly CallFlag[];
  onChange(flags: CallFlag[]): void;
  errors: FormErrors;
}

/**
 * A ticked flag shows what must be done next (configured in reference data, e.g. the 113
 * report line) and asks what was done; the call cannot be saved without it.
 */
export function RiskFlagsField({ value, onChange, errors }: Props) {
  const { t } = useTranslation('hotline');
  const { lang } = useLanguage();
  const flags = useChoices('riskFlag', value.map((f) => f.flagId));
  const indexOf = (id: number) => value.findIndex((f) => f.flagId === id);
  const toggle = (id: number) =>
    onChange(indexOf(id) >= 0 ? value.filter((f) => f.flagId !== id) : [...value, { flagId: id, actionTaken: '' }]);
  const setAction = (id: number, actionTaken: string) => onChange(value.map((f) => (f.flagId === id ? { ...f, actionTaken } : f)));

  return (
    <FormControl component="fieldset" sx={{ width: '100%' }}>
      <FormLabel component="legend">{t('fields.flags')}</FormLabel>
      <Box sx={{ display: 'flex', flexWrap: 'wrap' }}>
        {flags.map((f) => (
          <FormControlLabel
            key={f.id}
            control={<Checkbox size="small" color="error" checked={indexOf(f.id) >= 0} onChange={() => toggle(f.id)} />}
            label={refName(f, lang)}
          />
        ))}
      </Box>
      <Stack spacing={1} sx={{ mt: 1 }}>
        {flags
          .filter((f) => indexOf(f.id) >= 0)
          .map((f) => {
            const i = indexOf(f.id);
            const step = String((lang === 'en' ? f.extra.actionEn : f.extra.actionZh) ?? '');
            const phone = f.extra.phone ? String(f.extra.phone) : '';
            return (
              <Alert key={f.id} severity="error" variant="outlined" data-testid={`flag-step-${f.code}`} sx={{ '& .MuiAlert-message': { width: '100%' } }}>
                <strong>
                  {refName(f, lang)} · {t('form.requiredStep')}
                  {phone ? ` ☎ ${phone}` : ''}
                </strong>
                <Box sx={{ mb: 1 }}>{step}</Box>
                <TextField
                  label={t('form.actionTaken', { flag: refName(f, lang) })}
                  multiline
                  minRows={2}
                  value={value[i]?.actionTaken ?? ''}
                  onChange={(e) => setAction(f.id, e.target.value)}
                  {...errors.field(`flags.${i}.actionTaken`)}
                />
              </Alert>
            );
          })}
      </Stack>
    </FormControl>
  );
}
