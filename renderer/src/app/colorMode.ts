import { createContext, useContext } from 'react';
import type { ColorMode } from '../../../shared/api/channels/prefs';

export interface ColorModeValue {
  colorMode: ColorMode;
  setColorMode(mode: ColorMode): Promise<void>;
}

export const ColorModeContext = createContext<ColorModeValue | null>(null);

export function useColorMode(): ColorModeValue {
  const v = useContext(ColorModeContext);
  if (!v) throw new Error('useColorMode outside ColorModeContext');
  return v;
}
