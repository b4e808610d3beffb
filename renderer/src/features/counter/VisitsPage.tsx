import { useState } from 'react';
import { Box, Button, Chip, IconButton, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { useTranslation } from 'react-i18next';
import { refName } from '../../../../shared/domain/reference';
import { formatDateForLang } from '../../../../shared/lib/rocDate';
import { addDays, formatTime } from '../../../../shared/lib/time';
import { useLanguage } from '../../app/language';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { useReference } from '../reference/useReference';
import { useDayVisits } from './hooks';

const COLUMNS = ['time', 'topics', 'lang', 'outcome', 'unit', 'satisfaction', 'staff', 'note'] as const;

/** The visit log of one day (today by default): who asked what, in which language, and how it ended. */
export default function VisitsPage() {
  const { t } = useTranslation('counter');
  const { lang } = useLanguage();
  const [date, setDate] = useState<string | undefined>(undefined);
  const day = useDayVisits(date);
  const refs = useReference();
  const units = [...(refs.data?.guidanceUnit ?? []), ...(refs.data?.referralUnit ?? [])];
  const shown = day.data?.date;
  const summary = day.data?.summary;

  return (
    <Box>
      <PageHeader title={t('visits.title')} subtitle={t('visits.subtitle')} />
      <Paper variant="outlined" sx={{ p: 1.5, mb: 2 }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <IconButton aria-label={t('visits.previousDay')} onClick={() => shown && setDate(addDays(shown, -1))}>
            <ChevronLeftIcon />
          </IconButton>
          <Typography variant="h3" component="p" data-testid="visits-date">
            {shown ? formatDateForLang(shown, lang, 'long') : ''}
          </Typography>
          <IconButton aria-label={t('visits.nextDay')} onClick={() => shown && setDate(addDays(shown, 1))}>
            <ChevronRightIcon />
          </IconButton>
          <Button onClick={() => setDate(undefined)} disabled={date === undefined}>
            {t('visits.today')}
          </Button>
          <Box sx={{ flex: 1 }} />
          {shown && <ExportButton kind="counter.visits" params={{ date: shown }} testId="visits-export" />}
          {summary && (
            <>
              <Chip color="primary" label={t('visits.total', { count: summary.total })} data-testid="visits-total" />
              <Chip variant="outlined" label={`${t('visit.outcomes.answered')} ${summary.byOutcome.answered}`} />
              <Chip variant="outlined" label={`${t('visit.outcomes.referred')} ${summary.byOutcome.referred}`} />
              <Chip variant="outlined" label={`${t('visit.outcomes.followUp')} ${summary.byOutcome.followUp}`} />
              <Chip
                variant="outlined"
                label={summary.meanSatisfaction === null ? t('visits.noRating') : t('visits.mean', { value: summary.meanSatisfaction.toFixed(1), count: summary.rated })}
              />
            </>
          )}
        </Stack>
      </Paper>
      <Paper variant="outlined">
        <Table size="small">
          <TableHead>
            <TableRow>
              {COLUMNS.map((c) => (
                <TableCell key={c}>{t(`visits.columns.${c}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {(day.data?.visits ?? []).map((v) => {
              const unit = units.find((u) => u.id === v.unitId);
              return (
                <TableRow key={v.id} data-testid="visit-row">
                  <TableCell className="num">{formatTime(v.visitedAt)}</TableCell>
                  <TableCell>{v.topics.map((x) => (lang === 'en' ? x.titleEn : x.titleZh)).join(lang === 'en' ? '; ' : '、')}</TableCell>
                  <TableCell>{v.lang === 'en' ? 'English' : '中文'}</TableCell>
                  <TableCell>{t(`visit.outcomes.${v.outcome}`)}</TableCell>
                  <TableCell>{unit ? refName(unit, lang) : ''}</TableCell>
                  <TableCell>{v.satisfaction ?? ''}</TableCell>
                  <TableCell>{v.staffName}</TableCell>
                  <TableCell>{v.note}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {day.data && day.data.visits.length === 0 && (
          <Typography sx={{ p: 2 }} color="text.secondary">
            {t('visits.empty')}
          </Typography>
        )}
      </Paper>
    </Box>
  );
}
