import { useState, type MouseEvent } from 'react';
import { Alert, Button, CircularProgress, ListItemIcon, ListItemText, Menu, MenuItem, Snackbar } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import GridOnIcon from '@mui/icons-material/GridOn';
import NotesIcon from '@mui/icons-material/Notes';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../shared/api/channels/export';
import { api, apiErrorOf, unwrap } from '../app/api';
import { currentLang } from '../app/i18n';

export interface ExportButtonProps {
  /** a registered export (electron/core/export/registry.ts), e.g. 'stats.table' or 'hotline.calls' */
  kind: string;
  /** that export's parameters: for a list screen, exactly the filter it shows */
  params: unknown;
  /** formats offered; both by default */
  formats?: readonly ExportFormat[];
  /** button text; 匯出 / Export by default */
  label?: string;
  size?: 'small' | 'medium';
  variant?: 'text' | 'outlined' | 'contained';
  /** for tests and for several buttons on one screen */
  testId?: string;
}

const ICONS: Record<ExportFormat, typeof GridOnIcon> = { xlsx: GridOnIcon, csv: NotesIcon };

/**
 * The one export control of the app: a button with a menu of formats (or a single button
 * for one format). Main builds the file from the records and asks where to save it; the
 * renderer never holds the data, so what is exported is what the export's own query returns
 * for `params`. The outcome (path, or the translated refusal) shows in a snackbar.
 */
export function ExportButton({ kind, params, formats = ['xlsx', 'csv'], label, size = 'small', variant = 'outlined', testId = 'export' }: ExportButtonProps) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const run = useMutation({
    mutationFn: (format: ExportFormat) => unwrap(api().export.run({ kind, params, lang: currentLang(), format })),
    onSuccess: (out) => {
      if (out.saved) setNotice({ severity: 'success', text: t('stats:export.saved', { rows: out.rows, path: out.path ?? '' }) });
    },
    onError: (e) => {
      const error = apiErrorOf(e);
      if (error) setNotice({ severity: 'error', text: t(error.messageKey, error.params ?? {}) });
    },
  });
  const start = (format: ExportFormat) => {
    setAnchor(null);
    run.mutate(format);
  };
  const open = (e: MouseEvent<HTMLElement>) => {
    const [only] = formats;
    if (formats.length === 1 && only) start(only);
    else setAnchor(e.currentTarget);
  };
  return (
    <>
      <Button
        size={size}
        variant={variant}
        startIcon={run.isPending ? <CircularProgress size={16} /> : <DownloadIcon />}
        disabled={run.isPending}
        onClick={open}
        aria-haspopup={formats.length > 1 ? 'menu' : undefined}
        data-testid={testId}
      >
        {label ?? (formats.length === 1 ? t(`stats:export.${formats[0] ?? 'xlsx'}`) : t('stats:export.button'))}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {formats.map((f) => {
          const Icon = ICONS[f];
          return (
            <MenuItem key={f} onClick={() => start(f)} data-testid={`${testId}-${f}`}>
              <ListItemIcon>
                <Icon fontSize="small" />
              </ListItemIcon>
              <ListItemText>{t(`stats:export.${f}`)}</ListItemText>
            </MenuItem>
          );
        })}
      </Menu>
      <Snackbar open={notice !== null} autoHideDuration={notice?.severity === 'error' ? null : 8000} onClose={() => setNotice(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}>
        {notice ? (
          <Alert severity={notice.severity} onClose={() => setNotice(null)} data-testid={`${testId}-notice`} sx={{ maxWidth: 560, wordBreak: 'break-all' }}>
            {notice.text}
          </Alert>
        ) : undefined}
      </Snackbar>
    </>
  );
}
