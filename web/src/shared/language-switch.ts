// The 中文 / English button: names the other language in that language, as switches usually do.
import { language, setLanguage, t } from '../i18n/i18n.js';
import { html } from './html.js';
import { useLanguage } from './use-language.js';

export function LanguageSwitch() {
  useLanguage();
  const other = language() === 'zh' ? 'en' : 'zh';
  return html`<button type="button" class="language-switch" lang=${other === 'zh' ? 'zh-CN' : 'en'} onClick=${() => setLanguage(other)}>${t('language')}</button>`;
}
