// The results page.
import '../shared/base.css';
import { html, render } from '../shared/html.js';

render(html`<main><h1>议事</h1></main>`, document.getElementById('app')!);
