import { useState, type ReactNode } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiErrorOf } from '../../app/api';
import { SAFETY_KEYS } from './keys';

export interface TypedConfirmProps {
  title: string;
  /** what will happen, above the field */
  children: ReactNode;
  /** the word the supervisor types to confirm (in the interface language) */
  word: string;
  label: string;
  button: string;
  /** the change itself; main relaunches the app once it has succeeded */
  run(): Promise<unknown>;
  onClose(): void;
  testId: string;
}

/**
 * For the two changes that restart the app and cannot be taken back from inside it (restore a
 * backup, change the database key): the supervisor types a word, not just clicks, and the
 * startup gate then shows "restarting" until main relaunches.
 */
export function TypedConfirmDialog({ title, children, word, label, button, run, onClose, testId }: TypedConfirmProps) {
  const { t } = useTranslation('safety');
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const change = useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.setQueryData(SAFETY_KEYS.startup, { mode: 'restarting' }),
  });
  const failure = apiErrorOf(change.error);
  const confirmed = typed.trim().toLowerCase() === word.toLowerCase();
  return (
    <Dialog open onClose={change.isPending ? undefined : onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {children}
          <TextField label={label} value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus data-testid={`${testId}-confirm`} />
          {failure && (
            <Alert severity="error" data-testid={`${testId}-error`}>
              {t(failure.messageKey, failure.params ?? {})}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={change.isPending}>
          {t('common:common.cancel')}
        </Button>
        <Button variant="contained" color="warning" disabled={!confirmed || change.isPending} onClick={() => change.mutate()} data-testid={`${testId}-submit`}>
          {button}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
