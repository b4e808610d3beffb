import { useState } from 'react';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Divider, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { reasonText } from '../../../../shared/domain/lectures';
import { formatDateForLang } from '../../../../shared/lib/rocDate';
import { formatDateTime, formatTime } from '../../../../shared/lib/time';
import { api, unwrap } from '../../app/api';
import { useLanguage } from '../../app/language';
import { LECTURES_KEY } from './hooks';
import { FlagChips, StatusChip, useDayLabel, useRefName, useVenueName } from './labels';
import { AttendeeDialog } from './AttendeeDialog';

/** The person's own record: the only screen with the full ID. Opening it is audited in main. */
export function AttendeeRecordDialog({ attendeeId, onClose }: { attendeeId: number; onClose(): void }) {
  const { t } = useTranslation('lectures');
  const { lang } = useLanguage();
  const dayLabel = useDayLabel();
  const venueName = useVenueName();
  const refLabel = useRefName();
  const [editing, setEditing] = useState(false);
  // staleTime 0: every opening is a read of personal data, and the audit log should say so.
  const record = useQuery({ queryKey: [...LECTURES_KEY, 'attendee', attendeeId], queryFn: () => unwrap(api().lectures.getAttendee({ id: attendeeId })), staleTime: 0 });
  const a = record.data;
  const facts: [string, string][] = a
    ? [
        ['nationalId', a.nationalId],
        ['birthDate', a.birthDate ? formatDateForLang(a.birthDate, lang, 'short') : ''],
        ['phone', a.phone],
        ['address', a.address],
        ['penaltyDocNo', a.penaltyDocNo],
        ['issuingAgency', a.issuingAgency],
        ['drugClass', a.drugClass ? t(`drugClass.${a.drugClass}`) : ''],
        ['penaltyCount', String(a.penaltyCount)],
        ['note', a.note],
      ]
    : [];
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>
        {a?.name ?? t('record.title')} {a && <FlagChips flags={a} />}
      </DialogTitle>
      <DialogContent>
        {record.error && <Alert severity="error">{t('common:errors.notFound')}</Alert>}
        {a && (
          <>
            <Typography variant="caption" color="text.secondary">
              {t('record.auditNote')}
            </Typography>
            <Table size="small" sx={{ mb: 2 }}>
              <TableBody>
                {facts.map(([k, v]) => (
                  <TableRow key={k}>
                    <TableCell sx={{ width: 160, fontWeight: 700 }}>{t(`attendee.${k}`)}</TableCell>
                    <TableCell data-testid={`record-${k}`}>{v}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Typography variant="h3" component="h3">
              {t('record.enrolments')}
            </Typography>
            {a.enrolments.length === 0 && <Typography color="text.secondary">{t('attendees.notEnrolled')}</Typography>}
            {a.enrolments.map((e) => (
              <Box key={e.enrolmentId} sx={{ my: 1.5 }} data-testid="record-enrolment">
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Typography sx={{ fontWeight: 700 }}>
                    {dayLabel(e.sessionDate)} {e.startTime}–{e.endTime} · {venueName(e.venueId)}
                  </Typography>
                  <StatusChip status={e.status} />
                  <Typography variant="caption" sx={{ fontFamily: 'monospace' }}>
                    {e.code}
                  </Typography>
                </Stack>
                {e.checkedInAt && (
                  <Typography variant="body2">
                    {t('record.checkedIn', { time: formatTime(e.checkedInAt) })}
                    {e.signedOutAt ? ` · ${t('record.signedOut', { time: formatTime(e.signedOutAt) })}` : ''}
                    {e.certificateSerial ? ` · ${t('roster.serial', { serial: e.certificateSerial })}` : ''}
                  </Typography>
                )}
                {e.leaves.map((l) => (
                  <Typography key={l.id} variant="body2" color="text.secondary">
                    {t('record.leave', {
                      reason: refLabel(l.reasonId),
                      date: formatDateForLang(l.requestedOn, lang, 'short'),
                      doc: l.documentReceivedOn ? formatDateForLang(l.documentReceivedOn, lang, 'short') : '—',
                      decision: t(`leave.decision.${l.decision}`),
                    })}
                  </Typography>
                ))}
                <Table size="small">
                  <TableBody>
                    {e.history.map((h, i) => (
                      <TableRow key={i}>
                        <TableCell sx={{ width: 150 }}>{formatDateTime(h.at, lang)}</TableCell>
                        <TableCell>
                          {h.from ? `${t(`status.${h.from}`)} → ` : ''}
                          {t(`status.${h.to}`)}
                        </TableCell>
                        <TableCell>{reasonText(h.reason, (k) => t(k))}</TableCell>
                        <TableCell>{h.byName}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
                <Divider sx={{ mt: 1 }} />
              </Box>
            ))}
          </>
        )}
      </DialogContent>
      <DialogActions>
        {a && <Button onClick={() => setEditing(true)}>{t('record.edit')}</Button>}
        <Button onClick={onClose}>{t('common:common.close')}</Button>
      </DialogActions>
      {editing && a && <AttendeeDialog attendee={a} onClose={() => setEditing(false)} />}
    </Dialog>
  );
}
