import { useCallback, useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, Chip, Grid, Paper, Snackbar, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import ConnectedTvIcon from '@mui/icons-material/ConnectedTv';
import DesktopAccessDisabledIcon from '@mui/icons-material/DesktopAccessDisabled';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../shared/api/common';
import type { TopicLink } from '../../../../shared/api/channels/counter';
import { api, unwrap } from '../../app/api';
import { useLanguage } from '../../app/language';
import { PageHeader } from '../../components/PageHeader';
import { PrintDialog } from '../../components/PrintDialog';
import { useReference } from '../reference/useReference';
import { COUNTER_KEY, topicQuery, useHotkeys, useInvalidateCounter, usePresent, useTopic } from './hooks';
import { Kbd, NO_CAPS } from './Kbd';
import { TopicSearchList } from './TopicSearchList';
import { TopicView } from './TopicView';
import { VisitDialog } from './VisitDialog';
import { SlipLayoutToggle, slipKind, useSlipLayout } from './slipLayout';

type Basket = Pick<TopicLink, 'id' | 'titleZh' | 'titleEn'>[];

/**
 * The desk: choose the visitor's language (F2/F3), search, open a topic — it appears on the
 * visitor's screen in their language while this screen stays in the staff's — print the
 * slip (F7), log the visit (F8). F6 returns to the search box, F9 blanks the visitor screen.
 */
export default function DeskPage() {
  const { t } = useTranslation('counter');
  const { lang: staffLang } = useLanguage();
  const [visitorLang, setVisitorLang] = useState<Lang>('zh-TW');
  const [openId, setOpenId] = useState<number | null>(null);
  const [basket, setBasket] = useState<Basket>([]);
  const [dialog, setDialog] = useState<'print' | 'visit' | null>(null);
  const [logged, setLogged] = useState(false);
  const [layout, setLayout] = useSlipLayout();
  // The staff read in their own language; they may glance at the other one to read it out.
  const [viewLang, setViewLang] = useState<Lang | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const topic = useTopic(openId);
  const refs = useReference();
  const present = usePresent();
  const invalidate = useInvalidateCounter();
  const queryClient = useQueryClient();
  const screen = useQuery({
    queryKey: [...COUNTER_KEY, 'presented'],
    queryFn: () => unwrap(api().counter.presented({})),
    refetchInterval: 3000,
    staleTime: 0,
  });

  const presentAsync = present.mutateAsync;
  const refetchScreen = screen.refetch;
  const showVisitor = useCallback(
    async (topicId: number | null, l: Lang) => {
      await presentAsync({ topicId, lang: l });
      await refetchScreen();
    },
    [presentAsync, refetchScreen],
  );

  const open = useCallback(
    (id: number) => {
      setOpenId(id);
      setViewLang(null);
      void showVisitor(id, visitorLang);
      void queryClient.fetchQuery(topicQuery(id)).then((d) =>
        setBasket((b) => (b.some((x) => x.id === id) ? b : [...b, { id, titleZh: d.titleZh, titleEn: d.titleEn }])),
      );
    },
    [showVisitor, visitorLang, queryClient],
  );

  const chooseLang = useCallback(
    (l: Lang) => {
      setVisitorLang(l);
      if (openId !== null) void showVisitor(openId, l);
      // The next thing the clerk does is type what the visitor asks.
      searchRef.current?.focus();
    },
    [openId, showVisitor],
  );

  const hotkeys = useMemo(
    () => ({
      F2: () => chooseLang('zh-TW'),
      F3: () => chooseLang('en'),
      F6: () => searchRef.current?.focus(),
      F7: () => openId !== null && setDialog('print'),
      F8: () => setDialog('visit'),
      F9: () => void showVisitor(null, visitorLang),
    }),
    [chooseLang, openId, showVisitor, visitorLang],
  );
  useHotkeys(hotkeys, dialog === null);

  const closeDialog = () => {
    setDialog(null);
    searchRef.current?.focus();
  };
  const onLogged = () => {
    setBasket([]);
    setOpenId(null);
    setVisitorLang('zh-TW');
    setLogged(true);
    closeDialog();
    void invalidate();
  };

  const units = refs.data?.guidanceUnit ?? [];
  const unit = units.find((u) => u.id === topic.data?.unitId);
  const onScreen = screen.data?.topic;

  return (
    <Box>
      <PageHeader
        title={t('desk.title')}
        subtitle={t('desk.subtitle')}
        actions={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="body2">{t('desk.visitorLang')}</Typography>
            <ToggleButtonGroup sx={NO_CAPS} exclusive size="small" value={visitorLang} onChange={(_, v: Lang | null) => v && chooseLang(v)} data-testid="visitor-lang">
              <ToggleButton value="zh-TW">
                中文 <Kbd>F2</Kbd>
              </ToggleButton>
              <ToggleButton value="en">
                English <Kbd>F3</Kbd>
              </ToggleButton>
            </ToggleButtonGroup>
          </Stack>
        }
      />
      <Paper variant="outlined" sx={{ p: 1, mb: 2, display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Chip
          color={onScreen ? 'primary' : 'default'}
          data-testid="visitor-status"
          label={
            onScreen
              ? t('desk.visitorShowing', { title: onScreen.title, lang: screen.data?.lang === 'en' ? 'English' : '中文' })
              : t('desk.visitorIdle')
          }
        />
        <Button size="small" startIcon={<ConnectedTvIcon />} onClick={() => void api().counter.openVisitorScreen({})} data-testid="open-visitor-screen">
          {t('desk.openVisitorScreen')}
        </Button>
        <Button size="small" startIcon={<DesktopAccessDisabledIcon />} onClick={() => void showVisitor(null, visitorLang)} disabled={!onScreen}>
          {t('desk.clearVisitor')} <Kbd>F9</Kbd>
        </Button>
        <Box sx={{ flex: 1 }} />
        <Typography variant="body2" color="text.secondary">
          {t('desk.basket')}:
        </Typography>
        {basket.length === 0 && <Typography variant="body2">{t('desk.basketEmpty')}</Typography>}
        {basket.map((b) => (
          <Chip key={b.id} size="small" label={staffLang === 'en' ? b.titleEn : b.titleZh} onDelete={() => setBasket((x) => x.filter((y) => y.id !== b.id))} />
        ))}
        <Button variant="contained" startIcon={<HowToRegIcon />} onClick={() => setDialog('visit')} data-testid="log-visit">
          {t('desk.logVisit')} <Kbd>F8</Kbd>
        </Button>
      </Paper>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 4 }}>
          <TopicSearchList ref={searchRef} lang={staffLang} openId={openId} onOpen={open} />
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          {topic.data ? (
            <Stack spacing={1.5}>
              <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="body2">{t('desk.viewLang')}</Typography>
                <ToggleButtonGroup exclusive size="small" sx={NO_CAPS} value={viewLang ?? staffLang} onChange={(_, v: Lang | null) => v && setViewLang(v)} aria-label={t('desk.viewLang')}>
                  <ToggleButton value="zh-TW">中文</ToggleButton>
                  <ToggleButton value="en">English</ToggleButton>
                </ToggleButtonGroup>
                <Box sx={{ flex: 1 }} />
                <SlipLayoutToggle value={layout} onChange={setLayout} />
                <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => setDialog('print')} data-testid="print-slip">
                  {t('desk.printSlip')} <Kbd>F7</Kbd>
                </Button>
              </Stack>
              <TopicView topic={topic.data} lang={viewLang ?? staffLang} unit={unit} onOpenRelated={open} />
            </Stack>
          ) : (
            <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
              <Typography color="text.secondary">{t('desk.pickTopic')}</Typography>
            </Paper>
          )}
        </Grid>
      </Grid>
      {dialog === 'print' && openId !== null && (
        <PrintDialog kind={slipKind('counter.slip', layout)} params={{ topicId: openId, first: visitorLang }} onClose={closeDialog} />
      )}
      {dialog === 'visit' && (
        <VisitDialog draft={{ topics: basket, lang: visitorLang, suggestedUnitId: topic.data?.unitId ?? null }} onClose={closeDialog} onLogged={onLogged} />
      )}
      <Snackbar open={logged} autoHideDuration={4000} onClose={() => setLogged(false)}>
        <Alert severity="success" variant="filled" data-testid="visit-logged">
          {t('desk.logged')}
        </Alert>
      </Snackbar>
    </Box>
  );
}
