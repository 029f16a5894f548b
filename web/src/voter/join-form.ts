// /join: typing the 12-character code from the card, forgiving spaces, dashes and lower case.
import { t } from '../i18n/i18n.js';
import { html, useEffect, useRef, useState } from '../shared/html.js';
import { useLanguage } from '../shared/use-language.js';
import { formatCode, normalizeCode } from './session.js';
import { TopBar } from './top-bar.js';
import { focusUnlessTyping } from '../shared/focus.js';

interface JoinFormProps {
  initialCode: string;
  error: string | null;
  onJoin: (code: string) => Promise<string | null>;
}

export function JoinForm({ initialCode, error: initialError, onJoin }: JoinFormProps) {
  useLanguage();
  const [code, setCode] = useState(initialCode);
  const [error, setError] = useState(initialError);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => focusUnlessTyping(input.current), []);
  const submit = async (event: Event) => {
    event.preventDefault();
    const normalized = normalizeCode(code);
    if (!normalized) {
      setError(t('codeMalformed'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const refusal = await onJoin(normalized);
    setBusy(false);
    if (refusal) {
      setError(refusal);
      input.current?.focus();
    }
  };
  return html`
    <${TopBar} status=${null} />
    <main class="voter join" id="main">
      <section class="card">
        <h1>${t('joinHeading')}</h1>
        <p>${t('joinIntro')}</p>
        <form onSubmit=${submit} novalidate>
          <label for="code">${t('codeLabel')}</label>
          <input
            id="code"
            ref=${input}
            class="code-input"
            name="code"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck=${false}
            placeholder="XXXX-XXXX-XXXX"
            maxlength="30"
            value=${code}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby="code-hint code-error"
            onInput=${(event: Event) => setCode((event.target as HTMLInputElement).value)}
            onBlur=${() => setCode(formatCode(code))}
          />
          <p class="hint" id="code-hint">${t('codeHint')}</p>
          <p class="error" id="code-error" role="alert">${error ?? ''}</p>
          <button type="submit" class="primary wide" disabled=${busy}>${busy ? t('joining') : t('joinButton')}</button>
        </form>
        <p class="muted small">${t('joinQrHint')}</p>
      </section>
    </main>
  `;
}
