// The voter page (/join and /v/<code>): phone-first; join with a code, check in, vote.
import '../shared/base.css';
import './voter.css';
import { html, render } from '../shared/html.js';
import { applyPageLanguage } from '../shared/page-language.js';
import { VoterApp } from './app.js';

applyPageLanguage('voterPageTitle');
render(html`<${VoterApp} />`, document.getElementById('app')!);
