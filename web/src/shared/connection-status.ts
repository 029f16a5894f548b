// 已连接 / 正在重连: always on screen, announced politely when it changes.
import { t } from '../i18n/i18n.js';
import { html } from './html.js';
import type { ConnectionStatus } from './live.js';

const labels = { connected: 'connected', reconnecting: 'reconnecting', connecting: 'connecting' } as const;

export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  return html`<span class=${`status ${status}`} role="status" aria-live="polite" data-status=${status}>${t(labels[status])}</span>`;
}
