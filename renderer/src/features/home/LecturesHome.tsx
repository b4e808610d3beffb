import { Box, Grid } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { RefList } from '../../components/RefList';
import { useActiveRef } from '../reference/useReference';
import { TodayBanner } from './TodayBanner';

/** Coordinator's home: venues with their capacity, and the leave reasons in use. */
export default function LecturesHome() {
  const { t } = useTranslation();
  const venues = useActiveRef('venue');
  const reasons = useActiveRef('leaveReason');
  return (
    <Box>
      <PageHeader title={t('nav.lectures')} subtitle={t('home.lecturesSubtitle')} />
      <TodayBanner />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <RefList
            title={t('reference.kinds.venue')}
            items={venues}
            secondary={(v) => (v.extra.capacity ? t('home.capacity', { n: Number(v.extra.capacity) }) : null)}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <RefList title={t('reference.kinds.leaveReason')} items={reasons} />
        </Grid>
      </Grid>
    </Box>
  );
}
