// Sign-in for officers (secretary 秘书处, scrutineer 监票人): username and password, a session cookie.
import { api } from '../shared/api.js';
import { html, useEffect, useRef, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { isConsoleAccount } from './session.js';
import type { Account } from './types.js';
import { ErrorNote, useAction } from './ui.js';
import { focusUnlessTyping } from '../shared/focus.js';

export function LoginScreen({ onSignedIn }: { onSignedIn: (account: Account) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [refused, setRefused] = useState(false);
  const action = useAction();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => focusUnlessTyping(first.current), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setRefused(false);
    await action.run(async () => {
      const { account } = await api.post<{ account: Account }>('/api/auth/login', { username: username.trim(), password });
      if (!isConsoleAccount(account)) {
        await api.post('/api/auth/logout');
        setRefused(true);
        return;
      }
      onSignedIn(account);
    });
  };

  return html`<main id="main" class="login">
    <form class="login-card" onSubmit=${submit} aria-labelledby="login-title">
      <p class="login-brand" aria-hidden="true">议事</p>
      <h1 id="login-title">${t('adminLoginTitle')}</h1>
      <p class="muted">${t('adminLoginIntro')}</p>
      <label for="login-username">${t('adminUsername')}</label>
      <input id="login-username" ref=${first} name="username" autocomplete="username" required value=${username} onInput=${(e: Event) => setUsername((e.target as HTMLInputElement).value)} />
      <label for="login-password">${t('adminPassword')}</label>
      <input id="login-password" name="password" type="password" autocomplete="current-password" required value=${password} onInput=${(e: Event) => setPassword((e.target as HTMLInputElement).value)} />
      <${ErrorNote} error=${action.error} />
      ${refused && html`<p class="notice notice-error" role="alert">${t('adminLoginWrongRole')}</p>`}
      <button type="submit" class="primary wide" disabled=${action.busy}>${action.busy ? t('adminSigningIn') : t('adminSignIn')}</button>
    </form>
  </main>`;
}
