import { Alert, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../shared/api/channels/safety';
import { formatDateTime } from '../../../../shared/lib/time';
import { api, unwrap } from '../../app/api';
import { currentLang } from '../../app/i18n';
import { TypedConfirmDialog } from './TypedConfirmDialog';

/** Restoring takes work back: the supervisor types the word to confirm, then the app restarts. */
export function RestoreDialog({ backup, onClose }: { backup: BackupInfo; onClose(): void }) {
  const { t } = useTranslation('safety');
  return (
    <TypedConfirmDialog
      title={t('backup.restoreTitle')}
      word={t('backup.restoreWord')}
      label={t('backup.restoreConfirm')}
      button={t('backup.restoreButton')}
      run={() => unwrap(api().safety.restoreBackup({ name: backup.name }))}
      onClose={onClose}
      testId="restore"
    >
      <Typography sx={{ fontFamily: 'monospace' }}>{backup.name}</Typography>
      <Alert severity="warning">{t('backup.restoreWarning', { at: formatDateTime(backup.createdAt, currentLang()) })}</Alert>
    </TypedConfirmDialog>
  );
}
