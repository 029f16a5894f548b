// A session's public notice (/public/sessions/<sessionId>): its published results, resolutions and
// motions, printable on A4, with the English switch. A page of its own, so the voter page keeps its weight.
import '../shared/base.css';
import './results.css';
import { html, render } from '../shared/html.js';
import { applyPageLanguage } from '../shared/page-language.js';
import { SessionNotice } from './session-notice.js';

applyPageLanguage('sessionNoticePageTitle');
const sessionId = decodeURIComponent(location.pathname.split('/')[3] ?? '');
render(html`<${SessionNotice} sessionId=${sessionId} />`, document.getElementById('app')!);
