import { Box, Button, Chip, List, ListItem, ListItemButton, ListItemText, Paper, Stack, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { LiveCounts, LookupResult, LookupRow, PersonFlags, RosterRow, WalkInPerson } from '../../../../shared/api/channels/lecturesTypes';
import { formatTime } from '../../../../shared/lib/time';
import { api, unwrap } from '../../app/api';
import { LECTURES_KEY } from './hooks';
import { FlagChips, StatusChip, useDayLabel } from './labels';

export function CheckInCounts({ counts }: { counts: LiveCounts }) {
  const { t } = useTranslation('lectures');
  const items: [keyof LiveCounts, 'default' | 'success' | 'warning' | 'error'][] = [
    ['due', 'default'],
    ['checkedIn', 'success'],
    ['onLeave', 'warning'],
    ['missing', 'error'],
    ['late', 'warning'],
  ];
  return (
    <Stack direction="row" spacing={2} sx={{ mb: 2 }} data-testid="live-counts">
      {items.map(([k, color]) => (
        <Paper key={k} variant="outlined" sx={{ px: 3, py: 1.5, minWidth: 120, borderColor: color === 'default' ? undefined : `${color}.main` }}>
          <Typography variant="body2" color="text.secondary">
            {t(`checkin.count.${k}`)}
          </Typography>
          <Typography variant="h2" component="p" data-testid={`live-${k}`}>
            {counts[k]}
          </Typography>
        </Paper>
      ))}
    </Stack>
  );
}

/** What Enter (or a click) acts on at the desk: an enrolment, or a person on no list. */
export type DeskTarget = LookupRow | WalkInPerson;

export const isPerson = (t: DeskTarget): t is WalkInPerson => !('enrolmentId' in t);

/** The entries the desk lists for a result, in the order ↑↓ move through them. */
export const deskTargets = (r: LookupResult): DeskTarget[] => (r.rows.length > 0 ? r.rows : r.people);

/** Whether Enter does something with this entry in this mode. */
export function usable(t: DeskTarget, mode: 'in' | 'out'): boolean {
  if (isPerson(t)) return mode === 'in' && t.action === 'enrolIn';
  return mode === 'out' ? t.action === 'alreadyIn' : t.action === 'checkIn' || t.action === 'transferIn';
}

function Entry({ selected, action, onPick, onAct, name, flags, late, secondary, chip, hint, warn }: {
  selected: boolean;
  action: string;
  onPick(): void;
  onAct(): void;
  name: string;
  flags: PersonFlags;
  late?: boolean;
  secondary: string;
  chip: ReactNode;
  hint: string;
  warn: boolean;
}) {
  return (
    <ListItem disablePadding>
      <ListItemButton
        selected={selected}
        onMouseEnter={onPick}
        onClick={onAct}
        data-testid="checkin-result"
        data-action={action}
        sx={{ borderLeft: 4, borderColor: selected ? 'primary.main' : 'transparent' }}
      >
        <ListItemText
          primary={
            <Box component="span" sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography component="span" variant="h3">
                {name}
              </Typography>
              <FlagChips flags={flags} late={late} />
            </Box>
          }
          secondary={secondary}
        />
        <Stack spacing={0.5} sx={{ alignItems: 'flex-end' }}>
          {chip}
          <Typography variant="caption" color={warn ? 'warning.main' : 'text.secondary'}>
            {hint}
          </Typography>
        </Stack>
      </ListItemButton>
    </ListItem>
  );
}

/**
 * The matches of the search field; the highlighted one is what Enter acts on. When no enrolment
 * matches, the people the query found are listed instead: someone whose roster has not arrived
 * can be booked here and checked in with the same Enter.
 */
export function CheckInResults({ result, active, mode, onPick, onAct }: { result: LookupResult; active: number; mode: 'in' | 'out'; onPick(i: number): void; onAct(target: DeskTarget): void }) {
  const { t } = useTranslation('lectures');
  const dayLabel = useDayLabel();
  if (result.rows.length === 0 && result.people.length === 0) return <Typography sx={{ mt: 2 }} color="text.secondary">{t('checkin.noMatch')}</Typography>;
  const hint = (r: LookupRow) =>
    r.action === 'checkIn' && mode === 'in'
      ? t('checkin.enterToCheckIn')
      : r.action === 'transferIn' && mode === 'in'
        ? t('checkin.enterToTransfer', { date: dayLabel(r.sessionDate) })
        : r.action === 'alreadyIn'
          ? mode === 'out'
            ? t('checkin.enterToSignOut')
            : t('checkin.alreadyAt', { time: r.checkedInAt ? formatTime(r.checkedInAt) : '' })
          : t('checkin.cannot');
  const personHint = (p: WalkInPerson) => (p.action === 'enrolIn' ? (mode === 'in' ? t('checkin.enterToEnrol') : t('checkin.cannot')) : t('checkin.bookedElsewhere'));
  const last = (p: WalkInPerson) =>
    p.last ? t('checkin.lastEnrolment', { date: dayLabel(p.last.sessionDate), status: t(`status.${p.last.status}`) }) : t('checkin.neverEnrolled');
  return (
    <List data-testid="checkin-results" sx={{ mt: 1 }}>
      {result.rows.map((r, i) => (
        <Entry
          key={r.enrolmentId}
          selected={i === active}
          action={r.action}
          onPick={() => onPick(i)}
          onAct={() => onAct(r)}
          name={r.name}
          flags={r}
          late={r.late}
          secondary={[r.maskedId, r.phone, r.action === 'transferIn' ? t('checkin.bookedFor', { date: dayLabel(r.sessionDate), time: r.startTime }) : ''].filter(Boolean).join(' · ')}
          chip={<StatusChip status={r.status} />}
          hint={hint(r)}
          warn={r.action === 'transferIn'}
        />
      ))}
      {result.rows.length === 0 && (
        <Typography component="li" variant="body2" color="warning.main" sx={{ listStyle: 'none', mb: 0.5 }} data-testid="checkin-not-on-list">
          {t('checkin.notOnList')}
        </Typography>
      )}
      {result.rows.length === 0 &&
        result.people.map((p, i) => (
          <Entry
            key={p.attendeeId}
            selected={i === active}
            action={p.action}
            onPick={() => onPick(i)}
            onAct={() => onAct(p)}
            name={p.name}
            flags={p}
            secondary={[p.maskedId, p.phone, last(p)].filter(Boolean).join(' · ')}
            chip={null}
            hint={personHint(p)}
            warn={p.action === 'enrolIn'}
          />
        ))}
      {result.capped && (
        <Typography component="li" variant="body2" color="warning.main" sx={{ listStyle: 'none', mt: 1 }} data-testid="checkin-capped">
          {t('checkin.capped', { count: deskTargets(result).length })}
        </Typography>
      )}
    </List>
  );
}

/** The latest check-ins, each with sign-out and undo (a wrong row or a double scan). */
export function RecentCheckIns({ sessionId, rows, onChanged }: { sessionId: number; rows: RosterRow[]; onChanged(): void }) {
  const { t } = useTranslation('lectures');
  const qc = useQueryClient();
  const change = useMutation({
    mutationFn: ({ id, what }: { id: number; what: 'undo' | 'out' }) =>
      unwrap(what === 'undo' ? api().lectures.undoCheckIn({ sessionId, enrolmentId: id }) : api().lectures.signOut({ sessionId, enrolmentId: id })),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: LECTURES_KEY });
      onChanged();
    },
  });
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
      <Typography variant="h3" component="h2">
        {t('checkin.recent')}
      </Typography>
      <List dense data-testid="recent-checkins">
        {rows.map((r) => (
          <ListItem
            key={r.enrolmentId}
            disableGutters
            secondaryAction={
              r.status === 'checkedIn' && (
                <Stack direction="row" spacing={0.5}>
                  {!r.signedOutAt && (
                    <Button size="small" tabIndex={-1} onClick={() => change.mutate({ id: r.enrolmentId, what: 'out' })}>
                      {t('checkin.signOut')}
                    </Button>
                  )}
                  <Button size="small" color="inherit" tabIndex={-1} onClick={() => change.mutate({ id: r.enrolmentId, what: 'undo' })}>
                    {t('checkin.undo')}
                  </Button>
                </Stack>
              )
            }
          >
            <ListItemText
              primary={
                <>
                  {r.name} {r.late && <Chip size="small" color="warning" variant="outlined" label={t('flags.late')} />}
                  {r.leftEarly && <Chip size="small" color="warning" variant="outlined" label={t('flags.leftEarly')} />}
                </>
              }
              secondary={`${r.checkedInAt ? formatTime(r.checkedInAt) : ''}${r.signedOutAt ? ` – ${formatTime(r.signedOutAt)}` : ''}`}
            />
          </ListItem>
        ))}
        {rows.length === 0 && <Typography variant="body2" color="text.secondary">{t('checkin.noneYet')}</Typography>}
      </List>
    </Paper>
  );
}
