import { Box, Chip, Paper, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_TARGET, COUNSELLING_TARGET, formatRate, type Figures } from '../../../../shared/domain/lectureFigures';

function Rate({ label, rate, formula, target, testId }: { label: string; rate: number | null; formula: string; target?: number; testId: string }) {
  const { t } = useTranslation('lectures');
  return (
    <Box sx={{ mb: 1.5 }} data-testid={testId}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1 }}>
        <Typography sx={{ flex: 1 }}>{label}</Typography>
        <Typography variant="h3" component="span">
          {formatRate(rate)}
        </Typography>
        {target !== undefined && rate !== null && (
          <Chip size="small" color={rate >= target ? 'success' : 'warning'} label={t('figures.target', { target: formatRate(target) })} />
        )}
      </Box>
      <Typography variant="caption" color="text.secondary">
        {formula}
      </Typography>
    </Box>
  );
}

/** Counts and rates with their formulas written out, so the 70% and 11% targets can be judged. */
export function FiguresView({ figures: f, title }: { figures: Figures; title: string }) {
  const { t } = useTranslation('lectures');
  const counts: [string, number][] = [
    ['due', f.due],
    ['attended', f.attended],
    ['approvedLeave', f.approvedLeave],
    ['leavePending', f.leavePending],
    ['transferredOut', f.transferredOut],
    ['noShow', f.noShow],
    ['consultations', f.consultations],
  ];
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
      <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <Rate
        label={t('figures.attendanceRate')}
        rate={f.attendanceRate}
        target={ATTENDANCE_TARGET}
        testId="rate-attendance"
        formula={t('figures.formula.attendance', { attended: f.attended, due: f.due, leave: f.approvedLeave, out: f.transferredOut, adjusted: f.adjustedDue })}
      />
      <Rate
        label={t('figures.rawRate')}
        rate={f.rawAttendanceRate}
        testId="rate-raw"
        formula={t('figures.formula.raw', { attended: f.attended, due: f.due })}
      />
      <Rate
        label={t('figures.counsellingRate')}
        rate={f.counsellingRate}
        target={COUNSELLING_TARGET}
        testId="rate-counselling"
        formula={t('figures.formula.counselling', { consultations: f.consultations, attended: f.attended })}
      />
      <Table size="small">
        <TableBody>
          {counts.map(([k, v]) => (
            <TableRow key={k}>
              <TableCell>{t(`figures.count.${k}`)}</TableCell>
              <TableCell align="right" data-testid={`count-${k}`}>
                {v}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
