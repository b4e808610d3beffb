import { useState, type FormEvent } from 'react';
import { Alert, Button, Stack, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useSession } from '../../app/session';
import { AuthCard } from '../../components/AuthCard';
import { useFieldErrors } from '../../components/useFieldErrors';

const FIELDS = ['currentPassword', 'password', 'passwordConfirm'] as const;

/** Shown after a supervisor created the account or reset its password: the person picks their own. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { setAccount, signOut } = useSession();
  const [form, setForm] = useState({ currentPassword: '', password: '', passwordConfirm: '' });
  const change = useMutation({
    mutationFn: () => unwrap(api().auth.changePassword(form)),
    onSuccess: (account) => setAccount(account),
  });
  const errors = useFieldErrors(apiErrorOf(change.error), FIELDS);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate();
  };
  const bind = (name: (typeof FIELDS)[number]) => ({
    name,
    type: 'password',
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
    ...errors.field(name),
  });

  return (
    <AuthCard title={t('changePassword.title')} subtitle={t('changePassword.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack spacing={1}>
          <TextField label={t('changePassword.current')} autoFocus autoComplete="current-password" {...bind('currentPassword')} />
          <TextField label={t('changePassword.new')} autoComplete="new-password" {...bind('password')} />
          <TextField label={t('accounts.passwordConfirm')} autoComplete="new-password" {...bind('passwordConfirm')} />
          {errors.general && <Alert severity="error">{errors.general}</Alert>}
          <Button type="submit" variant="contained" size="large" disabled={change.isPending}>
            {t('changePassword.submit')}
          </Button>
          <Button onClick={() => void signOut()}>{t('shell.signOut')}</Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
