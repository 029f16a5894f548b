// The console's frame: who is signed in, the header with navigation and the language switch, and the routes.
import { PaperBallotsPrint } from './paper-print.js';
import { api } from '../shared/api.js';
import { html, useEffect, useRef, useState } from '../shared/html.js';
import { useLanguage } from '../shared/use-language.js';
import { language, setLanguage, t } from '../i18n/i18n.js';
import { SessionScreen, SessionsScreen } from './agenda.js';
import { AuditScreen } from './audit.js';
import { CardsScreen } from './cards.js';
import { DepartmentsScreen } from './departments.js';
import { DocumentScreen } from './document.js';
import { DocumentRecord } from './document-record.js';
import { DocumentsScreen } from './documents.js';
import { ExtraordinaryScreen } from './extraordinary.js';
import { LoginScreen } from './login.js';
import { MeetingLayout } from './meeting.js';
import { MeetingsHome } from './meetings.js';
import { MotionScreen } from './motion.js';
import { MotionReport } from './motion-report.js';
import { MotionsTracker } from './motions.js';
import { PresidiumScreen } from './presidium.js';
import { RosterScreen } from './roster.js';
import { type StorageHealth, StorageNotices, StorageScreen } from './storage.js';
import { interceptLinks, match, navigate, usePath } from './router.js';
import { canDraftDocuments, canTrackMotions, currentAccount, isConsoleAccount, isOfficer, isSecretary, roleKey, setAccount } from './session.js';
import type { Account } from './types.js';
import { CredentialsScreen, TermCredentialsScreen } from './credentials.js';
import { ResolutionsPrint, ResolutionsScreen } from './resolutions.js';
import { SessionReportScreen } from './aftermath.js';
import { TermRulesScreen } from './term-rules.js';
import { Loading } from './ui.js';
import { JointDecisionsScreen } from './joint.js';

function LanguageSwitch() {
  const next = language() === 'zh' ? 'en' : 'zh';
  return html`<button type="button" class="quiet small" lang=${next === 'en' ? 'en' : 'zh-CN'} onClick=${() => setLanguage(next)}>${t('language')}</button>`;
}

function Header({ account, path, onSignOut }: { account: Account; path: string; onSignOut: () => void }) {
  const section = path.startsWith('/admin/storage')
    ? 'storage'
    : path.startsWith('/admin/audit')
      ? 'audit'
      : path.startsWith('/admin/motions')
        ? 'motions'
        : path.startsWith('/admin/documents')
          ? 'documents'
          : path.startsWith('/admin/departments')
            ? 'departments'
            : 'meetings';
  const current = (name: string) => (section === name ? 'page' : undefined);
  const handler = account.role === 'handler';
  return html`<header class="console-header no-print">
    <a class="brand" href="/admin"><span class="brand-mark" aria-hidden="true">议</span>${t('adminConsoleName')}</a>
    <nav class="console-nav" aria-label=${t('adminMainNavigation')}>
      ${!handler && account.role !== 'committee' && html`<a href="/admin" aria-current=${current('meetings')}>${t('adminNavMeetings')}</a>`}
      ${canTrackMotions() && html`<a href="/admin/motions" aria-current=${current('motions')}>${t('adminNavMotions')}</a>`}
      ${canDraftDocuments() && html`<a href="/admin/documents" aria-current=${current('documents')}>${t('docNav')}</a>`}
      ${isSecretary() && html`<a href="/admin/departments" aria-current=${current('departments')}>${t('adminNavDepartments')}</a>`}
      ${isOfficer(account) && html`<a href="/admin/audit" aria-current=${current('audit')}>${t('adminNavAudit')}</a>`}
      ${isOfficer(account) && html`<a href="/admin/storage" aria-current=${current('storage')}>${t('storageNav')}</a>`}
    </nav>
    <div class="console-user">
      <span><strong>${account.displayName || account.username}</strong> <span class="muted">${t(roleKey(account.role))}</span></span>
      <${LanguageSwitch} />
      <button type="button" class="quiet small" onClick=${onSignOut}>${t('adminSignOut')}</button>
    </div>
  </header>`;
}

/** Officers are warned on every screen while writes are held back for the reserve or a scrub is owed. */
function StorageBanner({ path }: { path: string }) {
  const [health, setHealth] = useState<StorageHealth | undefined>(undefined);
  useEffect(() => {
    api
      .get<{ storage: StorageHealth }>('/api/health')
      .then((body) => setHealth(body.storage))
      .catch(() => undefined);
  }, [path]);
  if (path.startsWith('/admin/storage')) return null;
  return html`<div class="no-print"><${StorageNotices} health=${health} /></div>`;
}

function NotFound() {
  return html`<h1>${t('adminNotFound')}</h1><p><a href="/admin">${t('adminBackToMeetings')}</a></p>`;
}

/** Resolutions (决议): the secretary writes them; the scrutineers and the committee read them. */
function canReadResolutions(): boolean {
  const role = currentAccount()?.role;
  return role === 'secretary' || role === 'scrutineer' || role === 'committee';
}

function SecretaryOnly({ children }: { children: unknown }) {
  return isSecretary() ? children : html`<h1>${t('adminSecretaryOnly')}</h1><p><a href="/admin">${t('adminBackToMeetings')}</a></p>`;
}

function route(path: string) {
  if (path === '/admin' || path === '/admin/') return isOfficer(currentAccount()) ? html`<${MeetingsHome} />` : html`<${MotionsTracker} />`;
  if (match('/admin/motions', path)) return html`<${MotionsTracker} />`;
  if (match('/admin/motions/report', path)) return html`<${MotionReport} />`;
  const motion = match('/admin/motions/:motionId', path);
  if (motion) return html`<${MotionScreen} motionId=${motion.motionId} />`;
  if (match('/admin/documents', path)) return html`<${DocumentsScreen} />`;
  const document = match('/admin/documents/:documentId', path);
  if (document) return html`<${DocumentScreen} documentId=${document.documentId} />`;
  const record = match('/admin/documents/:documentId/record', path);
  if (record) return html`<${DocumentRecord} documentId=${record.documentId} />`;
  if (match('/admin/departments', path)) return html`<${SecretaryOnly}><${DepartmentsScreen} /><//>`;
  if (match('/admin/audit', path)) return html`<${AuditScreen} meetingId=${null} />`;
  if (match('/admin/storage', path)) return isOfficer(currentAccount()) ? html`<${StorageScreen} />` : html`<${NotFound} />`;
  let parameters = match('/admin/terms/:termId/roster', path);
  if (parameters) return html`<${SecretaryOnly}><${RosterScreen} termId=${parameters.termId} /><//>`;
  parameters = match('/admin/terms/:termId/extraordinary', path);
  if (parameters) return isOfficer(currentAccount()) ? html`<${ExtraordinaryScreen} termId=${parameters.termId} />` : html`<${NotFound} />`;
  parameters = match('/admin/terms/:termId/sessions', path);
  if (parameters) return html`<${SecretaryOnly}><${SessionsScreen} termId=${parameters.termId} /><//>`;
  parameters = match('/admin/terms/:termId/sessions/:sessionId', path);
  if (parameters) return html`<${SecretaryOnly}><${SessionScreen} termId=${parameters.termId} sessionId=${parameters.sessionId} /><//>`;
  parameters = match('/admin/terms/:termId/sessions/:sessionId/resolutions', path);
  if (parameters) return canReadResolutions() ? html`<${ResolutionsScreen} termId=${parameters.termId} sessionId=${parameters.sessionId} />` : html`<${NotFound} />`;
  parameters = match('/admin/sessions/:sessionId/resolutions/print', path);
  if (parameters) return canReadResolutions() ? html`<${ResolutionsPrint} sessionId=${parameters.sessionId} />` : html`<${NotFound} />`;
  parameters = match('/admin/ballots/:ballotId/papers/print', path);
  if (parameters) return html`<${SecretaryOnly}><${PaperBallotsPrint} ballotId=${parameters.ballotId} /><//>`;
  parameters = match('/admin/terms/:termId/joint-decisions', path);
  if (parameters) return html`<${JointDecisionsScreen} termId=${parameters.termId} />`;
  parameters = match('/admin/terms/:termId/cards', path);
  if (parameters) return html`<${SecretaryOnly}><${CardsScreen} termId=${parameters.termId} /><//>`;
  parameters = match('/admin/terms/:termId/rules', path);
  if (parameters) return html`<${SecretaryOnly}><${TermRulesScreen} termId=${parameters.termId} /><//>`;
  parameters = match('/admin/terms/:termId/credentials', path);
  if (parameters) return html`<${SecretaryOnly}><${TermCredentialsScreen} termId=${parameters.termId} /><//>`;
  parameters = match('/admin/sessions/:sessionId/credentials', path);
  if (parameters) return html`<${SecretaryOnly}><${CredentialsScreen} sessionId=${parameters.sessionId} /><//>`;
  parameters = match('/admin/sessions/:sessionId/report', path);
  if (parameters) return html`<${SecretaryOnly}><${SessionReportScreen} sessionId=${parameters.sessionId} /><//>`;
  parameters = match('/admin/sessions/:sessionId/presidium', path);
  if (parameters) return isOfficer(currentAccount()) ? html`<${PresidiumScreen} sessionId=${parameters.sessionId} />` : html`<${NotFound} />`;
  const meeting = /^\/admin\/meetings\/([A-Za-z0-9_-]+)(\/.*)?$/.exec(path);
  if (meeting) return html`<${MeetingLayout} meetingId=${meeting[1]} section=${(meeting[2] ?? '').replace(/^\/|\/$/g, '')} />`;
  return html`<${NotFound} />`;
}

export function App() {
  useLanguage();
  const [account, setAccountState] = useState<Account | null | undefined>(undefined);
  const path = usePath();
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(path);

  const signIn = (next: Account | null) => {
    setAccount(next);
    setAccountState(next);
  };

  useEffect(() => {
    api
      .get<{ actor: Account & { kind: string } }>('/api/auth/me')
      .then(({ actor }) => signIn(actor.kind === 'account' && isConsoleAccount(actor) ? actor : null))
      .catch(() => signIn(null));
  }, []);

  useEffect(() => {
    // After a client-side navigation, move focus to the new content so screen readers start there.
    if (path !== firstPath.current) main.current?.focus();
    firstPath.current = '';
  }, [path]);

  const signOut = async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    signIn(null);
    navigate('/admin');
  };

  if (account === undefined) return html`<main id="main" class="console-main"><${Loading} /></main>`;
  if (account === null) {
    return html`<div class="login-page"><div class="login-language"><${LanguageSwitch} /></div><${LoginScreen} onSignedIn=${signIn} /></div>`;
  }
  return html`<div class="console" onClick=${interceptLinks}>
    <a class="skip-link no-print" href="#main">${t('adminSkipToContent')}</a>
    <${Header} account=${account} path=${path} onSignOut=${signOut} />
    <main id="main" class="console-main" tabindex="-1" ref=${main}>${isOfficer(account) && html`<${StorageBanner} path=${path} />`}${route(path)}</main>
  </div>`;
}
