// A stand-in for the server whose close never finishes, run in a child process by
// tests/crash/shutdown.spec.ts: what src/shutdown.ts does when a second signal comes, or time runs out.
// Usage: node --import tsx tests/support/hanging-close.ts [timeoutMs]
import { closeOnSignals } from '../../src/shutdown.js';

const line = (level: string) => (fields: object, message: string) => console.log(JSON.stringify({ level, ...fields, msg: message }));
const log = { info: line('info'), warn: line('warn'), error: line('error'), fatal: line('fatal') };
const app = { log, close: () => new Promise<void>(() => {}) };
const timeoutMs = process.argv[2] ? Number(process.argv[2]) : undefined;

closeOnSignals(app as unknown as Parameters<typeof closeOnSignals>[0], timeoutMs);
// Keeps the process alive until a signal, as a listening server would.
setInterval(() => {}, 60_000);
console.log(JSON.stringify({ msg: 'ready' }));
