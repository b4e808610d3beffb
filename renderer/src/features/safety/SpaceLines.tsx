import type { ReactNode } from 'react';
import { Alert, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { DiskSpace } from '../../../../shared/api/channels/safety';
import { formatBytes } from '../../../../shared/domain/safety';

const freeText = (bytes: number | null, t: (k: string) => string) => (bytes === null ? t('backup.spaceUnknown') : formatBytes(bytes));

/**
 * The database's size and the room left where it and its backups are written; a warning for each
 * drive short of room, with `action` (the way to the data-safety page, on the supervisor's home).
 */
export function SpaceLines({ space, action }: { space: DiskSpace; action?: ReactNode }) {
  const { t } = useTranslation('safety');
  const database = formatBytes(space.databaseBytes);
  return (
    <>
      <Typography color="text.secondary" sx={{ mb: 1 }} data-testid="disk-space">
        {t('backup.space', { database, dataFree: freeText(space.dataFreeBytes, t), backupFree: freeText(space.backupFreeBytes, t) })}
      </Typography>
      {space.low.map((drive) => (
        <Alert key={drive} severity="warning" sx={{ mb: 1 }} data-testid={`low-space-${drive}`} action={action}>
          {t(drive === 'data' ? 'backup.lowData' : 'backup.lowBackup', { database, free: freeText(drive === 'data' ? space.dataFreeBytes : space.backupFreeBytes, t) })}
        </Alert>
      ))}
    </>
  );
}
