import { createContext, useContext } from 'react';
import { Button } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { useTranslation } from 'react-i18next';

/** Provided by SessionGuard: lock this window now (leaving the desk). */
export const LockContext = createContext<(() => void) | null>(null);

/** In the app bar: lock before walking away, instead of waiting for the idle timer. */
export function LockButton() {
  const { t } = useTranslation('safety');
  const lockNow = useContext(LockContext);
  if (!lockNow) return null;
  return (
    <Button color="inherit" startIcon={<LockIcon />} onClick={lockNow} data-testid="lock-now">
      {t('lock.lockNow')}
    </Button>
  );
}
