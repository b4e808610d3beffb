import { useEffect, useState } from 'react';
import { Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useFieldErrors } from '../../components/useFieldErrors';
import { HOTLINE_KEY, useSettings } from './queries';

/** Supervisor: how long operators may correct their own calls. */
export function SettingsCard() {
  const { t } = useTranslation('hotline');
  const queryClient = useQueryClient();
  const settings = useSettings();
  const [hours, setHours] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data) setHours(String(settings.data.editWindowHours));
  }, [settings.data]);
  const save = useMutation({
    mutationFn: () => unwrap(api().hotline.setSettings({ editWindowHours: hours.trim() === '' ? Number.NaN : Number(hours) })),
    onSuccess: async () => {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: HOTLINE_KEY });
    },
  });
  const errors = useFieldErrors(apiErrorOf(save.error), ['editWindowHours']);
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
      <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
        {t('settings.title')}
      </Typography>
      <Box
        component="form"
        sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          save.mutate();
        }}
      >
        <TextField
          label={t('settings.editWindowHours')}
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          sx={{ maxWidth: 360 }}
          {...errors.field('editWindowHours')}
        />
        <Button type="submit" variant="outlined" disabled={save.isPending}>
          {t('common:common.save')}
        </Button>
        {saved && <Typography color="success.main" sx={{ pt: 1 }}>{t('settings.saved')}</Typography>}
      </Box>
    </Paper>
  );
}
