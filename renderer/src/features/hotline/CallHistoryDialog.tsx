import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CallFlag } from '../../../../shared/domain/hotline';
import { formatDateTime } from '../../../../shared/lib/time';
import { api, unwrap } from '../../app/api';
import { useLanguage } from '../../app/language';
import { hotlineKey, useRefNames } from './queries';

const REF_FIELDS = new Set(['callerTypeId', 'ageGroupId', 'districtId', 'shiftId', 'nonServiceTypeId']);
const LABELS: Record<string, string> = {
  startedAt: 'fields.startedAt',
  endedAt: 'fields.endedAt',
  shiftId: 'fields.shift',
  direction: 'fields.direction',
  operatorId: 'fields.operator',
  callerTypeId: 'fields.callerType',
  gender: 'fields.gender',
  ageGroupId: 'fields.ageGroup',
  districtId: 'fields.district',
  phone: 'fields.phone',
  notes: 'fields.notes',
  serviceItemIds: 'fields.serviceItems',
  flags: 'fields.flags',
  kind: 'fields.kind',
  nonServiceTypeId: 'fields.kind',
};

/** Supervisor: every edit of a call, field by field, before → after. */
export function CallHistoryDialog({ callId, onClose }: { callId: number; onClose(): void }) {
  const { t } = useTranslation('hotline');
  const { lang } = useLanguage();
  const name = useRefNames();
  const history = useQuery({ queryKey: hotlineKey('history', callId), queryFn: () => unwrap(api().hotline.callHistory({ id: callId })) });

  const show = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (REF_FIELDS.has(field)) return name(v as number);
    if (field === 'serviceItemIds') return (v as number[]).map((id) => name(id)).join('、') || '—';
    if (field === 'flags') return (v as CallFlag[]).map((f) => `${name(f.flagId)}：${f.actionTaken}`).join('；') || '—';
    if (field === 'startedAt' || field === 'endedAt') return formatDateTime(String(v), lang);
    if (field === 'direction') return t(`direction.${String(v)}`);
    if (field === 'gender') return t(`gender.${String(v)}`);
    return typeof v === 'string' ? v : JSON.stringify(v);
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{t('history.title', { id: callId })}</DialogTitle>
      <DialogContent>
        {history.data?.length === 0 && <Typography color="text.secondary">{t('history.none')}</Typography>}
        {history.data?.map((h) => {
          const fields = Object.keys(LABELS).filter((k) => JSON.stringify(h.before[k]) !== JSON.stringify(h.after[k]));
          return (
            <Box key={h.id} sx={{ mb: 2 }} data-testid="history-entry">
              <Typography sx={{ fontWeight: 700 }}>{t('history.by', { name: h.byName, time: formatDateTime(h.at, lang) })}</Typography>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('history.field')}</TableCell>
                    <TableCell>{t('history.before')}</TableCell>
                    <TableCell>{t('history.after')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {fields.map((k) => (
                    <TableRow key={k}>
                      <TableCell>{t(LABELS[k] ?? k)}</TableCell>
                      <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{show(k, k === 'operatorId' ? h.before.operatorName : h.before[k])}</TableCell>
                      <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{show(k, k === 'operatorId' ? h.after.operatorName : h.after[k])}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          );
        })}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
