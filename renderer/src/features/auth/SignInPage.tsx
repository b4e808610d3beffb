import { useState, type FormEvent } from 'react';
import { Alert, Button, Stack, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useSession } from '../../app/session';
import { AuthCard } from '../../components/AuthCard';
import { useFieldErrors } from '../../components/useFieldErrors';

const FIELDS = ['loginName', 'password'] as const;

export function SignInPage() {
  const { t } = useTranslation();
  const { status, setAccount } = useSession();
  const lastLogin = status?.lastLoginName ?? '';
  const [loginName, setLoginName] = useState(lastLogin);
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => unwrap(api().auth.signIn({ loginName, password })),
    onSuccess: (account) => setAccount(account),
    // A wrong password is cleared so the next try starts clean; the name stays.
    onError: () => setPassword(''),
  });
  const errors = useFieldErrors(apiErrorOf(signIn.error), FIELDS);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate();
  };

  return (
    <AuthCard title={t('signIn.title')}>
      <form onSubmit={submit} noValidate>
        <Stack spacing={1}>
          <TextField
            label={t('accounts.loginName')}
            name="loginName"
            autoComplete="username"
            autoFocus={!lastLogin}
            value={loginName}
            onChange={(e) => setLoginName(e.target.value)}
            {...errors.field('loginName')}
          />
          <TextField
            label={t('accounts.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            autoFocus={Boolean(lastLogin)}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            {...errors.field('password')}
          />
          {errors.general && <Alert severity="error">{errors.general}</Alert>}
          <Button type="submit" variant="contained" size="large" disabled={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
