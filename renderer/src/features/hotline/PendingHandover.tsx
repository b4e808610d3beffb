import { useState } from 'react';
import { Alert, AlertTitle, Box, Button, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/lib/time';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { useLanguage } from '../../app/language';
import { HandoverSummaryView } from './HandoverSummaryView';
import { HOTLINE_KEY, hotlineKey } from './queries';

/** The previous shift's handover, shown on the operator's home until someone acknowledges it. */
export function PendingHandover() {
  const { t } = useTranslation('hotline');
  const { lang } = useLanguage();
  const queryClient = useQueryClient();
  const pending = useQuery({ queryKey: hotlineKey('pendingHandover'), queryFn: () => unwrap(api().hotline.pendingHandover({})) });
  const [expanded, setExpanded] = useState(false);
  const ack = useMutation({
    mutationFn: (id: number) => unwrap(api().hotline.acknowledgeHandover({ id })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: HOTLINE_KEY }),
  });
  const h = pending.data;
  if (!h) return null;
  const failure = apiErrorOf(ack.error);
  return (
    <Alert
      severity="info"
      variant="outlined"
      sx={{ mb: 2, '& .MuiAlert-message': { width: '100%' } }}
      data-testid="pending-handover"
      action={
        <Button variant="contained" size="small" onClick={() => ack.mutate(h.id)} disabled={ack.isPending} sx={{ whiteSpace: 'nowrap' }}>
          {t('handover.acknowledge')}
        </Button>
      }
    >
      <AlertTitle>{t('handover.pendingTitle', { name: h.createdByName, time: formatDateTime(h.createdAt, lang) })}</AlertTitle>
      <Typography sx={{ whiteSpace: 'pre-wrap', mb: 1 }}>{h.notes || t('handover.noNotes')}</Typography>
      <Button size="small" onClick={() => setExpanded((x) => !x)}>
        {t(expanded ? 'handover.hideSummary' : 'handover.showSummary')}
      </Button>
      {expanded && (
        <Box sx={{ mt: 1 }}>
          <HandoverSummaryView summary={h.summary} />
        </Box>
      )}
      {failure && <Typography color="error">{t(failure.messageKey)}</Typography>}
    </Alert>
  );
}
