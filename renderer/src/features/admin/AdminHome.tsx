import { Alert, Box, Button, Grid, Paper, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { REF_KINDS } from '../../../../shared/domain/reference';
import { formatDateTime } from '../../../../shared/lib/time';
import { api, unwrap } from '../../app/api';
import { currentLang } from '../../app/i18n';
import { useNav } from '../../app/nav';
import { PageHeader } from '../../components/PageHeader';
import { useReference } from '../reference/useReference';
import { TodayBanner } from '../home/TodayBanner';
import { BackupWarnings } from '../safety/BackupWarnings';
import { SAFETY_KEYS } from '../safety/keys';
import { ACCOUNTS_KEY } from './AccountDialog';

function Figure({ label, value, onClick }: { label: string; value: number; onClick?: () => void }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, cursor: onClick ? 'pointer' : undefined }} onClick={onClick}>
      <Typography color="text.secondary">{label}</Typography>
      <Typography variant="h1" component="p">
        {value}
      </Typography>
    </Paper>
  );
}

/** Supervisor's home: accounts that need attention and the size of every reference list. */
export default function AdminHome() {
  const { t } = useTranslation();
  const { go } = useNav();
  const accounts = useQuery({ queryKey: ACCOUNTS_KEY, queryFn: () => unwrap(api().accounts.list({})) });
  const { data: reference } = useReference();
  const safety = useQuery({ queryKey: [...SAFETY_KEYS.status, 'home'], queryFn: () => unwrap(api().safety.status({})) });
  const recoveredAt = safety.data?.encrypted ? safety.data.keyring.recoveredAt : null;
  // Same query as the data-safety page: backup trouble and a drive short of room are said here before they matter.
  const backups = useQuery({ queryKey: SAFETY_KEYS.backups, queryFn: () => unwrap(api().safety.backups({})) });
  const list = accounts.data ?? [];
  return (
    <Box>
      <PageHeader title={t('nav.admin')} subtitle={t('home.adminSubtitle')} />
      <TodayBanner />
      {recoveredAt && (
        // Until the key is changed, whoever saw the unsealed recovery key can read a copy of the file.
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          data-testid="home-key-recovered"
          action={
            <Button color="inherit" size="small" onClick={() => go('data-safety')}>
              {t('safety:nav.dataSafety')}
            </Button>
          }
        >
          {t('safety:changeKey.recovered', { at: formatDateTime(recoveredAt, currentLang()) })}
        </Alert>
      )}
      {backups.data && <BackupWarnings overview={backups.data} now={new Date()} onOpen={() => go('data-safety')} />}
      <Grid container spacing={2} sx={{ mb: 3 }}>
        <Grid size={{ xs: 6, md: 3 }}>
          <Figure label={t('home.activeAccounts')} value={list.filter((a) => a.status === 'active').length} onClick={() => go('accounts')} />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Figure label={t('home.lockedAccounts')} value={list.filter((a) => a.status !== 'active').length} onClick={() => go('accounts')} />
        </Grid>
      </Grid>
      <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
        {t('reference.title')}
      </Typography>
      <Grid container spacing={2}>
        {REF_KINDS.map((k) => (
          <Grid key={k} size={{ xs: 6, md: 3 }}>
            <Figure label={t(`reference.kinds.${k}`)} value={(reference?.[k] ?? []).filter((i) => !i.retired).length} onClick={() => go('reference')} />
          </Grid>
        ))}
      </Grid>
    </Box>
  );
}
