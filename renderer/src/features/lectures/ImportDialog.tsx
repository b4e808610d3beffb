import { useRef, useState } from 'react';
import { alpha, Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_BYTES } from '../../../../shared/api/channels/lectures';
import type { ImportPreview } from '../../../../shared/api/channels/lecturesTypes';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useRefreshLectures } from './hooks';

interface Picked {
  fileName: string;
  format: 'csv' | 'xlsx';
  dataUrl: string;
}

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * Roster import: the file is read here and sent to main, which previews every row with its
 * errors; nothing is written until "import" — and then all rows or none.
 */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('lectures');
  const refresh = useRefreshLectures();
  const fileInput = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const check = useMutation({
    mutationFn: (p: Picked) => unwrap(api().lectures.previewImport(p)),
    onSuccess: (r) => setPreview(r),
  });
  const confirm = useMutation({
    mutationFn: (p: Picked) => unwrap(api().lectures.confirmImport(p)),
    onSuccess: async (r) => {
      setDone(t('import.done', { created: r.created, updated: r.updated }));
      setPreview(null);
      await refresh();
    },
  });
  const errors = useFieldErrors(apiErrorOf(check.error ?? confirm.error), []);

  async function onFile(file: File | undefined) {
    setPreview(null);
    setDone(null);
    setLocalError(null);
    check.reset();
    confirm.reset();
    if (!file) return;
    const ext = file.name.toLowerCase().split('.').pop();
    if (ext !== 'csv' && ext !== 'xlsx') return setLocalError(t('errors.fileType'));
    if (file.size > MAX_IMPORT_BYTES) return setLocalError(t('errors.fileTooLarge', { mb: 5 }));
    const p: Picked = { fileName: file.name, format: ext, dataUrl: await readDataUrl(file) };
    setPicked(p);
    check.mutate(p);
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg">
      <DialogTitle>{t('import.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            {t('import.explain')}
          </Typography>
          <Box>
            <input ref={fileInput} type="file" accept=".csv,.xlsx" hidden data-testid="import-file" onChange={(e) => void onFile(e.target.files?.[0])} />
            <Button variant="outlined" onClick={() => fileInput.current?.click()}>
              {t('import.choose')}
            </Button>
            {picked && <Typography component="span" sx={{ ml: 2 }}>{picked.fileName}</Typography>}
          </Box>
          {(localError ?? errors.general) && (
            <Alert severity="error" data-testid="import-error">
              {localError ?? errors.general}
            </Alert>
          )}
          {done && (
            <Alert severity="success" data-testid="import-done">
              {done}
            </Alert>
          )}
          {preview && (
            <>
              <Stack direction="row" spacing={1} data-testid="import-summary">
                <Chip color="success" label={t('import.create', { count: preview.createCount })} />
                <Chip color="info" label={t('import.update', { count: preview.updateCount })} />
                <Chip label={t('import.merged', { count: preview.mergedCount })} />
                <Chip color={preview.errorCount > 0 ? 'error' : 'default'} label={t('import.errors', { count: preview.errorCount })} />
              </Stack>
              {preview.errorCount > 0 && <Alert severity="warning">{t('import.fixFirst')}</Alert>}
              <Box sx={{ maxHeight: 420, overflow: 'auto' }}>
                <Table size="small" stickyHeader data-testid="import-rows">
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('import.row')}</TableCell>
                      <TableCell>{t('attendee.name')}</TableCell>
                      <TableCell>{t('attendee.nationalId')}</TableCell>
                      <TableCell>{t('attendee.phone')}</TableCell>
                      <TableCell>{t('import.action')}</TableCell>
                      <TableCell>{t('import.problems')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {preview.rows.map((r) => (
                      <TableRow key={r.rowNo} sx={{ bgcolor: r.errors.length ? (th) => alpha(th.palette.error.main, 0.08) : undefined, '& td': { verticalAlign: 'top' }, '& td:not(:last-child)': { whiteSpace: 'nowrap' } }} data-testid="import-row" data-bad={r.errors.length > 0}>
                        <TableCell>{r.rowNo}</TableCell>
                        <TableCell>{r.name}</TableCell>
                        <TableCell sx={{ fontFamily: 'monospace' }}>{r.maskedId}</TableCell>
                        <TableCell>{r.phone}</TableCell>
                        <TableCell>{r.errors.length ? '' : t(`import.actions.${r.action}`)}</TableCell>
                        <TableCell>{r.errors.map((e) => `${t(`attendee.${e.column}`)}：${t(e.messageKey.includes(':') ? e.messageKey : `common:${e.messageKey}`)}`).join('；')}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:common.close')}</Button>
        <Button
          variant="contained"
          disabled={!preview || !picked || preview.errorCount > 0 || confirm.isPending}
          onClick={() => picked && confirm.mutate(picked)}
          data-testid="import-confirm"
        >
          {t('import.confirm', { count: (preview?.createCount ?? 0) + (preview?.updateCount ?? 0) })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
