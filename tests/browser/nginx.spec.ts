/// <reference lib="dom" />
// The unit's server: Yishi behind nginx with TLS, configured by deploy/nginx.conf exactly as the README
// shows it. A meeting runs through https in chromium: the secretary's console, the projector opened from
// the link the console hands out, two representatives checking in and voting. Every page's live
// connection is a real websocket through nginx (none falls back to polling), the sign-in cookies are
// Secure, the projector link is under the https address, nginx's log holds no access code, and Yishi
// counts code guesses by the phone's own address: not nginx's, and not one the phone forged.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.js';
import { PHONE, PROJECTOR } from '../support/browser-hall.js';
import { createApp, createCongress } from '../support/congress.js';
import { confirm, LAPTOP, waitForText } from '../support/console.js';
import { type Nginx, PROXY_SOURCE, startNginx } from '../support/nginx.js';
import { seen, textBecomes } from '../support/page-waits.js';

const TITLE = '关于《职工代表大会实施细则》的决议';
const WRONG_CODE = 'ABCD-EFGH-JKMN';

let app: FastifyInstance | undefined;
let nginx: Nginx | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    try {
      await nginx?.stop();
    } finally {
      await app?.close();
    }
  }
});

/** A page whose websockets are written down, to show the live layer did not fall back to polling. */
async function openPage(context: BrowserContext, sockets: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('websocket', (socket) => sockets.push(socket.url()));
  return page;
}

/** Waits, bounded, for something another process writes. */
async function until(condition: () => boolean, what: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A wrong code sent to Yishi directly, from `localAddress`: the status it answers. */
function guessDirectly(port: number, localAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ code: WRONG_CODE });
    const sent = request(
      { host: '127.0.0.1', port, localAddress, method: 'POST', path: '/api/join', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    sent.once('error', reject);
    sent.end(body);
  });
}

describe('Yishi behind nginx with TLS', () => {
  it('runs a meeting over https with websockets, Secure cookies and the phones’ own addresses', { timeout: 90_000 }, async () => {
    app = await createApp({ TRUST_PROXY: true, CODE_ATTEMPT_LIMIT: 3 });
    const congress = await createCongress(app, { representatives: 2, delegations: 1, present: 0 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const yishiPort = (app.server.address() as AddressInfo).port;
    nginx = await startNginx(yishiPort);
    const base = nginx.url;
    browser = await launchBrowser(['--ignore-certificate-errors']);
    const sockets: string[] = [];

    // The secretary's console, through nginx.
    const deskContext = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
    const [name, value] = congress.secretary.split('=', 2) as [string, string];
    await deskContext.addCookies([{ name, value, url: base, secure: true }]);
    const desk = await openPage(deskContext, sockets);
    const errors: string[] = [];
    desk.on('pageerror', (error) => errors.push(error.message));
    await desk.goto(`${base}/admin/meetings/${congress.meetingId}/checkin`);
    await waitForText(desk.locator('.status'), '已连接');

    // The projector link the console hands out is under the https address nginx serves.
    const displayUrl = await desk.evaluate(async (meetingId) => {
      const response = await fetch(`/api/meetings/${meetingId}/display-token`, { method: 'POST' });
      return ((await response.json()) as { displayUrl: string }).displayUrl;
    }, congress.meetingId);
    expect(displayUrl.startsWith(`${base}/display/`)).toBe(true);
    const projector = await openPage(await browser.newContext(PROJECTOR), sockets);
    await projector.goto(displayUrl);
    await textBecomes(projector.locator('.display-header [role="status"]'), '已连接');

    // Two representatives join from their cards and check in.
    const seats: { context: BrowserContext; page: Page }[] = [];
    for (const [index, person] of congress.representatives.entries()) {
      const context = await browser.newContext(PHONE);
      const page = await openPage(context, sockets);
      await page.goto(`${base}/v/${person.code}`);
      await textBecomes(page.locator('.top-bar [role="status"]'), '已连接');
      await page.getByRole('button', { name: '签到' }).click();
      await textBecomes(page.getByTestId('attendance'), '已签到');
      await textBecomes(projector.getByTestId('figure-present'), new RegExp(`^${index + 1}$`));
      seats.push({ context, page });
    }
    await waitForText(desk.getByTestId('quorum'), '已达到法定人数');
    for (const { context } of seats) {
      const cookies = (await context.cookies()).filter((cookie) => cookie.name.startsWith('yishi_'));
      expect(cookies.length).toBeGreaterThan(0);
      for (const cookie of cookies) expect(cookie, cookie.name).toMatchObject({ secure: true, httpOnly: true });
    }

    // A secret ballot from the console, voted on the phones, published to the projector.
    await desk.getByRole('link', { name: '表决', exact: true }).click();
    await desk.getByRole('link', { name: '新建表决' }).click();
    await desk.getByLabel('表决标题').fill(TITLE);
    await desk.getByRole('button', { name: '创建表决（草稿）' }).click();
    await desk.getByRole('heading', { name: TITLE, level: 2 }).waitFor();
    await desk.getByRole('button', { name: '开始投票' }).click();
    for (const { page } of seats) {
      await page.getByRole('heading', { name: TITLE }).waitFor();
      await page.getByRole('radio', { name: '赞成' }).check();
      await page.getByRole('button', { name: /下一步/ }).click();
      await seen(page, '请核对您的选票');
      await page.getByRole('button', { name: '确认投票' }).click();
      await textBecomes(page.getByTestId('voted'), '已投票');
    }
    await waitForText(desk.getByTestId('turnout'), /^2 \/ 2/);
    await textBecomes(projector.getByTestId('turnout'), '2 / 2');
    await confirm(desk, '结束投票并计票');
    await waitForText(desk.locator('.result-item .verdict'), '通过');
    await confirm(desk, '公布结果');
    await textBecomes(projector.getByTestId('verdict'), '通过');
    for (const { page } of seats) await textBecomes(page.locator('.sole-verdict'), '通过');
    await screenshot(projector, 'nginx-projector-result');
    expect(errors).toEqual([]);

    // Every page's live connection was a websocket through nginx; nothing polled. nginx logs a
    // websocket when it ends, so the pages are closed first.
    const websocketUrl = `${base.replace('https:', 'wss:')}/socket.io/?EIO=4&transport=websocket`;
    expect(sockets.filter((url) => url.startsWith(websocketUrl)).length).toBeGreaterThanOrEqual(4);
    for (const page of [desk, projector, ...seats.map((seat) => seat.page)]) await page.context().close();
    const upgraded = () => nginx!.accessLog().match(/transport=websocket[^"]*" 101 /g)?.length ?? 0;
    await until(() => upgraded() >= 4, 'nginx to log four websockets');
    const log = nginx.accessLog();
    expect(log).not.toContain('transport=polling');
    for (const person of congress.representatives) expect(log).not.toContain(person.code);

    // A phone guessing codes is stopped at the limit, though it writes a new X-Forwarded-For each time.
    const guesser = await (await browser.newContext(PHONE)).newPage();
    await guesser.goto(`${base}/join`);
    const statuses = await guesser.evaluate(async (code) => {
      const answers: number[] = [];
      for (let attempt = 1; attempt <= 4; attempt++) {
        const response = await fetch('/api/join', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${attempt}` }, body: JSON.stringify({ code }) });
        answers.push(response.status);
      }
      return answers;
    }, WRONG_CODE);
    expect(statuses).toEqual([401, 401, 401, 429]);
    // Yishi counted the phone's address (127.0.0.1 on loopback), not nginx's: nginx's own is not locked out.
    expect(await guessDirectly(yishiPort, PROXY_SOURCE)).toBe(401);
    expect(await guessDirectly(yishiPort, '127.0.0.1')).toBe(429);
  });
});
