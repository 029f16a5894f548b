// The projector view (/display/<token>): the meeting for the hall, in type big enough for the back row.
import '../shared/base.css';
import './display.css';
import { html, render } from '../shared/html.js';
import { applyPageLanguage } from '../shared/page-language.js';
import { DisplayApp } from './app.js';

applyPageLanguage('displayPageTitle');
document.documentElement.classList.add('display-page');
const token = decodeURIComponent(location.pathname.split('/')[2] ?? '');
render(html`<${DisplayApp} token=${token} />`, document.getElementById('app')!);
