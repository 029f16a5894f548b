// The public result notice (/results/<ballotId>): a printable 表决结果公告 on one A4 page.
import '../shared/base.css';
import './results.css';
import { html, render } from '../shared/html.js';
import { applyPageLanguage } from '../shared/page-language.js';
import { Notice } from './notice.js';

applyPageLanguage('noticePageTitle');
const ballotId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
render(html`<${Notice} ballotId=${ballotId} />`, document.getElementById('app')!);
