import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Grid, MenuItem, Paper, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AttendeeRecord, CheckInOutcome, LookupResult, PersonFlags, WalkInPerson } from '../../../../shared/api/channels/lecturesTypes';
import { phoneSearchKey } from '../../../../shared/lib/phone';
import { normalizeId } from '../../../../shared/lib/taiwanId';
import { taipeiDateKey } from '../../../../shared/lib/time';
import { api, apiErrorOf, unwrap } from '../../app/api';
import { PageHeader } from '../../components/PageHeader';
import { useFieldErrors } from '../../components/useFieldErrors';
import { LECTURES_KEY, useSessions } from './hooks';
import { useDayLabel, useVenueName } from './labels';
import { CheckInCounts, CheckInResults, RecentCheckIns, deskTargets, isPerson, usable, type DeskTarget } from './CheckInParts';
import { LateSetting } from './LateSetting';
import { AttendeeDialog, type AttendeePrefill } from './AttendeeDialog';

export const CHECKIN_SESSION_KEY = 'lectures.checkInSession';
const CODE_RE = /^LC-?[0-9A-Z]{8}$/i;

/** `addPerson`: nobody was found for what was typed; the desk may add them, with it filled in */
type Banner = { severity: 'success' | 'warning' | 'info'; text: string; flags?: PersonFlags | null; addPerson?: AttendeePrefill } | null;

/** What was typed, as the field of a new person it most likely is: an ID, a phone number or a name. */
export function prefillFrom(query: string): AttendeePrefill {
  const id = normalizeId(query);
  if (/^[A-Z][0-9A-D]\d{8}$/.test(id)) return { nationalId: id };
  if (/^[\d\s\-+()]+$/.test(query) && phoneSearchKey(query).length >= 6) return { phone: query };
  return { name: query };
}

/** A person just added at the desk, as the lookup would list someone on no list. */
const newcomer = (a: AttendeeRecord): WalkInPerson => ({
  attendeeId: a.id,
  name: a.name,
  maskedId: a.maskedId,
  phone: a.phone,
  last: null,
  action: 'enrolIn',
  minor: a.minor,
  repeatOffender: a.repeatOffender,
  needsInterpreter: a.needsInterpreter,
  interpreterLanguage: a.interpreterLanguage,
});

/**
 * 報到: one search field that never loses focus. A scanner types the notice code and Enter;
 * staff type a name fragment, an ID or a phone number; Enter acts on the highlighted person.
 * Nothing here opens a dialog by itself, so the next scan is never blocked: only a click on
 * 「新增此人並報到」, under a search that found nobody, opens the new person's form.
 */
export default function CheckInPage() {
  const { t } = useTranslation('lectures');
  const qc = useQueryClient();
  const today = taipeiDateKey(new Date());
  const todays = useSessions(today, today);
  const dayLabel = useDayLabel();
  const venueName = useVenueName();
  const [sessionId, setSessionId] = useState<number | null>(() => Number(sessionStorage.getItem(CHECKIN_SESSION_KEY)) || null);
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ query: string; found: LookupResult } | null>(null);
  const [active, setActive] = useState(0);
  const [mode, setMode] = useState<'in' | 'out'>('in');
  const [banner, setBanner] = useState<Banner>(null);
  const [adding, setAdding] = useState<AttendeePrefill | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const seq = useRef(0);

  const choices = todays.data ?? [];
  useEffect(() => {
    // A session remembered from another day is not today's desk.
    if (todays.isSuccess && !choices.some((c) => c.id === sessionId)) setSessionId(choices.find((c) => !c.cancelled)?.id ?? choices[0]?.id ?? null);
  }, [sessionId, choices, todays.isSuccess]);
  useEffect(() => {
    if (sessionId) sessionStorage.setItem(CHECKIN_SESSION_KEY, String(sessionId));
  }, [sessionId]);

  const board = useQuery({
    queryKey: [...LECTURES_KEY, 'board', sessionId],
    queryFn: () => unwrap(api().lectures.checkInBoard({ sessionId: sessionId ?? 0 })),
    enabled: sessionId !== null,
    refetchInterval: 15_000,
  });

  const lookup = async (q: string): Promise<LookupResult | null> => {
    if (!sessionId || q.trim() === '') return null;
    const mine = ++seq.current;
    const r = await unwrap(api().lectures.lookup({ sessionId, query: q }));
    // A slower answer for an older keystroke must not overwrite the newer one.
    if (mine !== seq.current) return null;
    setResult({ query: q.trim(), found: r });
    setActive(0);
    return r;
  };
  // Every keystroke asks at once: a lookup takes milliseconds even on ten years of rosters, and a
  // pause before asking was most of the wait (issue 8, npm run bench: 140 ms → see the README).
  // The sequence number above drops answers that arrive for an older keystroke.
  useEffect(() => {
    if (query.trim() === '' || CODE_RE.test(query.trim())) return;
    void lookup(query);
  }, [query, sessionId]);

  const act = useMutation({
    mutationFn: async (target: DeskTarget): Promise<CheckInOutcome> => {
      const sid = sessionId ?? 0;
      if (isPerson(target)) return unwrap(api().lectures.enrolAndCheckIn({ sessionId: sid, attendeeId: target.attendeeId }));
      if (target.action === 'alreadyIn') return unwrap(api().lectures.signOut({ sessionId: sid, enrolmentId: target.enrolmentId }));
      return unwrap(api().lectures.checkIn({ sessionId: sid, enrolmentId: target.enrolmentId, transferIn: target.action === 'transferIn' }));
    },
    onSuccess: (out, target) => {
      qc.setQueryData([...LECTURES_KEY, 'board', sessionId], out.board);
      void qc.invalidateQueries({ queryKey: LECTURES_KEY });
      const text = isPerson(target)
        ? t(out.row.late ? 'checkin.enrolledInLate' : 'checkin.enrolledIn', { name: out.row.name })
        : target.action === 'alreadyIn'
          ? t(out.row.leftEarly ? 'checkin.signedOutEarly' : 'checkin.signedOut', { name: out.row.name })
          : out.transferredFrom
            ? t('checkin.transferredIn', { name: out.row.name, from: dayLabel(out.transferredFrom.sessionDate) })
            : t(out.row.late ? 'checkin.doneLate' : 'checkin.done', { name: out.row.name });
      const warn = isPerson(target) || out.row.late || out.transferredFrom || out.row.leftEarly;
      setBanner({ severity: warn ? 'warning' : 'success', text, flags: target });
      reset();
    },
    onError: () => reset(false),
  });
  const errors = useFieldErrors(apiErrorOf(act.error), []);

  function reset(clear = true) {
    if (clear) {
      setQuery('');
      setResult(null);
    }
    input.current?.focus();
  }

  async function onEnter() {
    const q = query.trim();
    if (q === '') return;
    // A scanner (and a fast typist) can press Enter before the last answer is back: act only
    // on the answer for exactly what is in the field now.
    const r = result?.query === q ? result.found : await lookup(q);
    if (!r) return;
    const targets = deskTargets(r);
    const target = CODE_RE.test(q) ? targets.find((x) => usable(x, mode)) : targets[active];
    if (target && usable(target, mode)) act.mutate(target);
    else if (targets.length === 0) {
      // A scanned notice code that matches nothing is a wrong letter, not a new person.
      const canAdd = mode === 'in' && !CODE_RE.test(q) && !board.data?.session.cancelled;
      setBanner({ severity: 'info', text: t('checkin.notFound', { query: q }), addPerson: canAdd ? prefillFrom(q) : undefined });
      reset();
    } else if (target && !isPerson(target) && target.action === 'alreadyIn') {
      setBanner({ severity: 'info', text: t('checkin.alreadyIn', { name: target.name }), flags: target });
      reset();
    }
  }

  const s = board.data?.session;
  return (
    <Box>
      <PageHeader
        title={t('checkin.title')}
        subtitle={s ? [`${dayLabel(s.date)} ${s.startTime}–${s.endTime}`, venueName(s.venueId), t(`kind.${s.kind}`)].filter(Boolean).join(' · ') : t('checkin.subtitle')}
        actions={
          <TextField select size="small" label={t('checkin.session')} value={choices.some((c) => c.id === sessionId) ? sessionId : ''} onChange={(e) => setSessionId(Number(e.target.value))} sx={{ minWidth: 260 }} data-testid="checkin-session">
            {choices.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {[`${c.startTime}–${c.endTime}`, venueName(c.venueId), c.cancelled ? t('sessions.cancelled') : ''].filter(Boolean).join(' · ')}
              </MenuItem>
            ))}
          </TextField>
        }
      />
      {choices.length === 0 && todays.isSuccess && <Alert severity="info">{t('checkin.noSessionToday')}</Alert>}
      {s?.cancelled && <Alert severity="error">{t('errors.checkInCancelled')}</Alert>}
      {board.data && <CheckInCounts counts={board.data.counts} />}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 1 }}>
              <TextField
                inputRef={input}
                autoFocus
                fullWidth
                label={mode === 'in' ? t('checkin.searchLabel') : t('checkin.searchLabelOut')}
                placeholder={t('checkin.searchHint')}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                onBlur={(e) => {
                  // Clicks on buttons return focus here; another input (or the new person's form) may keep it.
                  if (adding) return;
                  const next = e.relatedTarget as HTMLElement | null;
                  if (!next || !['INPUT', 'TEXTAREA'].includes(next.tagName)) window.setTimeout(() => input.current?.focus(), 0);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    void onEnter();
                  } else if (e.key === 'ArrowDown') {
                    e.preventDefault();
                    setActive((a) => Math.min(a + 1, (result ? deskTargets(result.found).length : 1) - 1));
                  } else if (e.key === 'ArrowUp') {
                    e.preventDefault();
                    setActive((a) => Math.max(a - 1, 0));
                  } else if (e.key === 'Escape') reset();
                  else if (e.key === 'F9') {
                    e.preventDefault();
                    setMode(mode === 'in' ? 'out' : 'in');
                  }
                }}
                slotProps={{ htmlInput: { 'data-testid': 'checkin-search', autoComplete: 'off', spellCheck: false, style: { fontSize: 22 } } }}
              />
              <ToggleButtonGroup exclusive size="small" sx={{ whiteSpace: 'nowrap' }} value={mode} onChange={(_, v: 'in' | 'out' | null) => v && setMode(v)}>
                <ToggleButton value="in">{t('checkin.modeIn')}</ToggleButton>
                <ToggleButton value="out">{t('checkin.modeOut')}</ToggleButton>
              </ToggleButtonGroup>
            </Box>
            <Typography variant="caption" color="text.secondary">
              {t('checkin.keys')}
            </Typography>
            {banner && (
              <Alert severity={banner.severity} sx={{ mt: 1 }} data-testid="checkin-banner" onClose={() => setBanner(null)}>
                {banner.text}
                {banner.addPerson && (
                  <Button size="small" variant="outlined" sx={{ ml: 2 }} data-testid="checkin-add-person" onClick={() => setAdding(banner.addPerson ?? {})}>
                    {t('checkin.addPerson')}
                  </Button>
                )}
                {banner.flags && (banner.flags.minor || banner.flags.repeatOffender || banner.flags.needsInterpreter) && (
                  <Typography component="span" sx={{ fontWeight: 700, ml: 1 }} data-testid="attention">
                    {[
                      banner.flags.repeatOffender && t('flags.repeatOffender'),
                      banner.flags.minor && t('flags.minor'),
                      banner.flags.needsInterpreter &&
                        (banner.flags.interpreterLanguage ? t('flags.interpreterIn', { language: banner.flags.interpreterLanguage }) : t('flags.needsInterpreter')),
                    ]
                      .filter(Boolean)
                      .join('・')}
                  </Typography>
                )}
              </Alert>
            )}
            {errors.general && (
              <Alert severity="error" sx={{ mt: 1 }} data-testid="checkin-error">
                {errors.general}
              </Alert>
            )}
            {result && <CheckInResults result={result.found} active={active} mode={mode} onPick={(i) => setActive(i)} onAct={(target) => act.mutate(target)} />}
          </Paper>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          {board.data && <RecentCheckIns sessionId={board.data.session.id} rows={board.data.recent} onChanged={() => reset(false)} />}
          <LateSetting />
        </Grid>
      </Grid>
      {adding && (
        <AttendeeDialog
          attendee={null}
          prefill={adding}
          intro={t('checkin.addPersonIntro')}
          onSaved={(a) => act.mutate(newcomer(a))}
          onClose={() => {
            setAdding(null);
            reset(false);
          }}
        />
      )}
    </Box>
  );
}
