import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Paper, Snackbar, Stack, Typography } from '@mui/material';
import AddIcCallIcon from '@mui/icons-material/AddIcCall';
import KeyboardIcon from '@mui/icons-material/Keyboard';
import PhoneCallbackIcon from '@mui/icons-material/PhoneCallback';
import { useTranslation } from 'react-i18next';
import type { Direction } from '../../../../shared/domain/hotline';
import { refName, type RefItem } from '../../../../shared/domain/reference';
import { api, apiErrorOf } from '../../app/api';
import { useLanguage } from '../../app/language';
import { useNav } from '../../app/nav';
import { PageHeader } from '../../components/PageHeader';
import { RefList } from '../../components/RefList';
import { useActiveRef } from '../reference/useReference';
import { CallDetailDialog } from './CallDetailDialog';
import { DeskCounters } from './DeskCounters';
import { OpenCalls } from './OpenCalls';
import { PendingHandover } from './PendingHandover';
import { RecentCalls } from './RecentCalls';
import { ShortcutHelp } from './ShortcutHelp';
import { altDigit, takeStartRequest, useWindowKeys } from './shortcuts';
import { useDraftDesk } from './useDraftDesk';

/** The operator's desk: one key starts a call, the open calls are typed here, non-service calls are one key each. */
export default function DeskPage() {
  const { t } = useTranslation('hotline');
  const { lang } = useLanguage();
  const { go } = useNav();
  const desk = useDraftDesk();
  const nonService = useActiveRef('nonServiceCallType');
  const flags = useActiveRef('riskFlag');
  const [help, setHelp] = useState(false);
  const [openCall, setOpenCall] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ text: string; id: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [focusNotes, setFocusNotes] = useState(0);
  const notesRef = useRef<HTMLTextAreaElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const queuedStart = useRef<Direction | null>(null);
  const loaded = desk.drafts !== null;

  const start = async (direction: Direction) => {
    if (!loaded) {
      // The open calls are still loading: start right after, so the new one is not overwritten.
      queuedStart.current = direction;
      return;
    }
    setOpenCall(null);
    setFailure(null);
    try {
      await desk.start(direction);
      setFocusNotes((n) => n + 1);
    } catch (e) {
      setFailure(t(apiErrorOf(e)?.messageKey ?? 'common:errors.internal'));
    }
  };
  const startRef = useRef(start);
  startRef.current = start;

  useEffect(() => {
    if (takeStartRequest()) queuedStart.current = 'inbound';
    // Main's global shortcut (the operator was in another program when the phone rang).
    return api().on('hotline:startCall', () => void startRef.current('inbound'));
  }, []);
  useEffect(() => {
    if (loaded && queuedStart.current) {
      const direction = queuedStart.current;
      queuedStart.current = null;
      void startRef.current(direction);
    }
  }, [loaded]);
  useEffect(() => {
    if (focusNotes) notesRef.current?.focus();
  }, [focusNotes]);

  const quick = async (type: RefItem) => {
    setFailure(null);
    try {
      const d = await desk.quickCall(type.id);
      setNotice({ text: t('desk.quickSaved', { type: refName(type, lang), id: d.call.id }), id: d.call.id });
    } catch (e) {
      setFailure(t(apiErrorOf(e)?.messageKey ?? 'common:errors.internal'));
    }
  };

  const save = async () => {
    const active = desk.active;
    if (!active) return;
    const d = await desk.saveCall(active.id);
    if (d) {
      setNotice({ text: t('desk.saved', { id: d.call.id }), id: d.call.id });
      startButton.current?.focus();
    } else {
      // Straight to the first field that needs attention.
      window.setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
    }
  };

  const switchCall = (step: number) => {
    const list = desk.drafts ?? [];
    const i = list.findIndex((d) => d.id === desk.active?.id);
    const next = list[(i + step + list.length) % list.length];
    if (next) desk.setActiveId(next.id);
  };

  useWindowKeys((e) => {
    if (e.key === 'F2') {
      void start(e.shiftKey ? 'outbound' : 'inbound');
      return true;
    }
    const digit = altDigit(e);
    if (digit) {
      const type = nonService.find((n) => n.extra.shortcutKey === digit);
      if (type) void quick(type);
      return Boolean(type);
    }
    if (e.key === 'F1') {
      setHelp(true);
      return true;
    }
    if (e.ctrlKey && e.key.toLowerCase() === 'k') {
      go('hotline-calls');
      return true;
    }
    const active = desk.active;
    // With a saved call open in front, its own keys apply.
    if (openCall !== null || !active) return false;
    if (e.key === 'F4') {
      desk.endCall(active.id);
      return true;
    }
    if (e.ctrlKey && (e.key === 'Enter' || e.key.toLowerCase() === 's')) {
      void save();
      return true;
    }
    if (e.key === 'F6' && (desk.drafts?.length ?? 0) > 1) {
      switchCall(e.shiftKey ? -1 : 1);
      return true;
    }
    return false;
  });

  return (
    <Box>
      <PageHeader
        title={t('common:nav.hotline')}
        subtitle={t('common:home.hotlineSubtitle')}
        actions={
          <>
            <Button startIcon={<KeyboardIcon />} onClick={() => setHelp(true)}>
              {t('desk.help')} (F1)
            </Button>
            <Button variant="outlined" startIcon={<PhoneCallbackIcon />} onClick={() => void start('outbound')}>
              {t('desk.newOutbound')} (Shift+F2)
            </Button>
            <Button ref={startButton} variant="contained" size="large" startIcon={<AddIcCallIcon />} onClick={() => void start('inbound')} data-testid="new-call">
              {t('desk.newCall')} (F2)
            </Button>
          </>
        }
      />
      <PendingHandover />
      <DeskCounters />
      <Paper variant="outlined" sx={{ p: 1.5, mb: 2, display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography sx={{ mr: 1 }} color="text.secondary">
          {t('desk.nonServiceTitle')}
        </Typography>
        {nonService.map((n) => (
          <Button key={n.id} variant="outlined" onClick={() => void quick(n)} data-testid={`quick-${n.code}`}>
            {refName(n, lang)}
            {n.extra.shortcutKey ? ` (Alt+${String(n.extra.shortcutKey)})` : ''}
          </Button>
        ))}
      </Paper>
      {failure && (
        <Alert severity="error" sx={{ mb: 2 }} onClose={() => setFailure(null)}>
          {failure}
        </Alert>
      )}
      {desk.loadError && <Alert severity="error">{t(desk.loadError.messageKey)}</Alert>}
      {desk.drafts && desk.drafts.length > 0 && desk.active ? (
        <OpenCalls desk={desk} notesRef={notesRef} onSave={() => void save()} onOpenCall={setOpenCall} />
      ) : (
        <Stack spacing={2}>
          <Paper variant="outlined" sx={{ p: 3, textAlign: 'center' }}>
            <Typography color="text.secondary">{t('desk.noOpenCalls')}</Typography>
          </Paper>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '3fr 2fr' }, gap: 2 }}>
            <RecentCalls onOpen={setOpenCall} />
            <RefList
              title={t('common:home.riskFlags')}
              items={flags}
              secondary={(f) => [lang === 'en' ? f.extra.actionEn : f.extra.actionZh, f.extra.phone ? `☎ ${String(f.extra.phone)}` : null].filter(Boolean).join('  ')}
            />
          </Box>
        </Stack>
      )}
      <Snackbar
        open={notice !== null}
        autoHideDuration={8000}
        onClose={() => setNotice(null)}
        message={<span data-testid="save-notice">{notice?.text}</span>}
        action={
          notice && (
            <Button color="inherit" size="small" onClick={() => setOpenCall(notice.id)}>
              {t('desk.open')}
            </Button>
          )
        }
      />
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
      {openCall !== null && <CallDetailDialog callId={openCall} onClose={() => setOpenCall(null)} onOpenCall={setOpenCall} />}
    </Box>
  );
}
