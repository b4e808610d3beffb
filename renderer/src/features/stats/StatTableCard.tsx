import { Box, Grid, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ReportTable } from '../../../../shared/domain/reportTable';
import type { Period } from '../../../../shared/domain/statsPeriod';
import { ExportButton } from '../../components/ExportButton';
import { StatChart } from './StatChart';
import { StatTableView } from './StatTableView';
import { useTextOf } from './useStats';

/** One statistics table as on paper: title, export, the figures, the formula of every rate, the chart beside. */
export function StatTableCard({ table, period }: { table: ReportTable; period: Period }) {
  const { t } = useTranslation('stats');
  const tx = useTextOf();
  const notes = [...table.formulas, ...table.notes];
  const hasChart = table.chart !== null && table.rows.length > 0;
  const wide = table.columns.length > 4 || table.chart?.type === 'line' || table.layout === 'across' || table.rows.length > 12;
  const title = tx(table.title);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid={`stat-table-${table.id}`} component="section" aria-label={title}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Typography variant="h3" component="h3" sx={{ flex: 1 }}>
          {title}
        </Typography>
        <ExportButton kind="stats.table" params={{ period, table: table.id }} testId={`export-${table.id}`} />
      </Box>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: hasChart && !wide ? 6 : 12 }}>
          <Box sx={{ overflowX: 'auto' }}>
            <StatTableView table={table} title={title} />
            {table.rows.length === 0 && (
              <Typography color="text.secondary" sx={{ p: 1 }}>
                {t('screen.noRows')}
              </Typography>
            )}
          </Box>
          {notes.length > 0 && (
            <Box component="ul" sx={{ m: 0, mt: 1, pl: 2.5, color: 'text.secondary', fontSize: '0.85rem' }} aria-label={t('screen.formulas')}>
              {notes.map((n, i) => (
                <li key={i}>{tx(n)}</li>
              ))}
            </Box>
          )}
        </Grid>
        {hasChart && (
          <Grid size={{ xs: 12, lg: wide ? 12 : 6 }} aria-label={t('screen.chart', { title })}>
            <StatChart table={table} />
          </Grid>
        )}
      </Grid>
    </Paper>
  );
}
