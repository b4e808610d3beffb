import { useState } from 'react';
import { Box, Button, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SafetySettings } from '../../../../shared/api/channels/safety';
import { IDLE_MINUTES } from '../../../../shared/domain/safety';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useFieldErrors } from '../../components/useFieldErrors';
import { Section } from './Section';
import { SAFETY_KEYS } from './keys';

/** Typed numbers: '' and '1.5' reach main as-is (NaN, 1.5) so its validation names the field. */
export const numberOrNaN = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

export function SessionSection({ settings }: { settings: SafetySettings }) {
  const { t } = useTranslation('safety');
  const queryClient = useQueryClient();
  const [minutes, setMinutes] = useState(String(settings.idleMinutes));
  const save = useMutation({
    mutationFn: () => unwrap(api().safety.setSessionPolicy({ idleMinutes: numberOrNaN(minutes) })),
    onSuccess: (next) => {
      queryClient.setQueryData(SAFETY_KEYS.settings, next);
      void queryClient.invalidateQueries({ queryKey: SAFETY_KEYS.status });
    },
  });
  const errors = useFieldErrors(apiErrorOf(save.error), ['idleMinutes']);
  return (
    <Section title={t('session.title')} testId="session-section">
      <Box component="form" sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }} onSubmit={(e) => (e.preventDefault(), save.mutate())} noValidate>
        <TextField
          label={t('session.idleMinutes')}
          type="number"
          value={minutes}
          onChange={(e) => {
            setMinutes(e.target.value);
            save.reset();
          }}
          slotProps={{ htmlInput: { min: IDLE_MINUTES.min, max: IDLE_MINUTES.max } }}
          sx={{ width: 220 }}
          {...errors.field('idleMinutes')}
        />
        <Button type="submit" variant="contained" sx={{ mt: 1 }} disabled={save.isPending}>
          {t('session.save')}
        </Button>
        {save.isSuccess && <Typography sx={{ mt: 2 }} color="success.main">{t('session.saved')}</Typography>}
      </Box>
    </Section>
  );
}
