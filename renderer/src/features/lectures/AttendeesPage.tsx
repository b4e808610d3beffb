import { useState } from 'react';
import { Box, Button, Paper, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/PersonAdd';
import UploadIcon from '@mui/icons-material/UploadFile';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { useDebounced } from '../../components/useDebounced';
import { LECTURES_KEY } from './hooks';
import { FlagChips, StatusChip, useDayLabel } from './labels';
import { AttendeeDialog } from './AttendeeDialog';
import { AttendeeRecordDialog } from './AttendeeRecordDialog';
import { ImportDialog } from './ImportDialog';

/** More than this many matches are not listed: the page says so and asks for more to narrow it. */
const LIMIT = 200;

/** 受講習人: search by name, ID, phone or notice code; IDs masked; the full record is one click (and audited). */
export default function AttendeesPage() {
  const { t } = useTranslation('lectures');
  const dayLabel = useDayLabel();
  const [query, setQuery] = useState('');
  const searched = useDebounced(query, 250);
  const [dialog, setDialog] = useState<'new' | 'import' | { record: number } | null>(null);
  const people = useQuery({
    queryKey: [...LECTURES_KEY, 'attendees', searched],
    queryFn: () => unwrap(api().lectures.searchAttendees({ query: searched, limit: LIMIT })),
  });
  return (
    <Box>
      <PageHeader
        title={t('attendees.title')}
        subtitle={t('attendees.subtitle')}
        actions={
          <>
            <ExportButton kind="lectures.attendees" params={{ query }} size="medium" variant="text" testId="attendees-export" />
            <Button startIcon={<UploadIcon />} variant="outlined" onClick={() => setDialog('import')} data-testid="import-open">
              {t('attendees.import')}
            </Button>
            <Button startIcon={<AddIcon />} variant="contained" onClick={() => setDialog('new')} data-testid="attendee-new">
              {t('attendees.new')}
            </Button>
          </>
        }
      />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <TextField fullWidth autoFocus label={t('attendees.search')} value={query} onChange={(e) => setQuery(e.target.value)} sx={{ mb: 2 }} />
        <Table size="small" data-testid="attendee-list">
          <TableHead>
            <TableRow>
              <TableCell>{t('attendee.name')}</TableCell>
              <TableCell>{t('attendee.nationalId')}</TableCell>
              <TableCell>{t('attendee.phone')}</TableCell>
              <TableCell>{t('attendee.drugClass')}</TableCell>
              <TableCell>{t('attendee.penaltyDocNo')}</TableCell>
              <TableCell>{t('attendees.latest')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(people.data ?? []).map((p) => (
              <TableRow key={p.id} hover onClick={() => setDialog({ record: p.id })} sx={{ cursor: 'pointer' }} data-testid="attendee-row">
                <TableCell>
                  {p.name} <FlagChips flags={p} />
                </TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{p.maskedId}</TableCell>
                <TableCell>{p.phone}</TableCell>
                <TableCell>{p.drugClass ? t(`drugClass.${p.drugClass}`) : ''}</TableCell>
                <TableCell>{p.penaltyDocNo}</TableCell>
                <TableCell>
                  {p.current ? (
                    <>
                      {dayLabel(p.current.sessionDate)} <StatusChip status={p.current.status} />
                    </>
                  ) : (
                    <Typography variant="body2" color="text.secondary">
                      {t('attendees.notEnrolled')}
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {people.data?.length === 0 && <Typography color="text.secondary" sx={{ p: 2 }}>{t('attendees.none')}</Typography>}
        {people.data?.length === LIMIT && (
          <Typography color="text.secondary" sx={{ p: 2 }} data-testid="attendees-capped">
            {t('attendees.capped', { count: LIMIT })}
          </Typography>
        )}
      </Paper>
      {dialog === 'new' && <AttendeeDialog attendee={null} onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportDialog onClose={() => setDialog(null)} />}
      {dialog !== null && typeof dialog === 'object' && <AttendeeRecordDialog attendeeId={dialog.record} onClose={() => setDialog(null)} />}
    </Box>
  );
}
