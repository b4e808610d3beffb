import { useState, type FormEvent } from 'react';
import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { StartupState } from '../../../../shared/api/channels/safety';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { AuthCard } from '../../components/AuthCard';
import { useFieldErrors } from '../../components/useFieldErrors';

type Reason = Extract<StartupState, { mode: 'recovery' }>['reason'];

/** The key could not be unwrapped on this computer: the sealed recovery key opens the data again. */
export function RecoveryPage({ reason, dbFile }: { reason: Reason; dbFile: string }) {
  const { t } = useTranslation('safety');
  const [recoveryKey, setRecoveryKey] = useState('');
  const recover = useMutation({ mutationFn: () => unwrap(api().safety.recover({ recoveryKey })) });
  const errors = useFieldErrors(apiErrorOf(recover.error), ['recoveryKey']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    recover.mutate();
  };
  return (
    <AuthCard title={t('recovery.title')}>
      <form onSubmit={submit} noValidate>
        <Stack spacing={2}>
          <Alert severity="warning">{t(`recovery.reason.${reason}`)}</Alert>
          <Typography>{t('recovery.explain')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-all' }}>
            {t('recovery.file', { file: dbFile })}
          </Typography>
          <TextField
            label={t('recovery.label')}
            placeholder={t('recovery.placeholder')}
            value={recoveryKey}
            onChange={(e) => setRecoveryKey(e.target.value)}
            // Wrapped over two lines for reading, but Enter submits like any one-line field.
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                recover.mutate();
              }
            }}
            autoFocus
            multiline
            minRows={2}
            autoComplete="off"
            slotProps={{ htmlInput: { spellCheck: false, 'data-testid': 'recovery-key-input', style: { fontFamily: 'monospace', letterSpacing: '0.08em' } } }}
            {...errors.field('recoveryKey')}
          />
          {errors.general && <Alert severity="error">{errors.general}</Alert>}
          {recover.isSuccess ? (
            <Alert severity="success" data-testid="recovery-done">
              {t('recovery.done')}
            </Alert>
          ) : (
            <Button type="submit" variant="contained" size="large" disabled={recover.isPending}>
              {t('recovery.submit')}
            </Button>
          )}
        </Stack>
      </form>
    </AuthCard>
  );
}
