import { useState } from 'react';
import { Alert, Box, Button, Grid, Paper, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RosterRow } from '../../../../shared/api/channels/lecturesTypes';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useNav } from '../../app/nav';
import { PrintDialog } from '../../components/PrintDialog';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useRefreshLectures, useSessionDetail } from './hooks';
import { useDayLabel, useVenueName } from './labels';
import { FiguresView } from './FiguresView';
import { RosterTable } from './RosterTable';
import { EnrolDialog } from './EnrolDialog';
import { SessionFormDialog } from './SessionFormDialog';
import { CancelSessionDialog } from './CancelSessionDialog';
import { CounsellingPanel } from './CounsellingPanel';
import { CHECKIN_SESSION_KEY } from './CheckInPage';

type Printing = { kind: string; params: Record<string, unknown>; markNotified?: number[] } | null;

/** The chosen session's workbench: roster, enrolment, notices, the day after, counselling, figures. */
export function SessionDetail({ sessionId, onGone }: { sessionId: number; onGone(): void }) {
  const { t } = useTranslation('lectures');
  const { go } = useNav();
  const { data, error } = useSessionDetail(sessionId);
  const refresh = useRefreshLectures();
  const dayLabel = useDayLabel();
  const venueName = useVenueName();
  const [dialog, setDialog] = useState<'enrol' | 'edit' | 'cancel' | null>(null);
  const [printing, setPrinting] = useState<Printing>(null);
  const [message, setMessage] = useState<string | null>(null);

  const act = useMutation({
    mutationFn: async (what: 'noShows' | 'complete'): Promise<string> => {
      if (what === 'noShows') {
        const r = await unwrap(api().lectures.markNoShows({ sessionId }));
        return t('detail.noShowsMarked', { count: r.changed });
      }
      const ids = (data?.roster ?? []).filter((r) => r.status === 'checkedIn').map((r) => r.enrolmentId);
      const r = await unwrap(api().lectures.complete({ sessionId, enrolmentIds: ids }));
      return t('detail.completed', { count: r.changed });
    },
    onSuccess: async (text) => {
      setMessage(text);
      await refresh();
    },
  });
  const notified = useMutation({
    mutationFn: (ids: number[]) => unwrap(api().lectures.markNotified({ enrolmentIds: ids })),
    onSuccess: async (r) => {
      setMessage(t('detail.notifiedCount', { count: r.changed }));
      await refresh();
    },
  });
  const errors = useFieldErrors(apiErrorOf(act.error ?? notified.error), []);

  if (error) {
    return (
      <Alert severity="warning" action={<Button onClick={onGone}>{t('common:common.close')}</Button>}>
        {t('common:errors.notFound')}
      </Alert>
    );
  }
  if (!data) return null;
  const s = data.session;
  const roster = data.roster;
  const toNotify = roster.filter((r: RosterRow) => r.status === 'scheduled').map((r) => r.enrolmentId);
  const checkedIn = roster.filter((r) => r.status === 'checkedIn').length;
  const completed = roster.filter((r) => r.status === 'completed').length;

  return (
    <Box data-testid="session-detail">
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <Box sx={{ flex: 1, minWidth: 280 }}>
            <Typography variant="h2" component="h2" data-testid="session-title">
              {dayLabel(s.date)} {s.startTime}–{s.endTime} · {t(`kind.${s.kind}`)}
            </Typography>
            <Typography color="text.secondary">
              {[venueName(s.venueId), t('sessions.bookedOf', { booked: s.booked, capacity: s.capacity }), t('detail.hours', { hours: s.hours })].filter(Boolean).join(' · ')}
            </Typography>
            {(s.instructors || s.topics) && (
              <Typography variant="body2" color="text.secondary">
                {[s.instructors && t('detail.instructors', { v: s.instructors }), s.topics && t('detail.topics', { v: s.topics })].filter(Boolean).join(' · ')}
              </Typography>
            )}
          </Box>
          {!s.cancelled && (
            <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
              <Button onClick={() => setDialog('edit')}>{t('detail.edit')}</Button>
              <Button variant="contained" onClick={() => setDialog('enrol')} data-testid="enrol-open">
                {t('detail.enrol')}
              </Button>
              <Button
                variant="outlined"
                disabled={toNotify.length === 0}
                onClick={() => setPrinting({ kind: 'lectures.notice', params: { sessionId, enrolmentIds: toNotify }, markNotified: toNotify })}
                data-testid="print-notices"
              >
                {t('detail.printNotices', { count: toNotify.length })}
              </Button>
              <Button variant="outlined" onClick={() => setPrinting({ kind: 'lectures.signInSheet', params: { sessionId } })} data-testid="print-sign-in">
                {t('detail.printSignIn')}
              </Button>
              <Button
                variant="outlined"
                onClick={() => {
                  sessionStorage.setItem(CHECKIN_SESSION_KEY, String(sessionId));
                  go('lecture-checkin');
                }}
              >
                {t('detail.goCheckIn')}
              </Button>
              <Button color="warning" onClick={() => act.mutate('noShows')} data-testid="mark-no-shows">
                {t('detail.markNoShows')}
              </Button>
              <Button color="success" disabled={checkedIn === 0} onClick={() => act.mutate('complete')} data-testid="complete">
                {t('detail.complete', { count: checkedIn })}
              </Button>
              <Button
                disabled={completed === 0}
                onClick={() => setPrinting({ kind: 'lectures.certificate', params: { sessionId } })}
                data-testid="print-certificates"
              >
                {t('detail.printCertificates', { count: completed })}
              </Button>
              <Button color="error" onClick={() => setDialog('cancel')}>
                {t('detail.cancelSession')}
              </Button>
            </Stack>
          )}
        </Stack>
        {s.cancelled && <Alert severity="warning" sx={{ mt: 1 }}>{t('detail.cancelledBanner', { reason: s.cancelReason })}</Alert>}
        {message && (
          <Alert severity="success" sx={{ mt: 1 }} onClose={() => setMessage(null)} data-testid="detail-message">
            {message}
          </Alert>
        )}
        {errors.general && <Alert severity="error" sx={{ mt: 1 }}>{errors.general}</Alert>}
      </Paper>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, xl: 8 }}>
          <RosterTable session={s} roster={roster} onPrint={(kind, params, markNotified) => setPrinting({ kind, params, markNotified })} />
        </Grid>
        <Grid size={{ xs: 12, xl: 4 }}>
          <FiguresView figures={data.figures} title={t('figures.sessionTitle')} />
          <CounsellingPanel sessionId={sessionId} roster={roster} consultations={data.consultations} disabled={s.cancelled} />
        </Grid>
      </Grid>
      {dialog === 'enrol' && <EnrolDialog session={s} onClose={() => setDialog(null)} />}
      {dialog === 'edit' && <SessionFormDialog session={s} initialDate={s.date} onClose={() => setDialog(null)} onSaved={() => setDialog(null)} />}
      {dialog === 'cancel' && <CancelSessionDialog sessionId={sessionId} onClose={() => setDialog(null)} />}
      {printing && (
        <PrintDialog
          kind={printing.kind}
          params={printing.params}
          onClose={() => setPrinting(null)}
          onDone={() => {
            if (printing.markNotified?.length) notified.mutate(printing.markNotified);
          }}
        />
      )}
    </Box>
  );
}
