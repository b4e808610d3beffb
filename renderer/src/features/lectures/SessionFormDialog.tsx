import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Grid,
  MenuItem,
  Tab,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../../shared/api/channels/lecturesTypes';
import { SESSION_KINDS, defaultKindFor, type SessionKind } from '../../../../shared/domain/lectures';
import { addMonths, seriesDates, weekdayOf } from '../../../../shared/domain/lectureSeries';
import { refName } from '../../../../shared/domain/reference';
import { formatDateForLang, parseDateInput } from '../../../../shared/lib/rocDate';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useLanguage } from '../../app/language';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useActiveRef } from '../reference/useReference';
import { useRefreshLectures } from './hooks';
import { useDayLabel } from './labels';

const FIELDS = ['date', 'startDate', 'endDate', 'weekdays', 'startTime', 'endTime', 'venueId', 'capacity', 'kind', 'hours', 'instructors', 'topics', 'note'];

interface Props {
  /** editing this session; null creates */
  session: SessionSummary | null;
  /** the day picked in the calendar, for a new session */
  initialDate: string;
  onClose(): void;
  onSaved(firstId: number): void;
}

export function SessionFormDialog({ session, initialDate, onClose, onSaved }: Props) {
  const { t } = useTranslation('lectures');
  const { lang } = useLanguage();
  const venues = useActiveRef('venue');
  const refresh = useRefreshLectures();
  const dayLabel = useDayLabel();
  const [mode, setMode] = useState<'single' | 'series'>('single');
  const startDay = session?.date ?? initialDate;
  const [f, setF] = useState({
    date: formatDateForLang(startDay, lang, 'short'),
    startDate: formatDateForLang(startDay, lang, 'short'),
    endDate: formatDateForLang(addMonths(startDay, 3), lang, 'short'),
    startTime: session?.startTime ?? '09:00',
    endTime: session?.endTime ?? '13:00',
    venueId: session?.venueId ?? venues[0]?.id ?? null,
    capacity: String(session?.capacity ?? venues[0]?.extra.capacity ?? 40),
    kind: (session?.kind ?? defaultKindFor(weekdayOf(startDay))) as SessionKind,
    hours: String(session?.hours ?? 4),
    instructors: session?.instructors ?? '',
    topics: session?.topics ?? '',
    note: session?.note ?? '',
  });
  const [weekdays, setWeekdays] = useState<number[]>([weekdayOf(startDay)]);
  const [weeksOfMonth, setWeeksOfMonth] = useState<number[]>([]);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const toggle = (list: number[], v: number) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v].sort());

  const common = () => ({
    startTime: f.startTime,
    endTime: f.endTime,
    venueId: f.venueId,
    capacity: Number(f.capacity),
    kind: f.kind,
    hours: Number(f.hours),
    instructors: f.instructors,
    topics: f.topics,
    note: f.note,
  });
  const save = useMutation({
    mutationFn: async (): Promise<number> => {
      if (session) return (await unwrap(api().lectures.updateSession({ id: session.id, date: f.date, ...common() }))).id;
      if (mode === 'single') return (await unwrap(api().lectures.createSession({ date: f.date, ...common() }))).id;
      const created = await unwrap(api().lectures.createSeries({ startDate: f.startDate, endDate: f.endDate, weekdays, weeksOfMonth, ...common() }));
      return created[0]?.id ?? 0;
    },
    onSuccess: async (id) => {
      await refresh();
      onSaved(id);
    },
  });
  const errors = useFieldErrors(apiErrorOf(save.error), FIELDS);

  const start = parseDateInput(f.startDate);
  const end = parseDateInput(f.endDate);
  const preview = mode === 'series' && start.ok && end.ok ? seriesDates({ startDate: start.date, endDate: end.date, weekdays, weeksOfMonth }) : [];

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{session ? t('session.editTitle') : t('session.newTitle')}</DialogTitle>
      <DialogContent>
        {!session && (
          <Tabs value={mode} onChange={(_, v: 'single' | 'series') => setMode(v)} sx={{ mb: 2 }}>
            <Tab value="single" label={t('session.single')} />
            <Tab value="series" label={t('session.series')} data-testid="series-tab" />
          </Tabs>
        )}
        <Grid container spacing={2} sx={{ pt: 1 }}>
          {mode === 'single' ? (
            <Grid size={{ xs: 12, md: 4 }}>
              <TextField fullWidth autoFocus label={t('session.date')} placeholder={t('dateHint')} value={f.date} onChange={set('date')} {...errors.field('date')} />
            </Grid>
          ) : (
            <>
              <Grid size={{ xs: 12, md: 4 }}>
                <TextField fullWidth autoFocus label={t('session.startDate')} value={f.startDate} onChange={set('startDate')} {...errors.field('startDate')} />
              </Grid>
              <Grid size={{ xs: 12, md: 4 }}>
                <TextField fullWidth label={t('session.endDate')} value={f.endDate} onChange={set('endDate')} {...errors.field('endDate')} />
              </Grid>
              <Grid size={{ xs: 12 }}>
                <FormLabel>{t('session.weekdays')}</FormLabel>
                <FormGroup row>
                  {[1, 2, 3, 4, 5, 6, 0].map((d) => (
                    <FormControlLabel key={d} label={t(`weekday.${d}`)} control={<Checkbox checked={weekdays.includes(d)} onChange={() => setWeekdays(toggle(weekdays, d))} />} />
                  ))}
                </FormGroup>
                {errors.message('weekdays') && <Typography color="error" variant="body2">{errors.message('weekdays')}</Typography>}
                <FormLabel>{t('session.weeksOfMonth')}</FormLabel>
                <FormGroup row>
                  {[1, 2, 3, 4, 5].map((w) => (
                    <FormControlLabel key={w} label={t('session.nth', { n: w })} control={<Checkbox checked={weeksOfMonth.includes(w)} onChange={() => setWeeksOfMonth(toggle(weeksOfMonth, w))} />} />
                  ))}
                </FormGroup>
                <Typography variant="body2" color="text.secondary" data-testid="series-preview">
                  {t('session.seriesPreview', { count: preview.length })} {preview.slice(0, 8).map(dayLabel).join('、')}
                  {preview.length > 8 ? '…' : ''}
                </Typography>
              </Grid>
            </>
          )}
          <Grid size={{ xs: 6, md: 2 }}>
            <TextField fullWidth label={t('session.startTime')} value={f.startTime} onChange={set('startTime')} {...errors.field('startTime')} />
          </Grid>
          <Grid size={{ xs: 6, md: 2 }}>
            <TextField fullWidth label={t('session.endTime')} value={f.endTime} onChange={set('endTime')} {...errors.field('endTime')} />
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <TextField
              select
              fullWidth
              label={t('session.venue')}
              value={f.venueId ?? ''}
              onChange={(e) => {
                const v = venues.find((x) => x.id === Number(e.target.value));
                setF({ ...f, venueId: v?.id ?? null, capacity: v?.extra.capacity ? String(v.extra.capacity) : f.capacity });
              }}
              {...errors.field('venueId')}
            >
              {venues.map((v) => (
                <MenuItem key={v.id} value={v.id}>
                  {refName(v, lang)}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 6, md: 2 }}>
            <TextField fullWidth type="number" label={t('session.capacity')} value={f.capacity} onChange={set('capacity')} {...errors.field('capacity')} />
          </Grid>
          <Grid size={{ xs: 6, md: 2 }}>
            <TextField fullWidth type="number" label={t('session.hours')} value={f.hours} onChange={set('hours')} slotProps={{ htmlInput: { step: 0.5 } }} {...errors.field('hours')} />
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <TextField select fullWidth label={t('session.kind')} value={f.kind} onChange={set('kind')} {...errors.field('kind')}>
              {SESSION_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {t(`kind.${k}`)}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, md: 8 }}>
            <TextField fullWidth label={t('session.instructors')} value={f.instructors} onChange={set('instructors')} {...errors.field('instructors')} />
          </Grid>
          <Grid size={{ xs: 12 }}>
            <TextField fullWidth label={t('session.topics')} value={f.topics} onChange={set('topics')} {...errors.field('topics')} />
          </Grid>
          <Grid size={{ xs: 12 }}>
            <TextField fullWidth label={t('session.note')} value={f.note} onChange={set('note')} {...errors.field('note')} />
          </Grid>
        </Grid>
        {errors.general && <Alert severity="error">{errors.general}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:common.cancel')}</Button>
        <Button variant="contained" onClick={() => save.mutate()} disabled={save.isPending} data-testid="session-save">
          {mode === 'series' && !session ? t('session.createSeries', { count: preview.length }) : t('common:common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
