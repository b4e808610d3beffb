import { Fragment, Suspense, useEffect } from 'react';
import {
  AppBar,
  Box,
  Button,
  CircularProgress,
  Drawer,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  ListSubheader,
  Toolbar,
  Typography,
} from '@mui/material';
import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import SchoolIcon from '@mui/icons-material/School';
import StorefrontIcon from '@mui/icons-material/Storefront';
import DashboardIcon from '@mui/icons-material/Dashboard';
import PeopleIcon from '@mui/icons-material/People';
import ListAltIcon from '@mui/icons-material/ListAlt';
import LogoutIcon from '@mui/icons-material/Logout';
import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import EventNoteIcon from '@mui/icons-material/EventNote';
import QuizIcon from '@mui/icons-material/Quiz';
import ArticleIcon from '@mui/icons-material/Article';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import BadgeIcon from '@mui/icons-material/Badge';
import BarChartIcon from '@mui/icons-material/BarChart';
import HistoryIcon from '@mui/icons-material/History';
import PendingActionsIcon from '@mui/icons-material/PendingActions';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import PolicyIcon from '@mui/icons-material/Policy';
import ShieldIcon from '@mui/icons-material/Shield';
import { useTranslation } from 'react-i18next';
import type { SessionAccount } from '../../../shared/api/channels/auth';
import { homeFor } from '../../../shared/domain/roles';
import { ColorModeToggle } from '../components/ColorModeToggle';
import { LanguageToggle } from '../components/LanguageToggle';
import { LockButton } from '../features/safety/LockButton';
import { useNav } from './nav';
import { routesFor, SECTIONS, type RouteDef } from './routes';
import { useSession } from './session';

const ICONS: Record<RouteDef['icon'], typeof PhoneInTalkIcon> = {
  phone: PhoneInTalkIcon,
  school: SchoolIcon,
  desk: StorefrontIcon,
  dashboard: DashboardIcon,
  people: PeopleIcon,
  list: ListAltIcon,
  inquiry: ManageSearchIcon,
  visits: EventNoteIcon,
  faq: QuizIcon,
  topics: ArticleIcon,
  checkIn: HowToRegIcon,
  roster: BadgeIcon,
  figures: BarChartIcon,
  callLog: HistoryIcon,
  followUps: PendingActionsIcon,
  handover: SwapHorizIcon,
  audit: PolicyIcon,
  shield: ShieldIcon,
};

const DRAWER_WIDTH = 232;

/** The signed-in frame: the navigation shows only what the account's roles may use. */
export function Shell({ account }: { account: SessionAccount }) {
  const { t } = useTranslation();
  const { route, go } = useNav();
  const { signOut } = useSession();
  const routes = routesFor(account.roles);
  const current = routes.find((r) => r.key === route);
  // Headings only help when the account works in more than one area.
  const grouped = new Set(routes.map((r) => r.section)).size > 1;
  // The account's own home area leads (a supervisor sees administration first).
  const homeSection = routes.find((r) => r.key === homeFor(account.roles))?.section;
  const sections = homeSection ? [homeSection, ...SECTIONS.filter((s) => s !== homeSection)] : SECTIONS;

  // Landing (or a route this role may not use) → the role's own home.
  useEffect(() => {
    if (!current) go(homeFor(account.roles));
  }, [current, account.roles, go]);

  const Page = current?.page;
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" elevation={0} sx={{ zIndex: (th) => th.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h3" component="p" sx={{ flex: 1 }}>
            {t('app.name')}
          </Typography>
          <Typography data-testid="signed-in-as">
            {account.displayName} · {account.roles.map((r) => t(`roles.${r}`)).join('、')}
          </Typography>
          <LanguageToggle />
          <ColorModeToggle />
          <LockButton />
          <Button color="inherit" startIcon={<LogoutIcon />} onClick={() => void signOut()}>
            {t('shell.signOut')}
          </Button>
        </Toolbar>
      </AppBar>
      <Drawer variant="permanent" sx={{ width: DRAWER_WIDTH, [`& .MuiDrawer-paper`]: { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}>
        <Toolbar />
        <List component="nav" aria-label={t('shell.navigation')} data-testid="main-nav">
          {sections.map((section) => {
            const items = routes.filter((r) => r.section === section);
            if (items.length === 0) return null;
            return (
              <Fragment key={section}>
                {grouped && <ListSubheader sx={{ lineHeight: '36px', bgcolor: 'transparent' }}>{t(`nav.sections.${section}`)}</ListSubheader>}
                {items.map((r) => {
                  const Icon = ICONS[r.icon];
                  return (
                    <ListItemButton key={r.key} selected={r.key === route} onClick={() => go(r.key)} data-route={r.key} sx={{ py: 0.5 }}>
                      <ListItemIcon>
                        <Icon />
                      </ListItemIcon>
                      <ListItemText primary={t(r.labelKey)} />
                    </ListItemButton>
                  );
                })}
              </Fragment>
            );
          })}
        </List>
      </Drawer>
      <Box component="main" sx={{ flex: 1, p: 3, minWidth: 0 }}>
        <Toolbar />
        <Suspense fallback={<CircularProgress />}>{Page && <Page />}</Suspense>
      </Box>
    </Box>
  );
}
