import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiErrorOf, unwrap } from '../app/api';
import { currentLang } from '../app/i18n';
import { useFieldErrors } from './useFieldErrors';

interface Props {
  kind: string;
  params?: unknown;
  onClose(): void;
  /** called after the document was really printed or saved (not on preview), e.g. to record a notice as sent */
  onDone?(outcome: { mode: 'pdf' | 'printer'; path: string | null }): void;
}

/**
 * The one print dialog: a preview of exactly the HTML that will print, a printer and
 * copies, or "save as PDF". Printing happens in main (hidden window); this only asks.
 */
export function PrintDialog({ kind, params = {}, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const preview = useQuery({ queryKey: ['print-preview', kind, params, lang], queryFn: () => unwrap(api().print.preview({ kind, params, lang })), staleTime: 0 });
  const printers = useQuery({ queryKey: ['printers'], queryFn: () => unwrap(api().print.printers({})) });
  // '' = the system's default printer (Electron no longer says which printer that is).
  const [deviceName, setDeviceName] = useState<string | null>(null);
  const [copies, setCopies] = useState('1');
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    if (deviceName !== null || !printers.data || !preview.data) return;
    const remembered = preview.data.lastPrinter;
    const pick = printers.data.find((p) => p.name === remembered) ?? printers.data.find((p) => p.isDefault);
    setDeviceName(pick?.name ?? '');
  }, [printers.data, preview.data, deviceName]);

  const run = useMutation({
    mutationFn: (mode: 'pdf' | 'printer') =>
      unwrap(
        api().print.run({
          kind,
          params,
          lang,
          target: mode === 'pdf' ? { mode } : { mode, deviceName: deviceName ?? '', copies: Number(copies) || 0 },
        }),
      ),
    onSuccess: (outcome, mode) => {
      if (!outcome.done) return;
      onDone?.({ mode, path: outcome.path });
      setDone(mode === 'pdf' ? t('print.savedTo', { path: outcome.path ?? '' }) : t('print.sent'));
    },
  });
  const errors = useFieldErrors(apiErrorOf(run.error ?? preview.error), ['target.deviceName', 'target.copies']);

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg">
      <DialogTitle>{preview.data?.title ?? t('print.title')}</DialogTitle>
      <DialogContent>
        <Box sx={{ display: 'flex', gap: 2, minHeight: 480 }}>
          <Box sx={{ flex: 1, bgcolor: (th) => (th.palette.mode === 'dark' ? 'grey.800' : 'grey.300'), p: 1, borderRadius: 1, display: 'grid', placeItems: 'center' }}>
            {preview.isLoading && <CircularProgress />}
            {preview.data && (
              // sandbox="" with no allowances: the preview can run no script and reach nothing.
              <iframe
                title={t('print.preview')}
                sandbox=""
                srcDoc={preview.data.html}
                data-testid="print-preview"
                style={{ width: preview.data.format === 'a4' ? '100%' : 340, height: 560, border: 0, background: '#fff' }}
              />
            )}
          </Box>
          <Stack spacing={2} sx={{ width: 280 }}>
            <TextField
              select
              label={t('print.printer')}
              value={deviceName ?? ''}
              onChange={(e) => setDeviceName(e.target.value)}
              slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
              {...errors.field('target.deviceName')}
            >
              <MenuItem value="">{t('print.systemDefault')}</MenuItem>
              {(printers.data ?? []).map((p) => (
                <MenuItem key={p.name} value={p.name}>
                  {p.displayName}
                  {p.isDefault ? ` (${t('print.default')})` : ''}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={t('print.copies')}
              type="number"
              value={copies}
              onChange={(e) => setCopies(e.target.value)}
              slotProps={{ htmlInput: { min: 1, max: 99 } }}
              {...errors.field('target.copies')}
            />
            {errors.general && <Alert severity="error">{errors.general}</Alert>}
            {done && <Alert severity="success" data-testid="print-done">{done}</Alert>}
          </Stack>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')}</Button>
        <Button onClick={() => run.mutate('pdf')} disabled={!preview.data || run.isPending} data-testid="print-save-pdf">
          {t('print.savePdf')}
        </Button>
        <Button variant="contained" onClick={() => run.mutate('printer')} disabled={!preview.data || deviceName === null || run.isPending}>
          {t('print.print')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
