import { useState } from 'react';
import { Alert, Button, Checkbox, FormControlLabel, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SessionAccount } from '../../../../shared/api/channels/auth';
import type { SafetyStatus } from '../../../../shared/api/channels/safety';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useSession } from '../../app/session';
import { AuthCard } from '../../components/AuthCard';
import { useFieldErrors } from '../../components/useFieldErrors';

/**
 * Linux without a secret service keeps the key in a plain-text-equivalent form. The app stays
 * closed until a supervisor accepts that for this computer, on record (issue 7 §2).
 */
export function WeakKeyringPage({ account, status, onDone }: { account: SessionAccount; status: SafetyStatus; onDone(): void }) {
  const { t } = useTranslation('safety');
  const { signOut } = useSession();
  const [accepted, setAccepted] = useState(false);
  const accept = useMutation({ mutationFn: () => unwrap(api().safety.acceptWeakKeyring({ accept: accepted as true })), onSuccess: onDone });
  const errors = useFieldErrors(apiErrorOf(accept.error), ['accept']);
  const supervisor = account.roles.includes('supervisor');
  return (
    <AuthCard title={t('keyring.title')}>
      <Stack spacing={2} data-testid="weak-keyring">
        <Alert severity="warning">{t('keyring.explain', { backend: status.keyring.backend })}</Alert>
        <Typography>{t('keyring.advice')}</Typography>
        {supervisor ? (
          <>
            <FormControlLabel control={<Checkbox checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />} label={t('keyring.accept')} />
            {(errors.message('accept') ?? errors.general) && <Alert severity="error">{errors.message('accept') ?? errors.general}</Alert>}
            <Button variant="contained" color="warning" onClick={() => accept.mutate()} disabled={accept.isPending}>
              {t('keyring.acceptButton')}
            </Button>
          </>
        ) : (
          <Alert severity="info">{t('keyring.waitForSupervisor')}</Alert>
        )}
        <Button onClick={() => void signOut()}>{t('lock.signOut')}</Button>
      </Stack>
    </AuthCard>
  );
}
