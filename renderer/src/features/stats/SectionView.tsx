import { Alert, Box, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { StatsSection } from '../../../../shared/api/channels/stats';
import type { Period } from '../../../../shared/domain/statsPeriod';
import { apiErrorOf } from '../../app/api';
import { StatTableCard } from './StatTableCard';
import { useStatsSection, useTextOf } from './useStats';

/** One part of the statistics: the bureau's sentences on top, then every table. */
export function SectionView({ period, section }: { period: Period; section: StatsSection }) {
  const { t } = useTranslation('stats');
  const tx = useTextOf();
  const q = useStatsSection(period, section);
  const error = apiErrorOf(q.error);
  return (
    <Box data-testid={`stats-section-${section}`} aria-busy={q.isFetching}>
      {q.isFetching && <LinearProgress sx={{ mb: 1 }} aria-label={t('screen.loading')} />}
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {t('screen.failed', { reason: t(error.messageKey, error.params ?? {}) })}
        </Alert>
      )}
      {q.data && (
        <Stack spacing={2}>
          {q.data.summary.length > 0 && (
            <Paper variant="outlined" sx={{ p: 2, bgcolor: 'action.hover' }} data-testid="stats-summary">
              {q.data.summary.map((s, i) => (
                <Typography key={i} sx={{ mb: 0.5 }}>
                  {tx(s)}
                </Typography>
              ))}
            </Paper>
          )}
          {q.data.tables.map((table) => (
            <StatTableCard key={table.id} table={table} period={q.data.period} />
          ))}
        </Stack>
      )}
    </Box>
  );
}
