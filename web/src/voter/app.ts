// The voter page's two screens: the code form and the meeting. A /v/<code> link signs in at once
// and leaves the address bar as /join, so the code is not left in the history or on screen.
import { localized, t } from '../i18n/i18n.js';
import { ApiError } from '../shared/api.js';
import { html, useEffect, useState } from '../shared/html.js';
import { MeetingView } from './meeting-view.js';
import { JoinForm } from './join-form.js';
import { codeFromPath, formatCode, hasSession, joinWithCode } from './session.js';

type Screen = { name: 'starting' } | { name: 'form'; code: string; error: string | null } | { name: 'meeting' };

function reasonFor(error: unknown): string {
  return error instanceof ApiError ? localized({ zh: error.messageZh, en: error.messageEn }) : t('errorGeneric');
}

/** Signs in with a code; the refusal in words, or null on success. */
async function tryJoin(code: string): Promise<string | null> {
  try {
    await joinWithCode(code);
    return null;
  } catch (error) {
    return reasonFor(error);
  }
}

export function VoterApp() {
  const [screen, setScreen] = useState<Screen>({ name: 'starting' });
  useEffect(() => {
    const code = codeFromPath(location.pathname);
    if (code !== null) {
      history.replaceState(null, '', '/join');
      void tryJoin(code).then((refusal) => setScreen(refusal ? { name: 'form', code: formatCode(code), error: refusal } : { name: 'meeting' }));
      return;
    }
    hasSession().then(
      (signedIn) => setScreen(signedIn ? { name: 'meeting' } : { name: 'form', code: '', error: null }),
      (error: unknown) => setScreen({ name: 'form', code: '', error: reasonFor(error) }),
    );
  }, []);
  if (screen.name === 'starting') return html`<main class="voter"><p class="card loading">${t('loading')}</p></main>`;
  if (screen.name === 'meeting') return html`<${MeetingView} onSignedOut=${() => setScreen({ name: 'form', code: '', error: t('sessionEnded') })} />`;
  const join = async (code: string) => {
    const refusal = await tryJoin(code);
    if (!refusal) setScreen({ name: 'meeting' });
    return refusal;
  };
  return html`<${JoinForm} key=${screen.error ?? ''} initialCode=${screen.code} error=${screen.error} onJoin=${join} />`;
}
