import { Box, Grid, Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api';
import { PageHeader } from '../../components/PageHeader';
import { BackupSection } from './BackupSection';
import { EncryptionSection } from './EncryptionSection';
import { SAFETY_KEYS } from './keys';
import { RetentionSection } from './RetentionSection';
import { SessionSection } from './SessionSection';

/** Supervisor: backups and restore, idle lock, retention periods, and how the data is encrypted. */
export default function DataSafetyPage() {
  const { t } = useTranslation('safety');
  const settings = useQuery({ queryKey: SAFETY_KEYS.settings, queryFn: () => unwrap(api().safety.settings({})) });
  const status = useQuery({ queryKey: [...SAFETY_KEYS.status, 'page'], queryFn: () => unwrap(api().safety.status({})) });
  return (
    <Box>
      <PageHeader title={t('nav.dataSafety')} />
      <Stack spacing={2}>
        {settings.data && <BackupSection settings={settings.data} />}
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 5 }}>
            <Stack spacing={2}>
              {settings.data && <SessionSection settings={settings.data} />}
              {status.data && <EncryptionSection status={status.data} />}
            </Stack>
          </Grid>
          <Grid size={{ xs: 12, md: 7 }}>{settings.data && <RetentionSection settings={settings.data} />}</Grid>
        </Grid>
      </Stack>
    </Box>
  );
}
