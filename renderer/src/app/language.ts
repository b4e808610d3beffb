import { createContext, useContext } from 'react';
import type { Lang } from '../../../shared/api/common';

export interface LanguageValue {
  lang: Lang;
  setLanguage(lang: Lang): Promise<void>;
}

export const LanguageContext = createContext<LanguageValue | null>(null);

export function useLanguage(): LanguageValue {
  const v = useContext(LanguageContext);
  if (!v) throw new Error('useLanguage outside LanguageContext');
  return v;
}
