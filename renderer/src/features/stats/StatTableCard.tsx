import { Box, Grid, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { cellText, isNumeric, type Cell, type ReportTable } from '../../../../shared/domain/reportTable';
import type { Period } from '../../../../shared/domain/statsPeriod';
import { currentLang } from '../../app/i18n';
import { ExportButton } from '../../components/ExportButton';
import { StatChart } from './StatChart';
import { useTextOf } from './useStats';

/** One statistics table as on paper: title, export, the figures, the formula of every rate, the chart beside. */
export function StatTableCard({ table, period }: { table: ReportTable; period: Period }) {
  const { t } = useTranslation('stats');
  const tx = useTextOf();
  const lang = currentLang();
  const text = (c: Cell) => cellText(c, lang, (k, p) => t(k, p ?? {}));
  const notes = [...table.formulas, ...table.notes];
  const hasChart = table.chart !== null && table.rows.length > 0;
  const wide = table.columns.length > 4 || table.chart?.type === 'line' || table.rows.length > 12;
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
            <Table size="small" aria-label={title}>
              <TableHead>
                <TableRow>
                  {table.columns.map((c) => (
                    <TableCell key={c.key} align={isNumeric(c.kind) ? 'right' : 'left'} sx={{ whiteSpace: isNumeric(c.kind) ? 'nowrap' : undefined }}>
                      {tx(c.label)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {table.rows.map((row, i) => (
                  <TableRow key={i} hover>
                    {row.map((c, j) => (
                      <TableCell key={j} align={isNumeric(c.t) ? 'right' : 'left'} sx={{ whiteSpace: isNumeric(c.t) ? 'nowrap' : undefined }}>
                        {text(c)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
                {table.total && (
                  <TableRow sx={{ '& td': { fontWeight: 700, borderTop: 2, borderColor: 'divider' } }}>
                    {table.total.map((c, j) => (
                      <TableCell key={j} align={isNumeric(c.t) ? 'right' : 'left'}>
                        {text(c)}
                      </TableCell>
                    ))}
                  </TableRow>
                )}
              </TableBody>
            </Table>
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
