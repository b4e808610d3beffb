import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

interface NavValue {
  route: string;
  go(route: string): void;
}

const NavContext = createContext<NavValue | null>(null);

/** The current page lives in location.hash so a reload (or a crash) returns to it. */
export function NavProvider({ children }: { children: ReactNode }) {
  const [route, setRoute] = useState(() => window.location.hash.replace(/^#\/?/, ''));
  useEffect(() => {
    const onHash = () => setRoute(window.location.hash.replace(/^#\/?/, ''));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = useCallback((next: string) => {
    window.location.hash = `/${next}`;
    setRoute(next);
  }, []);
  return <NavContext.Provider value={{ route, go }}>{children}</NavContext.Provider>;
}

export function useNav(): NavValue {
  const v = useContext(NavContext);
  if (!v) throw new Error('useNav outside NavProvider');
  return v;
}
