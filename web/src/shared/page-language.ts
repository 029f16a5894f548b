// Keeps <html lang> and the window title in the page language (screen readers pick their voice from lang).
import { language, type MessageKey, onLanguageChange, t } from '../i18n/i18n.js';

export function applyPageLanguage(titleKey: MessageKey): void {
  const apply = () => {
    document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t('appName')} · ${t(titleKey)}`;
  };
  apply();
  onLanguageChange(apply);
}
