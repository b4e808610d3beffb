import { useState, type FormEvent } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../../shared/api/channels/auth';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useFieldErrors } from '../../components/useFieldErrors';
import { ACCOUNTS_KEY } from './AccountDialog';

export function ResetPasswordDialog({ account, onClose }: { account: AccountSummary; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [passwordConfirm, setPasswordConfirm] = useState('');
  const reset = useMutation({
    mutationFn: () => unwrap(api().accounts.resetPassword({ id: account.id, password, passwordConfirm })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY });
      onClose();
    },
  });
  const errors = useFieldErrors(apiErrorOf(reset.error), ['password', 'passwordConfirm']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reset.mutate();
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <form onSubmit={submit} noValidate>
        <DialogTitle>{t('accounts.resetTitle', { name: account.displayName })}</DialogTitle>
        <DialogContent>
          <Stack spacing={1} sx={{ pt: 1 }}>
            <TextField
              label={t('accounts.tempPassword')}
              type="password"
              name="password"
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              {...errors.field('password')}
            />
            <TextField
              label={t('accounts.passwordConfirm')}
              type="password"
              name="passwordConfirm"
              value={passwordConfirm}
              onChange={(e) => setPasswordConfirm(e.target.value)}
              {...errors.field('passwordConfirm')}
            />
            <Alert severity="info">{t('accounts.tempPasswordHint')}</Alert>
            {errors.general && <Alert severity="error">{errors.general}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={reset.isPending}>
            {t('accounts.resetPassword')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
