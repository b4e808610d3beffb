import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Chip, LinearProgress, List, ListItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatDateForLang, parseDateInput } from '../../../../shared/lib/rocDate';
import { addDays, taipeiDateKey } from '../../../../shared/lib/time';
import { apiErrorOf } from '../../app/api';
import { useLanguage } from '../../app/language';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { useFieldErrors } from '../../components/useFieldErrors';
import { FAQ_LIMIT, useFaq } from './hooks';

type Period = { from: string; to: string };

function presets(today: string): Record<'week' | 'month' | 'thisMonth' | 'year', Period> {
  return {
    week: { from: addDays(today, -6), to: today },
    month: { from: addDays(today, -29), to: today },
    thisMonth: { from: `${today.slice(0, 8)}01`, to: today },
    year: { from: `${today.slice(0, 5)}01-01`, to: today },
  };
}

/** 常見問題: the topics visitors asked about most over a period, counted from the visit log. */
export default function FaqPage() {
  const { t } = useTranslation('counter');
  const { lang } = useLanguage();
  const today = taipeiDateKey(new Date());
  const ranges = presets(today);
  const [period, setPeriod] = useState<Period>(ranges.month);
  const [typed, setTyped] = useState({ from: formatDateForLang(period.from, lang, 'short'), to: formatDateForLang(period.to, lang, 'short') });
  const [typoField, setTypoField] = useState<'from' | 'to' | null>(null);
  const faq = useFaq(period);
  const errors = useFieldErrors(apiErrorOf(faq.error), ['from', 'to']);

  const choose = (p: Period) => {
    setPeriod(p);
    setTyped({ from: formatDateForLang(p.from, lang, 'short'), to: formatDateForLang(p.to, lang, 'short') });
    setTypoField(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const from = parseDateInput(typed.from);
    const to = parseDateInput(typed.to);
    if (!from.ok) return setTypoField('from');
    if (!to.ok) return setTypoField('to');
    setTypoField(null);
    setPeriod({ from: from.date, to: to.date });
  };
  const fieldProps = (name: 'from' | 'to') =>
    typoField === name ? { error: true, helperText: t('errors.date') } : { ...errors.field(name), helperText: errors.message(name) ?? t('faq.dateHint') };

  const data = faq.data;
  return (
    <Box>
      <PageHeader title={t('faq.title')} subtitle={t('faq.subtitle')} />
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <form onSubmit={submit} noValidate>
          <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
            <TextField label={t('faq.from')} value={typed.from} onChange={(e) => setTyped((x) => ({ ...x, from: e.target.value }))} sx={{ width: 200 }} {...fieldProps('from')} />
            <TextField label={t('faq.to')} value={typed.to} onChange={(e) => setTyped((x) => ({ ...x, to: e.target.value }))} sx={{ width: 200 }} {...fieldProps('to')} />
            <Button type="submit" variant="contained">
              {t('faq.show')}
            </Button>
            {(Object.keys(ranges) as (keyof typeof ranges)[]).map((k) => (
              <Button key={k} onClick={() => choose(ranges[k])}>
                {t(`faq.presets.${k}`)}
              </Button>
            ))}
          </Stack>
        </form>
        {errors.general && <Alert severity="error">{errors.general}</Alert>}
      </Paper>
      {data && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Stack direction="row" sx={{ mb: 1, alignItems: 'center' }}>
            <Typography sx={{ flex: 1 }} data-testid="faq-total">
              {formatDateForLang(data.from, lang, 'short')} – {formatDateForLang(data.to, lang, 'short')} · {t('faq.totalVisits', { count: data.totalVisits })}
            </Typography>
            <ExportButton kind="counter.faq" params={{ from: data.from, to: data.to, limit: FAQ_LIMIT }} testId="faq-export" />
          </Stack>
          {data.items.length === 0 && <Typography color="text.secondary">{t('faq.empty')}</Typography>}
          <List disablePadding data-testid="faq-list">
            {data.items.map((item) => (
              <ListItem key={item.topicId} divider data-testid="faq-item" sx={{ display: 'block' }}>
                <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                  <Typography variant="h3" component="span" sx={{ width: 48 }} data-testid="faq-rank">
                    {t('faq.rank', { rank: item.rank })}
                  </Typography>
                  <Box sx={{ flex: 1, minWidth: 0 }}>
                    <Typography sx={{ fontWeight: 700 }} data-testid="faq-title">
                      {lang === 'en' ? item.titleEn : item.titleZh}
                      {item.status !== 'published' && <Chip size="small" sx={{ ml: 1 }} label={t(`status.${item.status}`)} />}
                    </Typography>
                    <Typography variant="body2" color="text.secondary" sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
                      {lang === 'en' ? item.summaryEn : item.summaryZh}
                    </Typography>
                  </Box>
                  <Box sx={{ width: 200 }}>
                    <Typography variant="body2" data-testid="faq-count">
                      {t('faq.count', { count: item.count })} · {t('faq.share', { pct: Math.round(item.share * 100) })}
                    </Typography>
                    <LinearProgress variant="determinate" value={item.share * 100} />
                  </Box>
                </Stack>
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
    </Box>
  );
}
