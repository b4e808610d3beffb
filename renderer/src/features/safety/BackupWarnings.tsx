import { Alert, Box, Button } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { BackupOverview } from '../../../../shared/api/channels/safety';
import { BACKUP_INTERVAL_HOURS } from '../../../../shared/domain/safety';
import { formatDateTime } from '../../../../shared/lib/time';
import { currentLang } from '../../app/i18n';
import { SpaceLines } from './SpaceLines';

/** Two missed days: one missed run may be a PC that was off; two in a row needs someone to look. */
const OVERDUE_MS = 2 * BACKUP_INTERVAL_HOURS * 3_600_000;

/**
 * What the supervisor's home says about backups, before it matters: a folder that cannot be
 * used, automatic backups that stopped, a drive short of room. Each leads to the data-safety page.
 * Nothing at all while all is well.
 */
export function BackupWarnings({ overview, now, onOpen }: { overview: BackupOverview; now: Date; onOpen: () => void }) {
  const { t } = useTranslation('safety');
  const last = overview.lastAutomaticAt;
  const overdue = last !== null && now.getTime() - Date.parse(last) > OVERDUE_MS;
  if (!overview.folderProblem && !overdue && overview.space.low.length === 0) return null;
  const open = (
    <Button color="inherit" size="small" onClick={onOpen}>
      {t('nav.dataSafety')}
    </Button>
  );
  return (
    <Box sx={{ mb: 1 }} data-testid="home-backup-warnings">
      {overview.folderProblem && (
        <Alert severity="error" sx={{ mb: 1 }} action={open} data-testid="home-backup-folder">
          {t(overview.folderProblem, { folder: overview.folder })}
        </Alert>
      )}
      {overdue && (
        <Alert severity="warning" sx={{ mb: 1 }} action={open} data-testid="home-backup-overdue">
          {t('backup.overdue', { at: formatDateTime(last, currentLang()) })}
        </Alert>
      )}
      {overview.space.low.length > 0 && <SpaceLines space={overview.space} action={open} />}
    </Box>
  );
}
