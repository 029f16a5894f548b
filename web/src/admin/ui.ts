// Small pieces every console screen uses: loading data, running an action, errors, badges, tabs, confirmations.
import { ApiError } from '../shared/api.js';
import { html, useCallback, useEffect, useRef, useState } from '../shared/html.js';
import { language, t } from '../i18n/i18n.js';

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return language() === 'zh' ? error.messageZh : error.messageEn;
  return t('errorGeneric');
}

export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const signedOut = error instanceof ApiError && error.status === 401;
  return html`<p class="notice notice-error" role="alert">${errorMessage(error)}
    ${
      signedOut &&
      html` <a href="/admin" onClick=${(event: Event) => {
        event.preventDefault();
        location.assign('/admin');
      }}>${t('adminSignInAgain')}</a>`
    }</p>`;
}

export interface Resource<T> {
  value: T | undefined;
  error: unknown;
  reload: () => Promise<void>;
  set: (value: T) => void;
}

/** Loads once per change of deps; reload() fetches again and keeps the old value on screen meanwhile. */
export function useResource<T>(load: () => Promise<T>, deps: unknown[]): Resource<T> {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const loaded = await load();
      if (mine === generation.current) {
        setValue(() => loaded);
        setError(null);
      }
    } catch (caught) {
      if (mine === generation.current) setError(caught);
    }
  }, deps);
  useEffect(() => {
    setValue(undefined);
    void reload();
  }, [reload]);
  return { value, error, reload, set: (next: T) => setValue(() => next) };
}

export interface Action {
  busy: boolean;
  error: unknown;
  run: (work: () => Promise<unknown>) => Promise<boolean>;
  clear: () => void;
}

/** Runs one user action at a time, keeping its error to show beside the button. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clear: () => setError(null) };
}

export function Loading() {
  return html`<p class="muted" role="status">${t('loading')}</p>`;
}

export function Badge({ tone, children }: { tone: string; children: unknown }) {
  return html`<span class=${`badge badge-${tone}`}>${children}</span>`;
}

export interface Tab {
  href: string;
  label: string;
}

export function Tabs({ tabs, current, label }: { tabs: Tab[]; current: string; label: string }) {
  return html`<nav class="tabs" aria-label=${label}>
    ${tabs.map((tab) => html`<a href=${tab.href} aria-current=${tab.href === current ? 'page' : undefined}>${tab.label}</a>`)}
  </nav>`;
}

interface ConfirmProps {
  open: boolean;
  title: string;
  children?: unknown;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal <dialog>: focus stays inside, Escape cancels, and the page behind is inert. */
export function ConfirmDialog(props: ConfirmProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useRef(`dialog-${Math.random().toString(36).slice(2)}`).current;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  const cancel = (event: Event) => {
    event.preventDefault();
    props.onCancel();
  };
  return html`<dialog ref=${ref} class="dialog" aria-labelledby=${titleId} onCancel=${cancel}>
    <h2 id=${titleId}>${props.title}</h2>
    <div class="dialog-body">${props.children}</div>
    <div class="actions">
      <button type="button" onClick=${props.onCancel}>${t('adminCancel')}</button>
      <button type="button" class=${props.danger ? 'primary danger' : 'primary'} disabled=${props.busy} onClick=${props.onConfirm}>${props.confirmLabel}</button>
    </div>
  </dialog>`;
}

/** The browser tab says where we are: "表决 · 议事 秘书处"; null leaves it to the enclosing page. */
export function useTitle(text: string | undefined | null): void {
  useEffect(() => {
    if (text === null) return;
    document.title = text ? `${text} · ${t('adminConsoleName')}` : t('adminConsoleName');
  }, [text, language()]);
}
