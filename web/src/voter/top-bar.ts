// The strip at the top of every voter screen: the name of the app, the connection, the language.
import { t } from '../i18n/i18n.js';
import { ConnectionBadge } from '../shared/connection-status.js';
import { html } from '../shared/html.js';
import { LanguageSwitch } from '../shared/language-switch.js';
import type { ConnectionStatus } from '../shared/live.js';

export function TopBar({ status }: { status: ConnectionStatus | null }) {
  return html`<header class="top-bar">
    <span class="brand">${t('appName')}</span>
    ${status ? html`<${ConnectionBadge} status=${status} />` : null}
    <${LanguageSwitch} />
  </header>`;
}
