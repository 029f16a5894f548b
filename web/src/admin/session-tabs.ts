// The tabs of a session's page: its agenda and sittings, and its resolutions (决议).
import { html } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { Tabs } from './ui.js';

export function SessionTabs({ termId, sessionId, current }: { termId: string; sessionId: string; current: 'agenda' | 'resolutions' }) {
  const base = `/admin/terms/${termId}/sessions/${sessionId}`;
  return html`<${Tabs} label=${t('sessionTabs')} current=${current === 'agenda' ? base : `${base}/resolutions`} tabs=${[
    { href: base, label: t('agAgenda') },
    { href: `${base}/resolutions`, label: t('resTitle') },
  ]} />`;
}
