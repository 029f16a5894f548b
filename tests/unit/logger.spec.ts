// The logger's redaction, line by line: secrets at any depth, under any key a dependency might use, in
// messages, URLs and errors, are written as [redacted]; what an operator needs to read stays.
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { scrubText } from '../../src/logger.js';
import { createApp } from '../support/congress.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const TOKEN = 'rcB7ISqSZfSaGWZqXXbTHlYH3sX-aT32AbXrX6QoY8o';
const CODE = 'TZTN-39P6-RVCM';
const RECEIPT = 'a1b2c3d4e5f6a7b8';

/** An app at trace level whose log lines are collected. */
async function tracingApp(): Promise<{ app: FastifyInstance; lines: () => string }> {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  app = await createApp({ LOG_LEVEL: 'trace' }, { logStream: stream });
  return { app, lines: () => text };
}

describe('what the log never holds', () => {
  it('redacts headers, bodies, receipts and choices wherever a plugin puts them', async () => {
    const { app: target, lines } = await tracingApp();
    target.log.trace({ busboyOptions: { headers: { cookie: `yishi_officer=${TOKEN}`, Authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' } } }, 'Providing options to busboy');
    target.log.debug({ packet: { data: [{ auth: { code: CODE } }, { ballot: { answers: ['yes'], receipt: RECEIPT } }] } });
    target.log.info({ request: { body: { password: 'correct horse battery staple' }, query: { token: TOKEN } } });
    target.log.warn('Reply was already sent for "%s" (GET)', `/v/${CODE}`);
    target.log.child({ plugin: 'any' }).info(`session ${TOKEN} resumed`);
    const written = lines();
    for (const secret of [TOKEN, CODE, RECEIPT, '"yes"', 'correct horse']) expect(written).not.toContain(secret);
    expect(written).toContain('"content-type":"text/csv"');
    expect(written).toContain('Providing options to busboy');
    expect(written).toContain('Reply was already sent for \\"/v/[redacted]\\" (GET)');
  });

  it('keeps no extra property of an error, and scrubs its message and stack', async () => {
    const { app: target, lines } = await tracingApp();
    const error = Object.assign(new Error(`Unexpected token in "{"code":"${CODE.toLowerCase()}"`), {
      code: 'FST_ERR_X',
      statusCode: 400,
      headers: { authorization: `Display ${TOKEN}` },
      body: { receipt: RECEIPT },
    });
    target.log.error({ err: error }, 'request errored');
    target.log.error(new Error('wrapped', { cause: new Error(`session ${TOKEN} expired`) }));
    const written = lines();
    for (const secret of [TOKEN, CODE.toLowerCase(), RECEIPT]) expect(written).not.toContain(secret);
    expect(written).toContain('"code":"FST_ERR_X"');
    expect(written).toContain('"statusCode":400');
  });

  it('scrubs join links, projector links, query strings, schemes and cookies out of any text', () => {
    expect(scrubText(`GET /v/${CODE} and /display/${TOKEN}?x=1`)).toBe('GET /v/[redacted] and /display/[redacted]?x=[redacted]');
    expect(scrubText(`/api/me?code=${CODE}&token=${TOKEN}`)).toBe('/api/me?code=[redacted]&token=[redacted]');
    expect(scrubText(`Bearer ${TOKEN}; yishi_member=${TOKEN}`)).toBe('Bearer [redacted]; yishi_member=[redacted]');
    for (const typed of [CODE, CODE.replaceAll('-', ''), CODE.toLowerCase(), CODE.replaceAll('-', ' '), CODE.toLowerCase().replaceAll('-', '')]) {
      expect(scrubText(`code ${typed} refused`)).toBe('code [redacted] refused');
    }
  });

  it('leaves what an operator reads: error codes, ids, words and times', () => {
    const text = 'TOO_MANY_ATTEMPTS on /api/ballots/mV5IEla5mtW-Sq8N/votes: successfully refused at 2026-12-03T22:02:09.745Z';
    expect(scrubText(text)).toBe(text);
  });
});
