import { IconButton, Tooltip } from '@mui/material';
import DarkModeIcon from '@mui/icons-material/DarkMode';
import LightModeIcon from '@mui/icons-material/LightMode';
import { useTranslation } from 'react-i18next';
import { useColorMode } from '../app/colorMode';

/** Night mode for this computer: one click, remembered across restarts (electron-store). */
export function ColorModeToggle() {
  const { colorMode, setColorMode } = useColorMode();
  const { t } = useTranslation();
  const next = colorMode === 'dark' ? 'light' : 'dark';
  const label = t(next === 'dark' ? 'colorMode.toDark' : 'colorMode.toLight');
  return (
    <Tooltip title={label}>
      <IconButton color="inherit" onClick={() => void setColorMode(next)} aria-label={label} data-testid="color-mode-toggle" data-mode={colorMode}>
        {next === 'dark' ? <DarkModeIcon /> : <LightModeIcon />}
      </IconButton>
    </Tooltip>
  );
}
