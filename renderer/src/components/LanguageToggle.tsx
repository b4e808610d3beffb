import { Button } from '@mui/material';
import TranslateIcon from '@mui/icons-material/Translate';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../app/language';

/** One click between 繁體中文 and English; the label names the language you switch TO, in that language. */
export function LanguageToggle({ color = 'inherit' }: { color?: 'inherit' | 'primary' }) {
  const { lang, setLanguage } = useLanguage();
  const { t } = useTranslation();
  const next = lang === 'zh-TW' ? 'en' : 'zh-TW';
  return (
    <Button
      color={color}
      startIcon={<TranslateIcon />}
      onClick={() => void setLanguage(next)}
      aria-label={t('language.switchTo')}
      data-testid="language-toggle"
    >
      {next === 'en' ? 'English' : '繁體中文'}
    </Button>
  );
}
