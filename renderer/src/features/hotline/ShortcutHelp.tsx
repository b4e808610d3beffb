import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts';

/** The keyboard shortcuts of the hotline, in the UI language (F1 on any hotline page). */
export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('hotline');
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('shortcuts.title')}</DialogTitle>
      <DialogContent>
        <Table size="small" data-testid="shortcut-help">
          <TableBody>
            {SHORTCUTS.map((s) => (
              <TableRow key={s.keys}>
                <TableCell sx={{ whiteSpace: 'nowrap', fontFamily: 'monospace', fontWeight: 700 }}>{s.keys}</TableCell>
                <TableCell>{t(s.labelKey)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose} autoFocus>
          {t('common:common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
