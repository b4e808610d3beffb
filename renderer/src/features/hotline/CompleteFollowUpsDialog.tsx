import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useFieldErrors } from '../../components/useFieldErrors';
import { HOTLINE_KEY } from './queries';

/** One outcome for one or many follow-ups; all are marked done together, or none. */
export function CompleteFollowUpsDialog({ ids, onClose }: { ids: number[]; onClose(done: boolean): void }) {
  const { t } = useTranslation('hotline');
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState('');
  const done = useMutation({
    mutationFn: () => unwrap(api().hotline.completeFollowUps({ ids, outcome })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: HOTLINE_KEY });
      onClose(true);
    },
  });
  const errors = useFieldErrors(apiErrorOf(done.error), ['outcome']);
  return (
    <Dialog open onClose={() => onClose(false)} fullWidth maxWidth="sm">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          done.mutate();
        }}
      >
        <DialogTitle>{t('followUps.completeTitle', { count: ids.length })}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            multiline
            minRows={3}
            label={t('followUps.outcome')}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && e.ctrlKey) {
                e.preventDefault();
                done.mutate();
              }
            }}
            sx={{ mt: 1 }}
            {...errors.field('outcome')}
          />
          {errors.general && <Alert severity="error">{errors.general}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose(false)}>{t('common:common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={done.isPending} data-testid="complete-follow-ups">
            {t('followUps.markDone')} (Ctrl+Enter)
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
