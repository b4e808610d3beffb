import { useEffect, useState } from 'react';
import { Box, Button, Paper, Tab, Tabs, Typography } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import { useTranslation } from 'react-i18next';
import { STATS_SECTIONS, type StatsSection } from '../../../../shared/api/channels/stats';
import { monthOf, shiftPeriod, type Period } from '../../../../shared/domain/statsPeriod';
import { taipeiDateKey } from '../../../../shared/lib/time';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { PrintDialog } from '../../components/PrintDialog';
import { PeriodPicker } from './PeriodPicker';
import { SectionView } from './SectionView';

/**
 * Supervisor's statistics (issue 6): a period, the bureau's tables per part with the formula
 * of every rate, charts with their numbers, exports of every table, and the printed report.
 * Keyboard: Alt+←/→ previous/next period, Ctrl+P print the report.
 */
export default function StatsPage() {
  const { t } = useTranslation('stats');
  const today = taipeiDateKey(new Date());
  const [period, setPeriod] = useState<Period>(() => monthOf(new Date()));
  const [section, setSection] = useState<StatsSection>('hotline');
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
        e.preventDefault();
        setPeriod((p) => shiftPeriod(p, e.key === 'ArrowLeft' ? -1 : 1));
      } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        setPrinting(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Box>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <ExportButton kind="stats.workbook" params={{ period }} formats={['xlsx']} label={t('export.all')} testId="export-all" />
            <Button variant="contained" startIcon={<PrintIcon />} onClick={() => setPrinting(true)} data-testid="print-report">
              {t('report.print')}
            </Button>
          </>
        }
      />
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <PeriodPicker value={period} onChange={setPeriod} today={today} />
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
          {t('screen.shortcuts')}
        </Typography>
      </Paper>
      <Tabs value={section} onChange={(_, s: StatsSection) => setSection(s)} sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
        {STATS_SECTIONS.map((s) => (
          <Tab key={s} value={s} label={t(`screen.tabs.${s}`)} data-testid={`stats-tab-${s}`} />
        ))}
      </Tabs>
      <SectionView period={period} section={section} />
      {printing && <PrintDialog kind="stats.monthlyReport" params={{ period }} onClose={() => setPrinting(false)} />}
    </Box>
  );
}
