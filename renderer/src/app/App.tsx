import { useEffect, useMemo, useState } from 'react';
import { CssBaseline, ThemeProvider } from '@mui/material';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { Lang } from '../../../shared/api/common';
import type { ColorMode } from '../../../shared/api/channels/prefs';
import { api, unwrap } from './api';
import { initI18n } from './i18n';
import { themeFor } from './theme';
import { SessionProvider } from './session';
import { NavProvider } from './nav';
import { Root } from './Root';
import { StartupGate } from '../features/safety/StartupGate';
import { LanguageContext } from './language';
import { ColorModeContext } from './colorMode';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
});

export function App() {
  const [i18n, setI18n] = useState<I18n | null>(null);
  const [lang, setLang] = useState<Lang>('zh-TW');
  const [colorMode, setMode] = useState<ColorMode>('light');

  useEffect(() => {
    // The remembered language comes from main (electron-store) before the first paint of text.
    void unwrap(api().prefs.get({})).then((p) => {
      setLang(p.language);
      setMode(p.colorMode);
      setI18n(initI18n(p.language));
    });
  }, []);

  const language = useMemo(
    () => ({
      lang,
      async setLanguage(next: Lang) {
        await unwrap(api().prefs.setLanguage({ language: next }));
        await i18n?.changeLanguage(next);
        document.documentElement.lang = next;
        setLang(next);
      },
    }),
    [lang, i18n],
  );
  const colors = useMemo(
    () => ({
      colorMode,
      async setColorMode(next: ColorMode) {
        await unwrap(api().prefs.setColorMode({ colorMode: next }));
        setMode(next);
      },
    }),
    [colorMode],
  );
  // The visitor-facing window is another screen, read by visitors in daylight: always light.
  const visitor = window.location.hash.startsWith('#/visitor');
  const theme = useMemo(() => themeFor(lang, visitor ? 'light' : colorMode), [lang, colorMode, visitor]);

  if (!i18n) return null;
  return (
    <I18nextProvider i18n={i18n}>
      <LanguageContext.Provider value={language}>
        <ColorModeContext.Provider value={colors}>
          <ThemeProvider theme={theme}>
            <CssBaseline />
            <QueryClientProvider client={queryClient}>
              <SessionProvider>
                <NavProvider>
                  <StartupGate>
                    <Root />
                  </StartupGate>
                </NavProvider>
              </SessionProvider>
            </QueryClientProvider>
          </ThemeProvider>
        </ColorModeContext.Provider>
      </LanguageContext.Provider>
    </I18nextProvider>
  );
}
