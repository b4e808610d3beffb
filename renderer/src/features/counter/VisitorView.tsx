import { Box, Stack, Typography } from '@mui/material';
import PlaceIcon from '@mui/icons-material/Place';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { VisitorTopic } from '../../../../shared/api/channels/counter';
import { api, unwrap } from '../../app/api';

/** How often the visitor screen asks what to show; IPC to main is cheap, a second feels instant. */
const POLL_MS = 1000;

// Sizes follow the window, so a whole topic fits the screen turned toward the visitor,
// whether that is a small monitor or a large one, without anyone scrolling it.
const TEXT = 'clamp(1.05rem, 1.55vw, 2rem)';
const LABEL = 'clamp(0.9rem, 1.15vw, 1.5rem)';

function Field({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  if (!value) return null;
  return (
    <Box sx={{ mb: 2.5 }}>
      <Typography sx={{ fontSize: LABEL, fontWeight: 700, color: 'primary.main' }}>{label}</Typography>
      <Typography sx={{ fontSize: TEXT, lineHeight: 1.45, whiteSpace: 'pre-line', fontWeight: strong ? 700 : 400 }}>{value}</Typography>
    </Box>
  );
}

function TopicScreen({ topic, t }: { topic: VisitorTopic; t: (key: string, p?: Record<string, string>) => string }) {
  return (
    <Box sx={{ p: 'clamp(16px, 2.5vw, 48px)' }}>
      <Typography component="h1" sx={{ fontSize: 'clamp(1.8rem, 3vw, 3.6rem)', fontWeight: 700, lineHeight: 1.2, mb: 2 }} data-testid="visitor-title">
        {topic.title}
      </Typography>
      {topic.unit && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 3, px: 2.5, py: 1.5, borderRadius: 2, bgcolor: 'primary.main', color: 'primary.contrastText' }}>
          <PlaceIcon sx={{ fontSize: 'clamp(2rem, 3vw, 3.5rem)' }} />
          <Box>
            <Typography sx={{ fontSize: LABEL }}>{t('visitor.goTo')}</Typography>
            <Typography sx={{ fontSize: 'clamp(1.3rem, 2.1vw, 2.6rem)', fontWeight: 700 }} data-testid="visitor-unit">
              {[topic.unit.name, topic.unit.floorRoom, topic.unit.extension ? t('desk.extension', { ext: topic.unit.extension }) : '']
                .filter(Boolean)
                .join(' · ')}
            </Typography>
          </Box>
        </Stack>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '3fr 2fr' }, gap: 'clamp(16px, 3vw, 56px)' }}>
        <Box>
          <Field label={t('fields.summary')} value={topic.summary} />
          <Field label={t('fields.eligibility')} value={topic.eligibility} />
        </Box>
        <Box>
          <Field label={t('fields.documents')} value={topic.documents} strong />
          <Field label={t('fields.timeLimit')} value={topic.timeLimit} />
          <Field label={t('fields.hours')} value={topic.hours} />
          <Field label={t('fields.contact')} value={topic.contact} />
          {topic.qr && (
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Box component="img" src={topic.qr} alt="" sx={{ width: 'clamp(120px, 13vw, 260px)', height: 'clamp(120px, 13vw, 260px)' }} />
              <Box>
                <Typography sx={{ fontSize: LABEL }}>{t('visitor.scan')}</Typography>
                <Typography sx={{ fontSize: '1rem', wordBreak: 'break-all' }}>{topic.webUrl}</Typography>
              </Box>
            </Stack>
          )}
        </Box>
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
