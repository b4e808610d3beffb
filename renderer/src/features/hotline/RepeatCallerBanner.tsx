import { useEffect, useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { phoneSearchKey } from '../../../../shared/lib/phone';
import { api, unwrap } from '../../app/api';
import { CallSummaryTable } from './CallSummaryTable';
import { hotlineKey } from './queries';

/** Typing settles for this long before the number is looked up. */
const LOOKUP_DELAY_MS = 350;

interface Props {
  phone: string;
  excludeCallId?: number;
  onOpenCall(id: number): void;
}

/** "This number called N times before", with the earlier calls one click (or Enter) away. */
export function RepeatCallerBanner({ phone, excludeCallId, onOpenCall }: Props) {
  const { t } = useTranslation('hotline');
  const [key, setKey] = useState('');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const id = window.setTimeout(() => setKey(phoneSearchKey(phone)), LOOKUP_DELAY_MS);
    return () => window.clearTimeout(id);
  }, [phone]);
  const lookup = useQuery({
    queryKey: hotlineKey('repeat', key, excludeCallId),
    queryFn: () => unwrap(api().hotline.repeatCallers({ phone: key, excludeCallId })),
    enabled: key.length >= 6,
  });
  const count = key.length >= 6 ? (lookup.data?.count ?? 0) : 0;
  if (count === 0) return null;
  return (
    <>
      <Alert
        severity="warning"
        data-testid="repeat-caller"
        action={
          <Button color="inherit" size="small" onClick={() => setOpen(true)}>
            {t('repeat.show')}
          </Button>
        }
      >
        {t('repeat.banner', { count })}
      </Alert>
      {open && (
        <Dialog open onClose={() => setOpen(false)} fullWidth maxWidth="md">
          <DialogTitle>{t('repeat.title', { count })}</DialogTitle>
          <DialogContent>
            <CallSummaryTable
              dense
              rows={lookup.data?.calls ?? []}
              onOpen={(id) => {
                setOpen(false);
                onOpenCall(id);
              }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{t('common:common.close')}</Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
