import { Box, useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { cellText, type Cell, type ReportTable } from '../../../../shared/domain/reportTable';
import { unitsToFraction } from '../../../../shared/lib/percent';
import { currentLang } from '../../app/i18n';
import { useTranslation } from 'react-i18next';
import { useTextOf } from './useStats';

const valueOf = (c: Cell | undefined): number =>
  c === undefined ? 0 : c.t === 'count' ? c.n : c.t === 'percent' ? (c.units === null ? 0 : unitsToFraction(c.units, c.decimals) * 100) : c.t === 'decimal' ? (c.value ?? 0) : 0;

/**
 * The table's chart (its ChartSpec) with @mui/x-charts. Bars carry their value as a label,
 * and the table stays beside the chart, so no number is only a shape.
 */
export function StatChart({ table }: { table: ReportTable }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const tx = useTextOf();
  const spec = table.chart;
  if (!spec || table.rows.length === 0) return null;
  const lang = currentLang();
  const labels = table.rows.map((r) => cellText(r[spec.category] ?? { t: 'text', text: { raw: '' } }, lang, (k, p) => t(k, p ?? {})));
  const series = spec.series.map((col) => ({ label: tx(table.columns[col]?.label ?? { raw: '' }), data: table.rows.map((r) => valueOf(r[col])) }));
  if (series.every((s) => s.data.every((v) => v === 0))) return null;
  const colors = [theme.palette.primary.main, theme.palette.secondary.main, theme.palette.warning.main];
  const colored = series.map((s, i) => ({ ...s, color: colors[i % colors.length] }));
  // Room past the longest bar for its value label, which would otherwise be clipped.
  const max = Math.max(...series.flatMap((s) => s.data));
  // Counts tick at whole numbers only (no "0.5 calls").
  const tickMinStep = series.every((x) => x.data.every(Number.isInteger)) ? 1 : undefined;
  const valueAxis = { min: 0, max: max * 1.18 + (max < 10 ? 1 : 0), tickMinStep };
  // x-charts hides a tick label taller than its axis; CJK fonts are taller than the default allows.
  const X_AXIS_HEIGHT = 36;

  if (spec.type === 'line') {
    return (
      <Box data-testid={`chart-${table.id}`}>
        <LineChart
          height={260}
          skipAnimation
          xAxis={[{ scaleType: 'point', data: labels, height: X_AXIS_HEIGHT }]}
          series={colored.map((s) => ({ ...s, showMark: true, curve: 'linear' as const }))}
          yAxis={[{ min: 0, tickMinStep }]}
          margin={{ left: 8, right: 32 }}
        />
      </Box>
    );
  }
  const across = labels.length > 12 && labels.every((l) => l.length <= 6);
  if (across) {
    return (
      <Box data-testid={`chart-${table.id}`}>
        <BarChart
          height={240}
          skipAnimation
          hideLegend
          xAxis={[{ scaleType: 'band', data: labels, height: X_AXIS_HEIGHT }]}
          yAxis={[valueAxis]}
          series={colored.slice(0, 1).map((s) => ({ ...s, barLabel: (item) => (item.value ? String(item.value) : null), barLabelPlacement: 'outside' as const }))}
        />
      </Box>
    );
  }
  return (
    <Box data-testid={`chart-${table.id}`}>
      <BarChart
        layout="horizontal"
        height={Math.max(140, labels.length * 30 + 50)}
        skipAnimation
        hideLegend={series.length < 2}
        yAxis={[{ scaleType: 'band', data: labels, width: 150 }]}
        xAxis={[{ ...valueAxis, height: X_AXIS_HEIGHT }]}
        series={colored.map((s) => ({ ...s, barLabel: 'value' as const, barLabelPlacement: 'outside' as const }))}
        margin={{ right: 36 }}
      />
    </Box>
  );
}
