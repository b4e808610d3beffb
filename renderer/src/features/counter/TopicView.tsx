import { Box, Chip, Divider, Paper, Stack, Typography } from '@mui/material';
import PlaceIcon from '@mui/icons-material/Place';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../shared/api/common';
import type { TopicDetail } from '../../../../shared/api/channels/counter';
import { topicText, type TopicTextField } from '../../../../shared/domain/counter';
import type { RefItem } from '../../../../shared/domain/reference';

const SECTIONS: readonly TopicTextField[] = ['summary', 'eligibility', 'documents', 'timeLimit', 'hours', 'contact'];

export function unitLine(unit: RefItem | undefined, lang: Lang, extLabel: (ext: string) => string): string {
  if (!unit) return '';
  const en = lang === 'en';
  const floor = String((en ? unit.extra.floorRoomEn : unit.extra.floorRoomZh) ?? '');
  const ext = String(unit.extra.extension ?? '');
  return [en ? unit.nameEn : unit.nameZh, floor, ext ? extLabel(ext) : ''].filter(Boolean).join(' · ');
}

/** One topic as the desk reads it out: in the language given, everything on one screen. */
export function TopicView({
  topic,
  lang,
  unit,
  onOpenRelated,
}: {
  topic: TopicDetail;
  lang: Lang;
  unit: RefItem | undefined;
  onOpenRelated?: (id: number) => void;
}) {
  const { t } = useTranslation('counter');
  const tl = (key: string, params?: Record<string, string>) => t(key, { ...params, lng: lang });
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} data-testid="topic-view" lang={lang}>
      <Typography variant="h2" component="h2" data-testid="topic-title">
        {topicText(topic, 'title', lang)}
      </Typography>
      {unit && (
        <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center' }}>
          <PlaceIcon color="primary" fontSize="small" />
          <Typography sx={{ fontWeight: 700 }} data-testid="topic-unit">
            {unitLine(unit, lang, (ext) => tl('desk.extension', { ext }))}
          </Typography>
        </Stack>
      )}
      <Divider sx={{ my: 1.5 }} />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
        {SECTIONS.map((f) => (
          <Box key={f} sx={f === 'summary' ? { gridColumn: '1 / -1' } : undefined}>
            <Typography variant="subtitle2" color="primary">
              {tl(`fields.${f}`)}
            </Typography>
            <Typography sx={{ whiteSpace: 'pre-line' }}>{topicText(topic, f, lang) || '—'}</Typography>
          </Box>
        ))}
      </Box>
      {topic.webUrl && (
        <Typography sx={{ mt: 1.5, wordBreak: 'break-all' }} variant="body2">
          {tl('desk.webLine', { url: topic.webUrl })}
        </Typography>
      )}
      {topic.related.length > 0 && (
        <Box sx={{ mt: 1.5 }}>
          <Typography variant="subtitle2" color="primary">
            {tl('fields.relatedIds')}
          </Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 0.5, flexWrap: 'wrap' }}>
            {topic.related.map((r) => (
              <Chip
                key={r.id}
                label={lang === 'en' ? r.titleEn : r.titleZh}
                onClick={onOpenRelated ? () => onOpenRelated(r.id) : undefined}
                variant="outlined"
              />
            ))}
          </Stack>
        </Box>
      )}
    </Paper>
  );
}
