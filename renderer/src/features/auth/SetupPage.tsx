import { useState, type FormEvent } from 'react';
import { Alert, Button, Stack, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useSession } from '../../app/session';
import { AuthCard } from '../../components/AuthCard';
import { useFieldErrors } from '../../components/useFieldErrors';

const FIELDS = ['displayName', 'loginName', 'password', 'passwordConfirm'] as const;

/** First run only: the bureau's first supervisor. No account with a known password ships. */
export function SetupPage() {
  const { t } = useTranslation();
  const { setAccount } = useSession();
  const [form, setForm] = useState({ displayName: '', loginName: '', password: '', passwordConfirm: '' });
  const setup = useMutation({
    mutationFn: () => unwrap(api().auth.setupSupervisor(form)),
    onSuccess: (account) => setAccount(account),
  });
  const errors = useFieldErrors(apiErrorOf(setup.error), FIELDS);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setup.mutate();
  };
  const bind = (name: (typeof FIELDS)[number]) => ({
    name,
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
    ...errors.field(name),
  });

  return (
    <AuthCard title={t('setup.title')} subtitle={t('setup.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack spacing={1}>
          <TextField label={t('accounts.displayName')} autoFocus autoComplete="name" {...bind('displayName')} />
          <TextField label={t('accounts.loginName')} autoComplete="username" {...bind('loginName')} />
          <TextField label={t('accounts.password')} type="password" autoComplete="new-password" {...bind('password')} />
          <TextField label={t('accounts.passwordConfirm')} type="password" autoComplete="new-password" {...bind('passwordConfirm')} />
          {errors.general && <Alert severity="error">{errors.general}</Alert>}
          <Button type="submit" variant="contained" size="large" disabled={setup.isPending}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
