import { useState } from 'react';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SafetySettings } from '../../../../shared/api/channels/safety';
import { RETENTION_KINDS, RETENTION_MONTHS, type RetentionKind } from '../../../../shared/domain/safety';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useFieldErrors } from '../../components/useFieldErrors';
import { SAFETY_KEYS } from './keys';
import { Section } from './Section';
import { WorkingLine } from './WorkingLine';

type Form = Record<RetentionKind, string>;

export function RetentionSection({ settings }: { settings: SafetySettings }) {
  const { t } = useTranslation('safety');
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>(
    () => Object.fromEntries(RETENTION_KINDS.map((k) => [k, settings.retention[k] === null ? '' : String(settings.retention[k])])) as Form,
  );
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api().safety.setRetention({
          // Empty = no period; anything else goes to main as typed, so its validation names the field.
          retention: Object.fromEntries(RETENTION_KINDS.map((k) => [k, form[k].trim() === '' ? null : Number(form[k])])) as Record<RetentionKind, number | null>,
        }),
      ),
    onSuccess: (next) => queryClient.setQueryData(SAFETY_KEYS.settings, next),
  });
  const run = useMutation({ mutationFn: () => unwrap(api().safety.runRetention({})) });
  const errors = useFieldErrors(apiErrorOf(save.error ?? run.error), RETENTION_KINDS.map((k) => `retention.${k}`));
  const anonymised = run.data?.kinds.reduce((n, k) => n + k.anonymised, 0) ?? 0;
  return (
    <Section title={t('retention.title')} subtitle={t('retention.subtitle')} testId="retention-section">
      <Box component="form" onSubmit={(e) => (e.preventDefault(), save.mutate())} noValidate>
        <Stack spacing={1}>
          {RETENTION_KINDS.map((k) => (
            <Box key={k} sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
              <Typography sx={{ flex: 1, pt: 2 }}>{t(`retention.kinds.${k}`)}</Typography>
              <TextField
                label={t('retention.months')}
                type="number"
                value={form[k]}
                placeholder={t('retention.unset')}
                onChange={(e) => {
                  setForm((f) => ({ ...f, [k]: e.target.value }));
                  save.reset();
                }}
                slotProps={{ htmlInput: { min: RETENTION_MONTHS.min, max: RETENTION_MONTHS.max, 'data-testid': `retention-${k}` }, inputLabel: { shrink: true } }}
                sx={{ width: 200 }}
                {...errors.field(`retention.${k}`)}
              />
            </Box>
          ))}
          {errors.general && <Alert severity="error">{errors.general}</Alert>}
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <Button type="submit" variant="contained" disabled={save.isPending}>
              {t('retention.save')}
            </Button>
            <Button onClick={() => run.mutate()} disabled={run.isPending} data-testid="retention-run">
              {t('retention.runNow')}
            </Button>
            {save.isSuccess && <Typography color="success.main">{t('retention.saved')}</Typography>}
          </Box>
          {run.isPending && <WorkingLine testId="retention-running">{t('retention.running')}</WorkingLine>}
          {run.data && <Alert severity="success" data-testid="retention-ran">{t('retention.ran', { count: anonymised })}</Alert>}
        </Stack>
      </Box>
    </Section>
  );
}
