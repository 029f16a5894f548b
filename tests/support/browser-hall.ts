// A hall for the page tests: a Yishi app with a congress in session on a loopback port, a browser,
// and the secretary's and other representatives' actions done through the API meanwhile.
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { launchBrowser, listen } from './browser.js';
import { call, type Congress, type CongressShape, createApp, createCongress, deviceReceipt } from './congress.js';

export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
export const PROJECTOR: BrowserContextOptions = { viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' };

export class BrowserHall {
  private constructor(
    readonly app: FastifyInstance,
    readonly congress: Congress,
    readonly base: string,
    readonly browser: Browser,
  ) {}

  static async start(shape: CongressShape): Promise<BrowserHall> {
    const app = await createApp();
    try {
      const congress = await createCongress(app, shape);
      const base = await listen(app);
      return new BrowserHall(app, congress, base, await launchBrowser());
    } catch (error) {
      await app.close();
      throw error;
    }
  }

  /** A fresh browser context (its own cookies and storage) with one page. */
  async newPage(options: BrowserContextOptions = PHONE) {
    const context = await this.browser.newContext(options);
    return { context, page: await context.newPage() };
  }

  /** Representative number `index` votes from a device of their own, through the API. */
  async voteByApi(index: number, ballotId: string, answers: unknown[], receipt: string = deviceReceipt()) {
    const person = this.congress.representatives[index]!;
    return call(this.app, { method: 'POST', url: `/api/ballots/${ballotId}/votes`, headers: { authorization: `Bearer ${person.token}` }, payload: { answers, receipt } }, 201);
  }

  /** The secretary closes and publishes a ballot; returns it with its result. */
  async closeAndPublish(ballotId: string) {
    const as = { cookie: this.congress.secretary };
    await call(this.app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: as });
    return (await call(this.app, { method: 'POST', url: `/api/ballots/${ballotId}/publish`, headers: as })).ballot;
  }

  /** How many have voted, as the secretary sees it. */
  async turnoutOf(ballotId: string): Promise<number> {
    const { ballot } = await call(this.app, { url: `/api/ballots/${ballotId}`, headers: { cookie: this.congress.secretary } });
    return ballot.turnout.voted;
  }

  async displayToken(): Promise<string> {
    return (await call(this.app, { method: 'POST', url: `/api/meetings/${this.congress.meetingId}/display-token`, headers: { cookie: this.congress.secretary } }, 201)).token;
  }

  /** Browser first (its sockets go), then the app. */
  async close(): Promise<void> {
    try {
      await this.browser.close();
    } finally {
      await this.app.close();
    }
  }
}
