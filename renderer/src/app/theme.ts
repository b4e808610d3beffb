import { createTheme } from '@mui/material/styles';
import { enUS, zhTW } from '@mui/material/locale';
import type { Lang } from '../../../shared/api/common';

/**
 * Calm colours for long night shifts: a muted teal primary, no pure white glare
 * (background slightly grey), large enough type for the desk's reading distance.
 */
export function themeFor(lang: Lang) {
  return createTheme(
    {
      palette: {
        primary: { main: '#00695c' },
        secondary: { main: '#5c6bc0' },
        background: { default: '#f4f6f6', paper: '#ffffff' },
      },
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
