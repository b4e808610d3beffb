import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Stack,
  TextField,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../../shared/api/channels/auth';
import { ROLES, type Role } from '../../../../shared/domain/roles';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useFieldErrors } from '../../components/useFieldErrors';

export const ACCOUNTS_KEY = ['accounts'] as const;

const FIELDS = ['displayName', 'loginName', 'roles', 'password', 'passwordConfirm'] as const;

/** Create an account (with a temporary password) or edit its name and roles. */
export function AccountDialog({ account, onClose }: { account: AccountSummary | null; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    displayName: account?.displayName ?? '',
    loginName: account?.loginName ?? '',
    password: '',
    passwordConfirm: '',
  });
  const [roles, setRoles] = useState<Role[]>(account?.roles ?? []);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        account
          ? api().accounts.update({ id: account.id, displayName: form.displayName, roles })
          : api().accounts.create({ ...form, roles }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY });
      onClose();
    },
  });
  const errors = useFieldErrors(apiErrorOf(save.error), FIELDS);
  const bind = (name: 'displayName' | 'loginName' | 'password' | 'passwordConfirm') => ({
    name,
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
    ...errors.field(name),
  });
  const toggle = (r: Role) => setRoles((list) => (list.includes(r) ? list.filter((x) => x !== r) : [...list, r]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const rolesError = errors.message('roles');

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle>{t(account ? 'accounts.editTitle' : 'accounts.addTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={1} sx={{ pt: 1 }}>
            <TextField label={t('accounts.displayName')} autoFocus {...bind('displayName')} />
            <TextField label={t('accounts.loginName')} disabled={Boolean(account)} {...bind('loginName')} />
            <FormControl error={Boolean(rolesError)} component="fieldset">
              <FormLabel component="legend">{t('accounts.roles')}</FormLabel>
              <FormGroup row>
                {ROLES.map((r) => (
                  <FormControlLabel
                    key={r}
                    control={<Checkbox name={`role-${r}`} checked={roles.includes(r)} onChange={() => toggle(r)} />}
                    label={t(`roles.${r}`)}
                  />
                ))}
              </FormGroup>
              <FormHelperText>{rolesError ?? ' '}</FormHelperText>
            </FormControl>
            {!account && (
              <>
                <TextField label={t('accounts.tempPassword')} type="password" autoComplete="new-password" {...bind('password')} />
                <TextField label={t('accounts.passwordConfirm')} type="password" autoComplete="new-password" {...bind('passwordConfirm')} />
                <Alert severity="info">{t('accounts.tempPasswordHint')}</Alert>
              </>
            )}
            {errors.general && <Alert severity="error">{errors.general}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={save.isPending}>
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
