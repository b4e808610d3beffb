import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  IconButton,
  Menu,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RosterRow, SessionSummary } from '../../../../shared/api/channels/lecturesTypes';
import { canTransition, inRosterFilter, ROSTER_FILTER_KEYS, type EnrolmentStatus, type RosterFilter } from '../../../../shared/domain/lectures';
import { formatTime } from '../../../../shared/lib/time';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { ExportButton } from '../../components/ExportButton';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useRefreshLectures } from './hooks';
import { FlagChips, StatusChip, useDayLabel } from './labels';
import { LeaveDialog } from './LeaveDialog';
import { TransferDialog } from './TransferDialog';
import { AttendeeRecordDialog } from './AttendeeRecordDialog';

type RowDialog = { kind: 'leave' | 'transfer' | 'record'; row: RosterRow } | null;

export function RosterTable({ session, roster, onPrint }: { session: SessionSummary; roster: RosterRow[]; onPrint(kind: string, params: Record<string, unknown>, markNotified?: number[]): void }) {
  const { t } = useTranslation('lectures');
  const refresh = useRefreshLectures();
  const dayLabel = useDayLabel();
  const [filter, setFilter] = useState<RosterFilter>('all');
  const [picked, setPicked] = useState<number[]>([]);
  const [menu, setMenu] = useState<{ anchor: HTMLElement; row: RosterRow } | null>(null);
  const [dialog, setDialog] = useState<RowDialog>(null);
  const rows = roster.filter((r) => inRosterFilter(r.status, filter));
  const pickedRows = roster.filter((r) => picked.includes(r.enrolmentId));

  const bulk = useMutation({
    mutationFn: (to: 'renotified' | 'returned') =>
      unwrap(to === 'renotified' ? api().lectures.renotify({ enrolmentIds: picked }) : api().lectures.returnToAgency({ enrolmentIds: picked, reason: '' })),
    onSuccess: async () => {
      setPicked([]);
      await refresh();
    },
  });
  const errors = useFieldErrors(apiErrorOf(bulk.error), []);
  const print = (kind: string, params: Record<string, unknown>, markNotified?: number[]) => {
    setMenu(null);
    onPrint(kind, params, markNotified);
  };
  const can = (to: EnrolmentStatus) => pickedRows.length > 0 && pickedRows.every((r) => canTransition(r.status, to));
  const count = (key: RosterFilter) => roster.filter((r) => inRosterFilter(r.status, key)).length;

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
        <Typography variant="h3" component="h3" sx={{ mr: 1 }}>
          {t('roster.title')}
        </Typography>
        {ROSTER_FILTER_KEYS.map((k) => (
          <Chip key={k} label={`${t(`roster.filter.${k}`)} ${count(k)}`} color={filter === k ? 'primary' : 'default'} onClick={() => setFilter(k)} data-testid={`roster-filter-${k}`} />
        ))}
        <Box sx={{ flex: 1 }} />
        <ExportButton kind="lectures.roster" params={{ sessionId: session.id, filter }} testId="roster-export" />
        <Button size="small" disabled={!can('renotified')} onClick={() => bulk.mutate('renotified')} data-testid="bulk-renotify">
          {t('roster.renotify', { count: picked.length })}
        </Button>
        <Button size="small" color="error" disabled={!can('returned')} onClick={() => bulk.mutate('returned')} data-testid="bulk-return">
          {t('roster.returnToAgency', { count: picked.length })}
        </Button>
      </Stack>
      {errors.general && <Alert severity="error">{errors.general}</Alert>}
      <Table size="small" data-testid="roster">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox" />
            <TableCell>{t('attendee.name')}</TableCell>
            <TableCell>{t('attendee.nationalId')}</TableCell>
            <TableCell>{t('attendee.phone')}</TableCell>
            <TableCell>{t('roster.status')}</TableCell>
            <TableCell>{t('roster.checkedInAt')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.enrolmentId} data-testid="roster-row" data-status={r.status}>
              <TableCell padding="checkbox">
                <Checkbox
                  size="small"
                  checked={picked.includes(r.enrolmentId)}
                  onChange={() => setPicked(picked.includes(r.enrolmentId) ? picked.filter((x) => x !== r.enrolmentId) : [...picked, r.enrolmentId])}
                  slotProps={{ input: { 'aria-label': r.name } }}
                />
              </TableCell>
              <TableCell>
                {r.name} <FlagChips flags={r} late={r.late} leftEarly={r.leftEarly} />
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{r.maskedId}</TableCell>
              <TableCell>{r.phone}</TableCell>
              <TableCell>
                <StatusChip status={r.status} />
                {r.pendingLeave && (
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    {r.pendingLeave.documentReceivedOn ? t('roster.documentIn') : t('roster.documentMissing')}
                  </Typography>
                )}
                {r.transferredToDate && (
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    → {dayLabel(r.transferredToDate)}
                  </Typography>
                )}
                {r.cityTransferTo && (
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    → {r.cityTransferTo}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {r.checkedInAt ? formatTime(r.checkedInAt) : ''}
                {r.signedOutAt ? ` – ${formatTime(r.signedOutAt)}` : ''}
                {r.certificateSerial && (
                  <Typography variant="caption" sx={{ display: 'block' }}>
                    {t('roster.serial', { serial: r.certificateSerial })}
                  </Typography>
                )}
              </TableCell>
              <TableCell padding="checkbox">
                <IconButton size="small" aria-label={t('roster.actions', { name: r.name })} onClick={(e) => setMenu({ anchor: e.currentTarget, row: r })}>
                  <MoreVertIcon fontSize="small" />
                </IconButton>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {rows.length === 0 && <Typography color="text.secondary" sx={{ p: 2 }}>{t('roster.empty')}</Typography>}
      <Menu anchorEl={menu?.anchor} open={menu !== null} onClose={() => setMenu(null)}>
        {menu && [
          (menu.row.status === 'scheduled' || menu.row.status === 'notified' || menu.row.pendingLeave) && (
            <MenuItem key="leave" onClick={() => setDialog({ kind: 'leave', row: menu.row })}>
              {menu.row.pendingLeave ? t('roster.menu.decideLeave') : t('roster.menu.requestLeave')}
            </MenuItem>
          ),
          canTransition(menu.row.status, 'transferredSession') && (
            <MenuItem key="transfer" onClick={() => setDialog({ kind: 'transfer', row: menu.row })}>
              {t('roster.menu.transfer')}
            </MenuItem>
          ),
          menu.row.status === 'transferredCity' && (
            <MenuItem key="letter" onClick={() => print('lectures.transferLetter', { enrolmentId: menu.row.enrolmentId, fullId: true })}>
              {t('roster.menu.transferLetter')}
            </MenuItem>
          ),
          menu.row.status === 'completed' && (
            <MenuItem key="cert" onClick={() => print('lectures.certificate', { sessionId: session.id, enrolmentIds: [menu.row.enrolmentId] })}>
              {t('roster.menu.certificate')}
            </MenuItem>
          ),
          (menu.row.status === 'scheduled' || menu.row.status === 'notified') && (
            <MenuItem key="notice" onClick={() => print('lectures.notice', { sessionId: session.id, enrolmentIds: [menu.row.enrolmentId] }, [menu.row.enrolmentId])}>
              {t('roster.menu.notice')}
            </MenuItem>
          ),
          <MenuItem key="record" onClick={() => setDialog({ kind: 'record', row: menu.row })}>
            {t('roster.menu.record')}
          </MenuItem>,
        ]}
      </Menu>
      {dialog?.kind === 'leave' && <LeaveDialog row={dialog.row} onClose={() => { setDialog(null); setMenu(null); }} />}
      {dialog?.kind === 'transfer' && <TransferDialog row={dialog.row} session={session} onClose={() => { setDialog(null); setMenu(null); }} />}
      {dialog?.kind === 'record' && <AttendeeRecordDialog attendeeId={dialog.row.attendeeId} onClose={() => { setDialog(null); setMenu(null); }} />}
    </Paper>
  );
}
