import { Box, Stack, Typography } from '@mui/material';
import PlaceIcon from '@mui/icons-material/Place';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { VisitorTopic } from '../../../../shared/api/channels/counter';
import { api, unwrap } from '../../app/api';

/** How often the visitor screen asks what to show; IPC to main is cheap, a second feels instant. */
const POLL_MS = 1000;

function Field({ label, value }: { label: string; value: string }) {
  if (!value) return null;
  return (
    <Box sx={{ breakInside: 'avoid', mb: 3 }}>
      <Typography sx={{ fontSize: '1.4rem', fontWeight: 700, color: 'primary.main' }}>{label}</Typography>
      <Typography sx={{ fontSize: '1.9rem', lineHeight: 1.45, whiteSpace: 'pre-line' }}>{value}</Typography>
    </Box>
  );
}

function TopicScreen({ topic, t }: { topic: VisitorTopic; t: (key: string, p?: Record<string, string>) => string }) {
  return (
    <Box sx={{ p: 5 }}>
      <Typography component="h1" sx={{ fontSize: '3.2rem', fontWeight: 700, lineHeight: 1.25, mb: 3 }} data-testid="visitor-title">
        {topic.title}
      </Typography>
      {topic.unit && (
        <Stack direction="row" spacing={2} sx={{ mb: 4, p: 2.5, borderRadius: 2, bgcolor: 'primary.main', color: 'primary.contrastText', alignItems: 'center' }}>
          <PlaceIcon sx={{ fontSize: '3rem' }} />
          <Box>
            <Typography sx={{ fontSize: '1.3rem' }}>{t('visitor.goTo')}</Typography>
            <Typography sx={{ fontSize: '2.2rem', fontWeight: 700 }} data-testid="visitor-unit">
              {[topic.unit.name, topic.unit.floorRoom, topic.unit.extension ? t('desk.extension', { ext: topic.unit.extension }) : '']
                .filter(Boolean)
                .join(' · ')}
            </Typography>
          </Box>
        </Stack>
      )}
      <Box sx={{ display: 'flex', gap: 5, alignItems: 'flex-start' }}>
        <Box sx={{ flex: 1, columnCount: { xs: 1, xl: 2 }, columnGap: 6 }}>
          <Field label={t('fields.summary')} value={topic.summary} />
          <Field label={t('fields.documents')} value={topic.documents} />
          <Field label={t('fields.eligibility')} value={topic.eligibility} />
          <Field label={t('fields.timeLimit')} value={topic.timeLimit} />
          <Field label={t('fields.hours')} value={topic.hours} />
          <Field label={t('fields.contact')} value={topic.contact} />
        </Box>
        {topic.qr && (
          <Box sx={{ width: 300, textAlign: 'center', flexShrink: 0 }}>
            <Box component="img" src={topic.qr} alt="" sx={{ width: 280, height: 280 }} />
            <Typography sx={{ fontSize: '1.3rem' }}>{t('visitor.scan')}</Typography>
            <Typography sx={{ fontSize: '1rem', wordBreak: 'break-all' }}>{topic.webUrl}</Typography>
          </Box>
        )}
      </Box>
    </Box>
  );
}

function Welcome() {
  const { i18n } = useTranslation();
  const zh = i18n.getFixedT('zh-TW', 'counter');
  const en = i18n.getFixedT('en', 'counter');
  return (
    <Box sx={{ height: '100vh', display: 'grid', placeItems: 'center', textAlign: 'center', p: 5 }} data-testid="visitor-welcome">
      <Box>
        <Typography sx={{ fontSize: '4rem', fontWeight: 700 }}>{zh('visitor.welcome')}</Typography>
        <Typography sx={{ fontSize: '3rem', fontWeight: 700, mb: 4 }}>{en('visitor.welcome')}</Typography>
        <Typography sx={{ fontSize: '1.8rem' }}>{zh('visitor.place')}</Typography>
        <Typography sx={{ fontSize: '1.5rem', mb: 4 }}>{en('visitor.place')}</Typography>
        <Typography sx={{ fontSize: '1.8rem', fontWeight: 700 }}>{zh('visitor.helpline')}</Typography>
        <Typography sx={{ fontSize: '1.5rem' }}>{en('visitor.helpline')}</Typography>
      </Box>
    </Box>
  );
}

/**
 * The visitor-facing screen (its own window, turned toward the visitor): the topic the desk
 * opened, in the visitor's language, in large type; otherwise a bilingual welcome. It has
 * no controls and no session: it only ever reads the published topic on show.
 */
export default function VisitorView() {
  const { i18n } = useTranslation();
  const screen = useQuery({
    queryKey: ['counter', 'visitor-screen'],
    queryFn: () => unwrap(api().counter.presented({})),
    refetchInterval: POLL_MS,
    staleTime: 0,
  });
  const data = screen.data;
  if (!data?.topic) return <Welcome />;
  const fixed = i18n.getFixedT(data.lang, 'counter');
  const t = (key: string, p?: Record<string, string>) => fixed(key, p ?? {});
  return (
    <Box lang={data.lang} data-testid="visitor-view" data-lang={data.lang} sx={{ minHeight: '100vh', bgcolor: 'background.paper' }}>
      <TopicScreen topic={data.topic} t={t} />
    </Box>
  );
}
