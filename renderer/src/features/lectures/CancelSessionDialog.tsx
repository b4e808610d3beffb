import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useRefreshLectures } from './hooks';

/** Cancelling keeps the session on record; everyone expected moves to 待排. */
export function CancelSessionDialog({ sessionId, onClose }: { sessionId: number; onClose(): void }) {
  const { t } = useTranslation('lectures');
  const refresh = useRefreshLectures();
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () => unwrap(api().lectures.cancelSession({ id: sessionId, reason })),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const errors = useFieldErrors(apiErrorOf(save.error), ['reason']);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('cancel.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('cancel.explain')}</DialogContentText>
        <TextField autoFocus fullWidth label={t('cancel.reason')} value={reason} onChange={(e) => setReason(e.target.value)} {...errors.field('reason')} />
        {errors.general && <Alert severity="error">{errors.general}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:common.close')}</Button>
        <Button color="error" variant="contained" onClick={() => save.mutate()} disabled={save.isPending}>
          {t('cancel.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
