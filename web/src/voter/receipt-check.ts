// After publication every counted receipt is public: one tap checks this device's receipt is there.
import { t } from '../i18n/i18n.js';
import { api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';

type Check = { state: 'idle' | 'checking' } | { state: 'found'; count: number } | { state: 'missing' } | { state: 'failed' };

export function ReceiptCheck({ ballotId, receipt }: { ballotId: string; receipt: string }) {
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const run = async () => {
    setCheck({ state: 'checking' });
    try {
      const { electronic, receipts } = await api.get<{ electronic: number; receipts: string[] }>(`/api/ballots/${encodeURIComponent(ballotId)}/receipts`);
      setCheck(receipts.includes(receipt) ? { state: 'found', count: electronic } : { state: 'missing' });
    } catch {
      setCheck({ state: 'failed' });
    }
  };
  return html`<div class="receipt-check">
    ${
      check.state === 'found' || check.state === 'missing'
        ? null
        : html`<button type="button" onClick=${run} disabled=${check.state === 'checking'}>${check.state === 'checking' ? t('checkingReceipt') : t('checkReceiptButton')}</button>`
    }
    <p role="status" data-testid="receipt-check" class=${check.state === 'found' ? 'ok' : check.state === 'idle' || check.state === 'checking' ? '' : 'error'}>
      ${check.state === 'found' ? t('receiptFound', { count: check.count }) : check.state === 'missing' ? t('receiptMissing') : check.state === 'failed' ? t('errorGeneric') : ''}
    </p>
  </div>`;
}
