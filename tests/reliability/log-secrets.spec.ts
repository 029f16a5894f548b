// Item 4: a whole meeting against the real server at LOG_LEVEL=trace (and socket.io's DEBUG output
// asked for too), every byte it writes to stdout and stderr captured; then the log is searched for
// every secret the meeting made: passwords, session tokens and the cookies and Authorization headers
// carrying them, display tokens, access codes in every form a person types them, receipts and choices.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { SECRETARY_PASSWORD } from '../support/congress.js';
import { motionFields } from '../support/motions.js';
import { fileUpload } from '../support/multipart.js';
import { type ServerProcess, startServer } from '../support/server-process.js';
import { command, within } from '../support/sockets.js';

let directory: string | undefined;
let server: ServerProcess | undefined;
const sockets = new Set<Socket>();

afterEach(async () => {
  for (const socket of sockets) socket.disconnect();
  sockets.clear();
  await server?.stop('SIGKILL');
  server = undefined;
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

interface Answer {
  status: number;
  body: any;
  cookie: string | undefined;
}

/** The secrets the meeting made, by what they are, to look for in the log afterwards. */
class Secrets {
  readonly found = new Map<string, string>();
  add(what: string, value: string): string {
    this.found.set(what, value);
    return value;
  }
  /** A code as printed, as stored, and as people type it. */
  addCode(what: string, printed: string): void {
    const bare = printed.replaceAll('-', '');
    this.add(`${what} (printed)`, printed);
    this.add(`${what} (bare)`, bare);
    this.add(`${what} (lower case)`, printed.toLowerCase());
    this.add(`${what} (bare, lower case)`, bare.toLowerCase());
    this.add(`${what} (spaced)`, printed.replaceAll('-', ' '));
  }
}

describe('the log of a whole meeting at trace level', () => {
  it('holds no password, cookie, authorization header, token, access code, receipt or choice', async () => {
    directory = mkdtempSync(join(tmpdir(), 'yishi-log-secrets-'));
    server = await startServer(join(directory, 'yishi.sqlite'), { LOG_LEVEL: 'trace', DEBUG: 'socket.io*,engine*', CODE_ATTEMPT_LIMIT: '50' }, 30_000);
    let log = '';
    server.child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server.child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const url = server.url;
    const secrets = new Secrets();
    secrets.add('the secretary password', SECRETARY_PASSWORD);

    const api = async (method: string, path: string, options: { headers?: Record<string, string>; json?: unknown; raw?: { body: BodyInit; type: string } } = {}): Promise<Answer> => {
      const headers: Record<string, string> = { ...options.headers };
      let body: BodyInit | undefined;
      if (options.json !== undefined) [headers['content-type'], body] = ['application/json', JSON.stringify(options.json)];
      if (options.raw) [headers['content-type'], body] = [options.raw.type, options.raw.body];
      const response = await fetch(`${url}${path}`, { method, headers, body });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // a page or nothing
      }
      return { status: response.status, body: parsed, cookie: response.headers.getSetCookie()[0]?.split(';')[0] };
    };
    const ok = (answer: Answer, status = 200) => {
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
      return answer.body;
    };
    const connect = (auth: object, extraHeaders?: Record<string, string>) => {
      const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth, ...(extraHeaders ? { extraHeaders } : {}) });
      sockets.add(socket);
      return within(
        new Promise<Socket>((resolve, reject) => {
          socket.once('connect', () => resolve(socket));
          socket.once('connect_error', reject);
        }),
        10_000,
        'the socket to connect',
      );
    };

    // The secretary mistypes, sends a broken body, then signs in.
    const wrongPassword = secrets.add('a wrong password', 'Wrong-Horse-Battery-9');
    expect((await api('POST', '/api/auth/login', { json: { username: 'secretary', password: wrongPassword } })).status).toBe(401);
    const brokenPassword = secrets.add('a password in a broken body', 'Broken-Body-Password-7');
    expect((await api('POST', '/api/auth/login', { raw: { type: 'application/json', body: `{"username":"secretary","password":"${brokenPassword}"` } })).status).toBe(400);
    const signedIn = await api('POST', '/api/auth/login', { json: { username: 'secretary', password: SECRETARY_PASSWORD } });
    ok(signedIn);
    const cookie = signedIn.cookie!;
    secrets.add('the secretary cookie', cookie);
    secrets.add('the secretary session token', cookie.split('=')[1]!);
    const as = { cookie };

    // The roster comes in as an uploaded file, the cookie riding the multipart request.
    const { term } = ok(await api('POST', '/api/terms', { headers: as, json: { number: 3 } }), 201);
    ok(await api('POST', `/api/terms/${term.id}/delegations`, { headers: as, json: { name: '第一代表团' } }), 201);
    const csv = ['姓名,工号,代表团,身份', ...Array.from({ length: 6 }, (_, index) => `代表${index + 1},A00${index + 1},第一代表团,代表`)].join('\n');
    const upload = fileUpload(csv, '名单.csv', 'text/csv');
    ok(await api('POST', `/api/terms/${term.id}/members/import`, { headers: as, raw: { type: upload.headers['content-type'], body: new Uint8Array(upload.payload) } }));
    const { codes } = ok(await api('POST', `/api/terms/${term.id}/codes`, { headers: as, json: { scope: 'missing' } }), 201);
    codes.forEach((entry: { code: string; joinUrl: string }, index: number) => {
      secrets.addCode(`the access code of representative ${index + 1}`, entry.code);
      secrets.add(`the join link of representative ${index + 1}`, entry.joinUrl);
    });
    const code = (index: number) => codes[index].code as string;

    const { meeting } = ok(await api('POST', '/api/meetings', { headers: as, json: { termId: term.id, title: '第三届第二次职工代表大会', kind: 'congress', sessionNumber: 2 } }), 201);
    ok(await api('POST', `/api/meetings/${meeting.id}/open`, { headers: as }));
    const now = Date.now();
    ok(
      await api('PUT', `/api/meetings/${meeting.id}/motion-settings`, {
        headers: as,
        json: { opensAt: new Date(now - 86_400_000).toISOString(), closesAt: new Date(now + 864_000_000).toISOString() },
      }),
    );

    // The projector: its token in a header, in its page's address, in a query string and over a socket.
    const projector = ok(await api('POST', `/api/meetings/${meeting.id}/display-token`, { headers: as }), 201);
    const displayToken = secrets.add('the display token', projector.token);
    secrets.add('the display link', projector.displayUrl);
    await api('GET', `/display/${displayToken}`);
    ok(await api('GET', `/api/meetings/${meeting.id}/live`, { headers: { authorization: `Display ${displayToken}` } }));
    await api('GET', `/api/meetings/${meeting.id}/live?displayToken=${displayToken}&token=${displayToken}`);
    await connect({ displayToken, meetingId: meeting.id });

    // Representatives join every way there is: printed code, lower case, spaced, a scanned link, a socket.
    const first = await api('POST', '/api/join', { json: { code: code(0), issueToken: true } });
    const firstToken = secrets.add('a representative session token (issued)', ok(first).token);
    secrets.add('a representative cookie', first.cookie!);
    const second = await api('POST', '/api/join', { json: { code: code(1).toLowerCase().replaceAll('-', '') } });
    ok(second);
    secrets.add('a representative cookie (lower-case join)', second.cookie!);
    secrets.add('a representative session token (cookie)', second.cookie!.split('=')[1]!);
    const fourth = await api('POST', '/api/join', { json: { code: code(3).replaceAll('-', ' ') } });
    ok(fourth);
    secrets.add('a representative cookie (spaced join)', fourth.cookie!);
    await api('GET', `/v/${code(4)}`);
    await api('GET', `/api/me?code=${code(4)}`);
    expect((await api('POST', '/api/join', { raw: { type: 'application/json', body: `{"code":"${code(4)}"` } })).status).toBe(400);
    expect((await api('POST', '/api/join', { json: { code: 'ABCD-EFGH-JKLM' } })).status).toBe(401);
    secrets.addCode('a wrong code', 'ABCD-EFGH-JKLM');
    const third = await connect({ code: code(2), meetingId: meeting.id });

    // Check-in over a Bearer token, a cookie and the socket.
    ok(await api('POST', `/api/meetings/${meeting.id}/check-in`, { headers: { authorization: `Bearer ${firstToken}` } }));
    ok(await api('POST', `/api/meetings/${meeting.id}/check-in`, { headers: { cookie: second.cookie! } }));
    ok(await api('POST', `/api/meetings/${meeting.id}/check-in`, { headers: { cookie: fourth.cookie! } }));
    expect((await command(third, 'attendance:check-in', { meetingId: meeting.id })).error).toBeUndefined();
    await connect({ token: firstToken, meetingId: meeting.id });
    await connect({ meetingId: meeting.id }, { cookie });

    // A secret ballot with write-ins: each voter's receipt and choices are secrets.
    const ballotBody = {
      title: '关于选举工会委员的决议',
      items: [
        { kind: 'approval', title: '关于《集体合同(草案)》的决议' },
        {
          kind: 'election',
          title: '补选工会委员',
          seats: 2,
          candidates: [
            { id: 'cand-zhang', name: '张候选' },
            { id: 'cand-li', name: '李候选' },
          ],
          allowWriteIn: true,
        },
      ],
    };
    const { ballot } = ok(await api('POST', `/api/meetings/${meeting.id}/ballots`, { headers: as, json: ballotBody }), 201);
    ok(await api('POST', `/api/ballots/${ballot.id}/open`, { headers: as, json: {} }));
    const paper = (index: number) => {
      const writeIn = secrets.add(`the write-in of voter ${index + 1}`, `另选他人甲乙${'丙丁戊'[index]}`);
      const answers = [['yes', 'no', 'abstain'][index], { candidateIds: [index % 2 ? 'cand-li' : 'cand-zhang'], writeIns: [writeIn] }];
      secrets.add(`the answers of voter ${index + 1}`, JSON.stringify(answers));
      const receipt = secrets.add(`the receipt of voter ${index + 1}`, `receipt-${index + 1}-${crypto.randomUUID().replaceAll('-', '')}`);
      return { answers, receipt };
    };
    const papers = [paper(0), paper(1), paper(2)];
    ok(await api('POST', `/api/ballots/${ballot.id}/votes`, { headers: { authorization: `Bearer ${firstToken}` }, json: papers[0] }), 201);
    ok(await api('POST', `/api/ballots/${ballot.id}/votes`, { headers: { cookie: second.cookie! }, json: papers[1] }), 201);
    expect((await command(third, 'ballot:cast', { ballotId: ballot.id, ...papers[2]! })).error).toBeUndefined();
    // A second try at voting, a malformed paper and a broken body: refused, and still secret.
    expect((await api('POST', `/api/ballots/${ballot.id}/votes`, { headers: { authorization: `Bearer ${firstToken}` }, json: papers[0] })).status).toBe(409);
    const badReceipt = secrets.add('a malformed receipt', 'not a receipt! 不是回执');
    expect((await api('POST', `/api/ballots/${ballot.id}/votes`, { headers: { cookie: second.cookie! }, json: { answers: papers[1]!.answers, receipt: badReceipt } })).status).toBe(400);
    expect(
      (
        await api('POST', `/api/ballots/${ballot.id}/votes`, {
          headers: { cookie: second.cookie! },
          raw: { type: 'application/json', body: `{"answers":${JSON.stringify(papers[1]!.answers)},"receipt":"${papers[1]!.receipt}"` },
        })
      ).status,
    ).toBe(400);
    ok(await api('POST', `/api/ballots/${ballot.id}/receipts/check`, { headers: { authorization: `Bearer ${firstToken}` }, json: { receipt: papers[0]!.receipt } }));
    expect((await command(third, 'ballot:verify-receipt', { ballotId: ballot.id, receipt: papers[2]!.receipt })).data).toEqual({ counted: true });

    // A motion with an attachment, uploaded with the Bearer token.
    const { motion } = ok(await api('POST', `/api/meetings/${meeting.id}/motions`, { headers: { authorization: `Bearer ${firstToken}` }, json: motionFields('关于食堂排队问题的提案') }), 201);
    const pdf = fileUpload(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'), '调查.pdf', 'application/pdf');
    ok(
      await api('POST', `/api/motions/${motion.id}/attachments`, { headers: { authorization: `Bearer ${firstToken}` }, raw: { type: pdf.headers['content-type'], body: new Uint8Array(pdf.payload) } }),
      201,
    );

    ok(await api('POST', `/api/ballots/${ballot.id}/close`, { headers: as }));
    ok(await api('POST', '/api/auth/logout', { headers: as }));
    for (const socket of sockets) socket.disconnect();
    await server.stop('SIGTERM');

    // The capture works: the requests are there, at trace level, with dependencies' lines among them.
    expect(log).toContain('incoming request');
    expect(log).toContain('Providing options to busboy');
    expect(log).toContain(`/api/ballots/${ballot.id}/close`);
    const leaked = [...secrets.found].filter(([, value]) => log.includes(value)).map(([what]) => what);
    expect(leaked, 'secrets found in the log').toEqual([]);
    console.info(`log secrets: ${secrets.found.size} secrets searched for in ${log.split('\n').length} lines (${Math.round(log.length / 1024)} KiB) of trace-level log`);
  }, 120_000);
});
