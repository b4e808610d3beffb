import { useState } from 'react';
import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { NO_CAPS } from './Kbd';

export type SlipLayout = 'a4' | 'receipt';

const STORAGE_KEY = 'counter.slipLayout';

/**
 * The desk's slip layout, remembered on this PC. Each layout is its own document kind
 * ('counter.slip' / 'counter.slip80'), so the print dialog remembers a printer per layout:
 * the receipt goes to the receipt printer, A4 to the office printer.
 */
export function useSlipLayout(): [SlipLayout, (l: SlipLayout) => void] {
  const [layout, setLayout] = useState<SlipLayout>(() => (localStorage.getItem(STORAGE_KEY) === 'receipt' ? 'receipt' : 'a4'));
  return [
    layout,
    (l) => {
      localStorage.setItem(STORAGE_KEY, l);
      setLayout(l);
    },
  ];
}

export const slipKind = (base: 'counter.slip' | 'counter.statusSlip', layout: SlipLayout) => (layout === 'receipt' ? `${base}80` : base);

export function SlipLayoutToggle({ value, onChange }: { value: SlipLayout; onChange(l: SlipLayout): void }) {
  const { t } = useTranslation('counter');
  return (
    <ToggleButtonGroup sx={NO_CAPS} exclusive size="small" value={value} onChange={(_, v: SlipLayout | null) => v && onChange(v)} aria-label={t('desk.layout')}>
      <ToggleButton value="a4">{t('desk.layoutA4')}</ToggleButton>
      <ToggleButton value="receipt">{t('desk.layoutReceipt')}</ToggleButton>
    </ToggleButtonGroup>
  );
}
