import { Alert, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SafetyStatus } from '../../../../shared/api/channels/safety';
import { formatDateTime } from '../../../../shared/lib/time';
import { currentLang } from '../../app/i18n';
import { Section } from './Section';

export function EncryptionSection({ status }: { status: SafetyStatus }) {
  const { t } = useTranslation('safety');
  const acceptance = status.keyring.acceptance;
  return (
    <Section title={t('encryption.title')} testId="encryption-section">
      <Stack spacing={1}>
        <Alert severity={status.encrypted ? 'success' : 'warning'}>{t(status.encrypted ? 'encryption.on' : 'encryption.off')}</Alert>
        {status.encrypted && (
          <Typography>{t('encryption.keyring', { backend: t(`encryption.backends.${status.keyring.backend}`, { defaultValue: status.keyring.backend }) })}</Typography>
        )}
        {acceptance && (
          <Alert severity="warning">{t('encryption.accepted', { name: acceptance.byName, at: formatDateTime(acceptance.at, currentLang()) })}</Alert>
        )}
      </Stack>
    </Section>
  );
}
