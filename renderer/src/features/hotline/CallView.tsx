import type { ReactNode } from 'react';
import { Alert, Box, Chip, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatDuration, type CallRecord } from '../../../../shared/domain/hotline';
import { formatDateTime } from '../../../../shared/lib/time';
import { useLanguage } from '../../app/language';
import { useRefNames } from './queries';

/** A saved call, read-only, laid out like the printout. */
export function CallView({ call }: { call: CallRecord }) {
  const { t } = useTranslation('hotline');
  const { lang } = useLanguage();
  const name = useRefNames();
  const dash = '—';
  const rows: [string, ReactNode][] = [
    [t('fields.startedAt'), formatDateTime(call.startedAt, lang)],
    [t('fields.endedAt'), `${formatDateTime(call.endedAt, lang)} (${formatDuration(call.durationSec)})`],
    [t('fields.shift'), name(call.shiftId) || dash],
    [t('fields.direction'), t(`direction.${call.direction}`)],
    [t('fields.operator'), call.createdBy === call.operatorId ? call.operatorName : t('detail.enteredBy', { operator: call.operatorName, by: call.createdByName })],
    [t('fields.kind'), call.kind === 'service' ? t('kind.service') : `${t('kind.nonService')} · ${name(call.nonServiceTypeId)}`],
    [t('fields.callerType'), name(call.callerTypeId) || dash],
    [t('fields.gender'), call.gender ? t(`gender.${call.gender}`) : dash],
    [t('fields.ageGroup'), name(call.ageGroupId) || dash],
    [t('fields.district'), name(call.districtId) || dash],
    [t('fields.phone'), call.phone || dash],
    [
      t('fields.serviceItems'),
      call.serviceItemIds.length ? (
        <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
          {call.serviceItemIds.map((id) => (
            <Chip key={id} size="small" label={name(id)} />
          ))}
        </Box>
      ) : (
        dash
      ),
    ],
  ];
  return (
    <Box>
      <Table size="small">
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell component="th" sx={{ width: '28%', fontWeight: 700 }}>
                {label}
              </TableCell>
              <TableCell>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {call.flags.map((f) => (
        <Alert key={f.flagId} severity="error" variant="outlined" sx={{ mt: 1 }}>
          <strong>{name(f.flagId)}</strong> · {f.actionTaken}
        </Alert>
      ))}
      <Typography variant="h3" component="h3" sx={{ mt: 2, mb: 0.5 }}>
        {t('fields.notes')}
      </Typography>
      <Typography sx={{ whiteSpace: 'pre-wrap' }} data-testid="call-notes">
        {call.notes || dash}
      </Typography>
    </Box>
  );
}
