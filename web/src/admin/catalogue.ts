// The console's own texts (zh-console.ts, en-console.ts), registered before any console module runs:
// main.ts imports this first, so the voter, projector, results and notice pages never load them.
import { registerCatalogue } from '../i18n/i18n.js';
import { zhConsole } from '../i18n/zh-console.js';

registerCatalogue(zhConsole, () => import('../i18n/en-console.js').then((module) => module.enConsole));
