// The server's one logger (pino, through Fastify), and what it never writes: cookies, authorization
// headers, session and display tokens, access codes, receipts, choices and passwords, at any level and
// whoever logs them (Yishi, Fastify, or a plugin: @fastify/multipart logs the request's headers at trace).
// pino's own `redact` takes fixed paths, and a dependency can put headers or a body under any key at
// any depth; so every logged object is walked by key name, and every text in it (the message, an
// error's message and stack, a request's address) is scrubbed of anything shaped like a secret.
import createDebug from 'debug';
import type { FastifyServerOptions } from 'fastify';
import { normalizeCode } from './access/codes.js';
import type { Config } from './config.js';

const REDACTED = '[redacted]';

/** Keys whose values are secret wherever they appear (compared in lower case). */
const SECRET_KEYS = new Set([
  'cookie',
  'cookies',
  'set-cookie',
  'authorization',
  'proxy-authorization',
  'password',
  'token',
  'displaytoken',
  'auth',
  'receipt',
  'receipts',
  'answers',
  'answer',
  'writeins',
  // A request's body or query string may hold any of the above.
  'body',
  'payload',
  'query',
  'params',
]);

/** Things shaped like a secret in any text: a log message, an error's message or stack, a whole line. */
const SECRET_SHAPES: [RegExp, string][] = [
  // Join links and projector links carry the code and the display token in the path.
  [/\/(v|display)\/[^/?#\s"'\\]+/gi, `/$1/${REDACTED}`],
  // Query strings: ?token=, ?code=, or anything else a client put there.
  [/([?&][^=&#\s"'\\]*=)[^&#\s"'\\]*/g, `$1${REDACTED}`],
  [/\b(Bearer|Display|Basic)(\s+)[^\s"'\\,;]+/gi, `$1$2${REDACTED}`],
  [/\b(yishi_[a-z]+=)[^;\s"'\\,]*/gi, `$1${REDACTED}`],
];

/**
 * Whether a run of letters, digits, dashes and underscores is a token (32 characters or more: session
 * and display tokens have 43) or an access code as printed, stored or typed. A twelve-letter English
 * word passes as a code would; so a code must be in capitals, or have a digit or a separator.
 */
function isSecretRun(run: string): boolean {
  if (run.length >= 32) return true;
  return normalizeCode(run) !== null && (/[2-9_.\s-]/.test(run) || run === run.toUpperCase());
}

export function scrubText(text: string): string {
  let scrubbed = text;
  for (const [shape, replacement] of SECRET_SHAPES) scrubbed = scrubbed.replace(shape, replacement);
  // Whole runs only: the look-behind keeps the scan linear (no rescanning a run from each of its letters).
  scrubbed = scrubbed.replace(/(?<![\w-])[\w-]{12,}/g, (run) => (isSecretRun(run) ? REDACTED : run));
  return scrubSpacedCodes(scrubbed);
}

/** Where a code typed in groups ("abcd efgh jkmn") may start; groups overlap ("code abcd efgh jkmn"), so looked at from each. */
const SPACED_GROUPS = /(?<![A-Za-z0-9])(?=([A-Za-z0-9]{4}[\s.][A-Za-z0-9]{4}[\s.][A-Za-z0-9]{4})(?![A-Za-z0-9]))/g;

function scrubSpacedCodes(text: string): string {
  let scrubbed = '';
  let from = 0;
  for (const match of text.matchAll(SPACED_GROUPS)) {
    const groups = match[1]!;
    if (match.index < from || !isSecretRun(groups)) continue;
    scrubbed += text.slice(from, match.index) + REDACTED;
    from = match.index + groups.length;
  }
  return scrubbed + text.slice(from);
}

function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null || Array.isArray(value);
}

type SerializedError = {
  type: string;
  message: string;
  stack: string;
  code?: string;
  statusCode?: number;
  cause?: SerializedError;
};

/** An error without its extra properties (a request's headers or body ride on some), its text scrubbed. */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: scrubText(JSON.stringify(scrubValue(error)) ?? String(error)), stack: '' };
  const { code, statusCode } = error as Error & { code?: unknown; statusCode?: unknown };
  return {
    type: error.constructor?.name ?? 'Error',
    message: scrubText(error.message),
    stack: scrubText(error.stack ?? ''),
    ...(typeof code === 'string' || typeof code === 'number' ? { code: scrubText(String(code)) } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    ...(error.cause !== undefined && depth < 3 ? { cause: serializeError(error.cause, depth + 1) } : {}),
  };
}

/** A copy of a logged value with secret keys redacted and every string scrubbed. */
export function scrubValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return normalizeCode(value) ? REDACTED : scrubText(value);
  if (value instanceof Error) return serializeError(value, depth);
  if (typeof value !== 'object' || value === null) return value;
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  if (seen.has(value) || depth > 8) return '[…]';
  // A class instance (a socket, a stream) is not copied key by key: only its name reaches the log.
  if (!isPlain(value)) return `[${value.constructor?.name ?? 'object'}]`;
  seen.add(value);
  if (Array.isArray(value)) return value.map((entry) => scrubValue(entry, depth + 1, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    copy[key] = SECRET_KEYS.has(key.toLowerCase()) && entry !== undefined ? REDACTED : scrubValue(entry, depth + 1, seen);
  }
  return copy;
}

/** Logged keys that have their own serializer: left for it. */
const SERIALIZED = new Set(['req', 'res', 'err', 'error']);

export function loggerOptions(config: Config, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level: config.LOG_LEVEL,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({ method: request.method, url: scrubText(request.url), id: request.id }),
      err: (error: Error) => serializeError(error),
      error: (error: Error) => serializeError(error),
      // pino passes the message, formatted, through a serializer of its key.
      msg: scrubText,
    },
    formatters: {
      log: (object: Record<string, unknown>) => {
        const scrubbed: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(object)) {
          scrubbed[key] = SERIALIZED.has(key) ? value : SECRET_KEYS.has(key.toLowerCase()) ? REDACTED : scrubValue(value);
        }
        return scrubbed;
      },
    },
  };
}

/**
 * Turns off the `debug` package's output (DEBUG=socket.io*, engine*…): socket.io and engine.io print
 * every packet there, handshake codes and votes included, past the logger. Returns what was on.
 */
export function silenceDependencyDebugging(): string {
  return createDebug.disable();
}
