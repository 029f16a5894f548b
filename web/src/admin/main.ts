// The secretary console (秘书处): meetings, roster, credential cards, check-in, ballots and the audit log.
import '../shared/base.css';
import './admin.css';
import './cards.css';
import './catalogue.js';
import { html, render } from '../shared/html.js';
import { language } from '../i18n/i18n.js';
import { App } from './app.js';

document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en';
render(html`<${App} />`, document.getElementById('app')!);
