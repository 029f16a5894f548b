// Where the built pages are: web/dist, made by `npm run build` (Vite). The server only serves them;
// it never builds them, so a production install needs neither Vite nor a writable web/ folder.
import { resolve } from 'node:path';

// Run from source this file is src/web-build.ts; compiled it is dist/src/web-build.js, one level deeper.
const compiled = import.meta.url.endsWith('.js');
const PROJECT_ROOT = resolve(import.meta.dirname, compiled ? '../..' : '..');

export const WEB_DIST = resolve(PROJECT_ROOT, 'web', 'dist');
