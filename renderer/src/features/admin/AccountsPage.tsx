import { useState } from 'react';
import { Alert, Box, Button, Chip, Paper, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import PrintIcon from '@mui/icons-material/Print';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../../shared/api/channels/auth';
import { formatDateTime } from '../../../../shared/lib/time';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { currentLang } from '../../app/i18n';
import { PageHeader } from '../../components/PageHeader';
import { ExportButton } from '../../components/ExportButton';
import { PrintDialog } from '../../components/PrintDialog';
import { ACCOUNTS_KEY, AccountDialog } from './AccountDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';

const STATUS_COLOR = { active: 'success', locked: 'warning', disabled: 'default' } as const;

/** Supervisor: staff accounts, their roles, lock/unlock and password reset. */
export default function AccountsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const accounts = useQuery({ queryKey: ACCOUNTS_KEY, queryFn: () => unwrap(api().accounts.list({})) });
  const [editing, setEditing] = useState<AccountSummary | 'new' | null>(null);
  const [resetting, setResetting] = useState<AccountSummary | null>(null);
  const [printing, setPrinting] = useState(false);
  const lock = useMutation({
    mutationFn: (v: { id: number; disabled: boolean }) => unwrap(api().accounts.setDisabled(v)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY }),
  });
  const failure = apiErrorOf(lock.error ?? accounts.error);
  const lang = currentLang();

  return (
    <Box>
      <PageHeader
        title={t('accounts.title')}
        subtitle={t('accounts.subtitle')}
        actions={
          <>
            <ExportButton kind="accounts.list" params={{}} variant="text" size="medium" testId="accounts-export" />
            <Button startIcon={<PrintIcon />} onClick={() => setPrinting(true)}>
              {t('accounts.printList')}
            </Button>
            <Button variant="contained" startIcon={<PersonAddIcon />} onClick={() => setEditing('new')} data-testid="account-add">
              {t('accounts.add')}
            </Button>
          </>
        }
      />
      {failure && <Alert severity="error" sx={{ mb: 2 }}>{t(failure.messageKey, failure.params ?? {})}</Alert>}
      <Paper variant="outlined">
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('accounts.displayName')}</TableCell>
              <TableCell>{t('accounts.loginName')}</TableCell>
              <TableCell>{t('accounts.roles')}</TableCell>
              <TableCell>{t('accounts.statusLabel')}</TableCell>
              <TableCell>{t('accounts.lastSignIn')}</TableCell>
              <TableCell align="right">{t('common.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(accounts.data ?? []).map((a) => (
              <TableRow key={a.id} hover data-testid="account-row">
                <TableCell>{a.displayName}</TableCell>
                <TableCell>{a.loginName}</TableCell>
                <TableCell>{a.roles.map((r) => t(`roles.${r}`)).join('、')}</TableCell>
                <TableCell>
                  <Chip size="small" color={STATUS_COLOR[a.status]} variant="outlined" label={t(`accounts.status.${a.status}`)} />
                  {a.mustChangePassword && <Chip size="small" sx={{ ml: 0.5 }} label={t('accounts.mustChange')} />}
                </TableCell>
                <TableCell>{a.lastSignInAt ? formatDateTime(a.lastSignInAt, lang) : t('accounts.never')}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" onClick={() => setEditing(a)}>
                    {t('common.edit')}
                  </Button>
                  <Button size="small" onClick={() => setResetting(a)}>
                    {t('accounts.resetPassword')}
                  </Button>
                  <Button size="small" color={a.status === 'active' ? 'warning' : 'primary'} onClick={() => lock.mutate({ id: a.id, disabled: a.status !== 'disabled' && a.status !== 'locked' })}>
                    {t(a.status === 'active' ? 'accounts.lock' : 'accounts.unlock')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {editing && <AccountDialog account={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordDialog account={resetting} onClose={() => setResetting(null)} />}
      {printing && <PrintDialog kind="accounts.list" onClose={() => setPrinting(false)} />}
    </Box>
  );
}
