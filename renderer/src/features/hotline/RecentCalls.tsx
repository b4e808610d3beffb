import { Paper, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api';
import { CallSummaryTable } from './CallSummaryTable';
import { hotlineKey, useOverview } from './queries';

/** The calls of the shift on duty, newest first: a quick way back to what was just saved. */
export function RecentCalls({ onOpen }: { onOpen(id: number): void }) {
  const { t } = useTranslation('hotline');
  const overview = useOverview().data;
  const recent = useQuery({
    queryKey: hotlineKey('recent', overview?.windowStart, overview?.windowEnd),
    queryFn: () => unwrap(api().hotline.searchCalls({ startedFrom: overview?.windowStart, startedBefore: overview?.windowEnd, pageSize: 10, page: 1 })),
    enabled: overview !== undefined,
  });
  const rows = recent.data?.rows ?? [];
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
        {t('desk.recent')}
      </Typography>
      <CallSummaryTable dense rows={rows} onOpen={onOpen} emptyText={t('desk.noCallsYet')} />
    </Paper>
  );
}
