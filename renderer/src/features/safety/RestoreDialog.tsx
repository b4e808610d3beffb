import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../shared/api/channels/safety';
import { formatDateTime } from '../../../../shared/lib/time';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { currentLang } from '../../app/i18n';
import { SAFETY_KEYS } from './keys';

/** Restoring takes work back: the supervisor types the word to confirm, then the app restarts. */
export function RestoreDialog({ backup, onClose }: { backup: BackupInfo; onClose(): void }) {
  const { t } = useTranslation('safety');
  const queryClient = useQueryClient();
  const [word, setWord] = useState('');
  const restore = useMutation({
    mutationFn: () => unwrap(api().safety.restoreBackup({ name: backup.name })),
    // The startup gate now shows "restarting" instead of the app, until main relaunches it.
    onSuccess: () => queryClient.setQueryData(SAFETY_KEYS.startup, { mode: 'restarting' }),
  });
  const failure = apiErrorOf(restore.error);
  const confirmed = word.trim().toLowerCase() === t('backup.restoreWord').toLowerCase();
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('backup.restoreTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Typography sx={{ fontFamily: 'monospace' }}>{backup.name}</Typography>
          <Alert severity="warning">{t('backup.restoreWarning', { at: formatDateTime(backup.createdAt, currentLang()) })}</Alert>
          <TextField label={t('backup.restoreConfirm')} value={word} onChange={(e) => setWord(e.target.value)} autoFocus data-testid="restore-confirm" />
          {failure && <Alert severity="error">{t(failure.messageKey, failure.params ?? {})}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:common.cancel')}</Button>
        <Button variant="contained" color="warning" disabled={!confirmed || restore.isPending} onClick={() => restore.mutate()}>
          {t('backup.restoreButton')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
