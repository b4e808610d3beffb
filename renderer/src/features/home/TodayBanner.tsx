import { useEffect, useState } from 'react';
import { Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { currentShift } from '../../../../shared/domain/shifts';
import { refName } from '../../../../shared/domain/reference';
import { formatDateForLang } from '../../../../shared/lib/rocDate';
import { formatTime } from '../../../../shared/lib/time';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { useActiveRef } from '../reference/useReference';

/** Greeting with today's date (ROC in Chinese), the Taipei time and the shift on duty. */
export function TodayBanner() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { account } = useSession();
  const shifts = useActiveRef('shift');
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(id);
  }, []);
  const shift = currentShift(shifts, now);
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 3, bgcolor: 'primary.main', color: 'primary.contrastText' }}>
      <Typography variant="h2" component="p">
        {t('home.hello', { name: account?.displayName ?? '' })}
      </Typography>
      <Typography data-testid="today">
        {formatDateForLang(now, lang, 'long')} {formatTime(now)}
        {shift ? ` · ${t('home.shiftNow', { shift: refName(shift, lang), start: String(shift.extra.start), end: String(shift.extra.end) })}` : ''}
      </Typography>
    </Paper>
  );
}
