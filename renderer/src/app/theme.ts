import { createTheme } from '@mui/material/styles';
import { enUS, zhTW } from '@mui/material/locale';
import type { Lang } from '../../../shared/api/common';
import type { ColorMode } from '../../../shared/api/channels/prefs';

/**
 * Calm colours for long night shifts: a muted teal primary, no pure white glare
 * (background slightly grey), large enough type for the desk's reading distance. The dark
 * palette is for a dim room at night: the same teal lightened to keep its contrast (6.4:1 on the
 * dark paper, 8.6:1 under a button's dark text: WCAG AA), and a blue-grey background rather than black, which is harder to read on.
 */
const PALETTES = {
  light: {
    mode: 'light',
    primary: { main: '#00695c' },
    secondary: { main: '#5c6bc0' },
    background: { default: '#f4f6f6', paper: '#ffffff' },
  },
  dark: {
    mode: 'dark',
    primary: { main: '#4db6ac' },
    secondary: { main: '#9fa8da' },
    background: { default: '#121a1c', paper: '#1b2528' },
  },
} as const;

export function themeFor(lang: Lang, mode: ColorMode = 'light') {
  return createTheme(
    {
      palette: PALETTES[mode],
      typography: {
        fontFamily: '"Noto Sans TC", "Microsoft JhengHei", "PingFang TC", sans-serif',
        fontSize: 15,
        h1: { fontSize: '1.75rem', fontWeight: 700 },
        h2: { fontSize: '1.4rem', fontWeight: 700 },
        h3: { fontSize: '1.15rem', fontWeight: 700 },
      },
      shape: { borderRadius: 8 },
      components: {
        MuiButton: { defaultProps: { disableElevation: true }, styleOverrides: { root: { textTransform: 'none' } } },
        MuiTab: { styleOverrides: { root: { textTransform: 'none' } } },
        MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
        MuiTableCell: { styleOverrides: { head: { fontWeight: 700 } } },
      },
    },
    lang === 'en' ? enUS : zhTW,
  );
}
