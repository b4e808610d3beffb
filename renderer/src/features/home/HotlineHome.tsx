import { Box, Grid } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { RefList } from '../../components/RefList';
import { useLanguage } from '../../app/language';
import { useActiveRef } from '../reference/useReference';
import { TodayBanner } from './TodayBanner';

/** Operator's home: the shift on duty and, always in view, what each risk flag requires. */
export default function HotlineHome() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const flags = useActiveRef('riskFlag');
  const items = useActiveRef('serviceItem');
  return (
    <Box>
      <PageHeader title={t('nav.hotline')} subtitle={t('home.hotlineSubtitle')} />
      <TodayBanner />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <RefList
            title={t('home.riskFlags')}
            items={flags}
            secondary={(f) => [lang === 'en' ? f.extra.actionEn : f.extra.actionZh, f.extra.phone ? `☎ ${String(f.extra.phone)}` : null].filter(Boolean).join('  ')}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <RefList title={t('reference.kinds.serviceItem')} items={items} />
        </Grid>
      </Grid>
    </Box>
  );
}
