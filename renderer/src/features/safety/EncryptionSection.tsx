import { useState } from 'react';
import { Alert, Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SafetyStatus } from '../../../../shared/api/channels/safety';
import { formatDateTime } from '../../../../shared/lib/time';
import { api, unwrap } from '../../app/api';
import { currentLang } from '../../app/i18n';
import { Section } from './Section';
import { TypedConfirmDialog } from './TypedConfirmDialog';

export function EncryptionSection({ status }: { status: SafetyStatus }) {
  const { t } = useTranslation('safety');
  const [changing, setChanging] = useState(false);
  const acceptance = status.keyring.acceptance;
  const recoveredAt = status.keyring.recoveredAt;
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
        {status.encrypted && recoveredAt && (
          <Alert severity="warning" data-testid="key-recovered">
            {t('changeKey.recovered', { at: formatDateTime(recoveredAt, currentLang()) })}
          </Alert>
        )}
        {status.encrypted && (
          <>
            <Typography variant="body2" color="text.secondary">
              {t('changeKey.hint')}
            </Typography>
            <Button variant="outlined" sx={{ alignSelf: 'flex-start' }} onClick={() => setChanging(true)} data-testid="change-key">
              {t('changeKey.button')}
            </Button>
          </>
        )}
      </Stack>
      {changing && (
        <TypedConfirmDialog
          title={t('changeKey.title')}
          word={t('changeKey.word')}
          label={t('changeKey.confirm')}
          button={t('changeKey.submit')}
          run={() => unwrap(api().safety.changeKey({ confirm: true }))}
          onClose={() => setChanging(false)}
          testId="change-key"
        >
          <Alert severity="warning">{t('changeKey.warning')}</Alert>
          <Typography variant="body2">{t('changeKey.backups')}</Typography>
        </TypedConfirmDialog>
      )}
    </Section>
  );
}
