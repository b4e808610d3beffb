import { Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { RefList } from '../../components/RefList';
import { useLanguage } from '../../app/language';
import { useActiveRef } from '../reference/useReference';
import { TodayBanner } from './TodayBanner';

/** Counter staff's home: where each unit sits and its extension, for one complete answer at once. */
export default function CounterHome() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const units = useActiveRef('guidanceUnit');
  return (
    <Box>
      <PageHeader title={t('nav.counter')} subtitle={t('home.counterSubtitle')} />
      <TodayBanner />
      <RefList
        title={t('reference.kinds.guidanceUnit')}
        items={units}
        secondary={(u) =>
          [lang === 'en' ? u.extra.floorRoomEn : u.extra.floorRoomZh, u.extra.extension ? t('home.extension', { ext: String(u.extra.extension) }) : null]
            .filter(Boolean)
            .join(' · ') || null
        }
      />
    </Box>
  );
}
