import { useEffect, useState } from 'react';
import { Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useFieldErrors } from '../../components/useFieldErrors';
import { LECTURES_KEY } from './hooks';

/** How many minutes after the start a check-in counts as late (configurable by the coordinator). */
export function LateSetting() {
  const { t } = useTranslation('lectures');
  const qc = useQueryClient();
  const settings = useQuery({ queryKey: [...LECTURES_KEY, 'settings'], queryFn: () => unwrap(api().lectures.getSettings({})) });
  const [minutes, setMinutes] = useState('');
  useEffect(() => {
    if (settings.data) setMinutes(String(settings.data.lateAfterMinutes));
  }, [settings.data]);
  const save = useMutation({
    mutationFn: () => unwrap(api().lectures.saveSettings({ lateAfterMinutes: Number(minutes) })),
    onSuccess: () => qc.invalidateQueries({ queryKey: LECTURES_KEY }),
  });
  const errors = useFieldErrors(apiErrorOf(save.error), ['lateAfterMinutes']);
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('checkin.lateSetting')}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField size="small" type="number" label={t('checkin.lateMinutes')} value={minutes} onChange={(e) => setMinutes(e.target.value)} {...errors.field('lateAfterMinutes')} />
        <Button variant="outlined" onClick={() => save.mutate()} disabled={save.isPending}>
          {save.isSuccess ? t('checkin.saved') : t('common:common.save')}
        </Button>
      </Stack>
    </Paper>
  );
}
