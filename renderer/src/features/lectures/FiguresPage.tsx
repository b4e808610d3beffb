import { useState } from 'react';
import { Box, Grid, Paper, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatRate } from '../../../../shared/domain/lectureFigures';
import { taipeiDateKey } from '../../../../shared/lib/time';
import { api, unwrap } from '../../app/api';
import { PageHeader } from '../../components/PageHeader';
import { LECTURES_KEY } from './hooks';
import { useDayLabel, useVenueName } from './labels';
import { FiguresView } from './FiguresView';

/** 統計: per session and per month, every rate with its formula (issue 4 §9). */
export default function FiguresPage() {
  const { t } = useTranslation('lectures');
  const dayLabel = useDayLabel();
  const venueName = useVenueName();
  const [month, setMonth] = useState(taipeiDateKey(new Date()).slice(0, 7));
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const report = useQuery({ queryKey: [...LECTURES_KEY, 'figures', month], queryFn: () => unwrap(api().lectures.figures({ month })), enabled: valid });
  const cols = ['due', 'attended', 'approvedLeave', 'transferredOut', 'noShow', 'consultations'] as const;
  return (
    <Box>
      <PageHeader
        title={t('figures.title')}
        subtitle={t('figures.subtitle')}
        actions={<TextField size="small" type="month" label={t('figures.month')} value={month} onChange={(e) => setMonth(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />}
      />
      {report.data && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6, lg: 4 }}>
            <FiguresView figures={report.data.total} title={t('figures.monthTitle')} />
          </Grid>
          <Grid size={{ xs: 12 }}>
            <Paper variant="outlined" sx={{ p: 2 }}>
              <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
                {t('figures.perSession')}
              </Typography>
              <Box sx={{ overflowX: 'auto' }}>
                <Table size="small" data-testid="figures-sessions" sx={{ '& th, & td': { whiteSpace: 'nowrap', px: 1 }, '& td:first-of-type': { whiteSpace: 'normal', minWidth: 180 } }}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('figures.session')}</TableCell>
                      {cols.map((c) => (
                        <TableCell key={c} align="right">
                          {t(`figures.count.${c}`)}
                        </TableCell>
                      ))}
                      <TableCell align="right">{t('figures.attendanceRate')}</TableCell>
                      <TableCell align="right">{t('figures.rawRate')}</TableCell>
                      <TableCell align="right">{t('figures.counsellingRate')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {report.data.sessions.map((s) => (
                      <TableRow key={s.sessionId} sx={{ opacity: s.held ? 1 : 0.55 }}>
                        <TableCell>
                          {dayLabel(s.date)} {s.startTime} · {t(`kind.${s.kind}`)}
                          <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                            {[venueName(s.venueId), s.held ? '' : t('figures.upcoming')].filter(Boolean).join(' · ')}
                          </Typography>
                        </TableCell>
                        {cols.map((c) => (
                          <TableCell key={c} align="right">
                            {s.figures[c]}
                          </TableCell>
                        ))}
                        <TableCell align="right">{formatRate(s.figures.attendanceRate)}</TableCell>
                        <TableCell align="right">{formatRate(s.figures.rawAttendanceRate)}</TableCell>
                        <TableCell align="right">{formatRate(s.figures.counsellingRate)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
              {report.data.sessions.length === 0 && <Typography color="text.secondary">{t('figures.noSessions')}</Typography>}
            </Paper>
          </Grid>
        </Grid>
      )}
    </Box>
  );
}
