/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The secretary console (秘书处) in a real chromium, preparing a congress from an empty database: sign-in,
// a term and a meeting, the roster imported from a file, credential cards printed eight to an A4 page.
// Running the meeting (check-in, ballots, results, audit log) is in console-ballots.spec.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import QRCode from 'qrcode';
import { afterEach, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, screenshot } from '../support/browser.js';
import { createApp } from '../support/congress.js';
import { confirm, openConsole, waitForText } from '../support/console.js';
import { textBecomes } from '../support/page-waits.js';

let app: FastifyInstance | undefined;
let browser: Browser | undefined;

afterEach(async () => {
  await browser?.close();
  await app?.close();
  browser = undefined;
  app = undefined;
});

describe('secretary console: preparing a congress', () => {
  it('signs in, creates a term and a meeting, imports the roster and prints eight credential cards to an A4 page', { timeout: 90_000 }, async () => {
    app = await createApp();
    browser = await launchBrowser();
    const { base, page, errors } = await openConsole(browser, app);

    await page.goto(`${base}/admin`);
    await page.getByLabel('用户名').waitFor();
    await screenshot(page, 'console-login');
    await page.getByLabel('用户名').fill('secretary');
    await page.getByLabel('密码').fill('wrong password');
    await page.getByRole('button', { name: '登录' }).click();
    await waitForText(page.getByRole('alert'), '用户名或密码错误');
    // The keyboard alone: focus is already in the username field; Tab to the password, Enter to sign in.
    await page.getByLabel('用户名').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-password');
    await page.keyboard.type('correct horse battery staple');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '会议与届次' }).waitFor();

    // A term (届), then a meeting whose title is suggested from the term and session numbers.
    await page.getByRole('button', { name: '新建届次' }).click();
    await page.getByLabel('第几届').fill('3');
    await page.getByRole('button', { name: '创建届次' }).click();
    await page.getByRole('heading', { name: '第三届' }).waitFor();
    await page.getByRole('button', { name: '新建会议' }).click();
    expect(await page.getByLabel('会议名称').inputValue()).toBe('第三届第一次职工代表大会');
    await page.getByLabel('届内第几次').fill('2');
    expect(await page.getByLabel('会议名称').inputValue()).toBe('第三届第二次职工代表大会');
    await screenshot(page, 'console-new-meeting');
    await page.getByRole('button', { name: '创建会议' }).click();
    await page.getByRole('heading', { name: '第三届第二次职工代表大会', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/meetings\/[\w-]+$/);
    const meetingPath = new URL(page.url()).pathname;
    await waitForText(page.locator('.status'), '已连接');

    // The roster: delegations first, then a file import; a bad file is refused with a per-row report.
    await page.getByRole('link', { name: '名册', exact: true }).click();
    await page.getByRole('heading', { name: '第三届 · 名册' }).waitFor();
    for (const name of ['第一代表团', '第二代表团', '机关代表团']) {
      await page.getByLabel('代表团名称').fill(name);
      await page.getByRole('button', { name: '添加代表团' }).click();
      await page.getByRole('rowheader', { name }).waitFor();
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载模板' }).click()]);
    const template = readFileSync((await download.path())!, 'utf8');
    expect(template.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('姓名,工号,代表团,身份,标签');

    const badCsv = '姓名,工号,代表团,身份,标签\n张三,A001,第一代表团,代表,一线\n李四,A001,第九代表团,代表,\n,A003,第二代表团,嘉宾,\n';
    await page.setInputFiles('#roster-file', { name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(badCsv) });
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const problems = page.locator('.import-problems');
    await problems.waitFor();
    expect(await problems.getByRole('heading').textContent()).toContain('名册未作任何更改');
    const rows = problems.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(4);
    const report = await problems.locator('tbody').innerText();
    expect(report).toContain('第 3 行');
    expect(report).toContain('工号 "A001" 与第 2 行重复');
    expect(report).toContain('代表团 "第九代表团" 不是本届的代表团');
    expect(report).toContain('身份 "嘉宾" 无法识别');
    await screenshot(page, 'console-import-refused');
    expect(await page.locator('.empty').textContent()).toContain('名册上还没有人');

    const people = [
      ['王建国', 'A001', '第一代表团', '代表', '一线'],
      ['李秀英', 'A002', '第一代表团', '代表', '女、一线'],
      ['张伟', 'A003', '第一代表团', '代表', ''],
      ['刘洋', 'B001', '第二代表团', '代表', '技术'],
      ['陈静', 'B002', '第二代表团', '代表', '女'],
      ['杨帆', 'B003', '第二代表团', '代表', ''],
      ['赵磊', 'C001', '机关代表团', '代表', '管理'],
      ['黄敏', 'C002', '机关代表团', '代表', '女'],
      ['周涛', 'C003', '机关代表团', '代表', ''],
      ['吴芳', 'C004', '机关代表团', '代表', '女'],
      ['郑列席', 'C005', '机关代表团', '列席', ''],
    ];
    const goodCsv = ['姓名,工号,代表团,身份,标签', ...people.map((row) => row.join(','))].join('\n');
    await page.setInputFiles('#roster-file', { name: '名册.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${goodCsv}`) });
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await waitForText(page.getByRole('status'), '已导入 11 人');
    expect(await page.locator('.import-problems').count()).toBe(0);
    await waitForText(page.locator('.summary'), '代表 10 人 · 列席 1 人 · 代表团 3 个');
    await page.getByLabel('第一代表团团长').selectOption({ label: '李秀英' });
    await page.getByRole('rowheader', { name: /李秀英\s*团长/ }).waitFor();

    // Editing one entry, and adding one by hand.
    await page.getByRole('button', { name: '编辑张伟' }).click();
    const memberForm = page.locator('form', { has: page.locator('#member-form-title') });
    // The form puts the cursor in its first field once shown, unless one is already being typed in:
    // typed at once, the tag stays in the tag field (it used to land in the name on a loaded machine:
    // 张伟技术).
    await memberForm.getByLabel('标签').fill('技术');
    expect(await memberForm.getByLabel('姓名').inputValue()).toBe('张伟');
    await memberForm.getByRole('button', { name: '保存' }).click();
    // Saved: the form closes (or shows why not), then the row carries the new tag.
    await page
      .locator('#member-form-title')
      .waitFor({ state: 'detached' })
      .catch(async () => {
        throw new Error(`the edit form stayed open: ${(await page.locator('form.card').first().innerText()).replace(/\s+/g, ' ')}`);
      });
    await textBecomes(page.getByRole('row', { name: /张伟/ }), '技术人员');
    await screenshot(page, 'console-roster');

    // Credential cards: codes are shown once; eight cards to an A4 page when printed.
    await page.getByRole('link', { name: '代表证', exact: true }).click();
    await page.getByRole('button', { name: '为未发码的 11 人生成' }).click();
    await waitForText(page.getByRole('status'), '已生成 11 张代表证，共 2 页');
    const cards = page.locator('.credential');
    expect(await cards.count()).toBe(11);
    const first = cards.filter({ hasText: '王建国' });
    expect(await first.locator('.credential-delegation').textContent()).toBe('第一代表团');
    expect(await first.locator('.credential-code .mono').textContent()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const qr = first.locator('img.credential-qr');
    await qr.waitFor();
    expect(await qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    // The QR carries exactly the card's join link (/v/<code>), drawn as the server's qrcode library draws it.
    const code = (await first.locator('.credential-code .mono').textContent())!;
    const drawn = Buffer.from((await qr.getAttribute('src'))!.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8');
    expect(drawn).toBe(await QRCode.toString(`${base}/v/${code}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }));
    // Without PUBLIC_URL, the address printed for typing the code is the one the console was opened with.
    expect(await first.locator('.credential-hint').textContent()).toContain(`${base}/join`);
    expect(await cards.filter({ hasText: '郑列席' }).textContent()).toContain('列席代表');
    await screenshot(page, 'console-cards');

    // Reissuing every code revokes the old cards: the console asks first, and cancelling changes nothing.
    await page.getByRole('button', { name: '全部重新生成' }).click();
    const reissue = page.locator('dialog[open]');
    expect(await reissue.textContent()).toContain('所有旧代表证立即作废');
    await reissue.getByRole('button', { name: '取消' }).click();
    await reissue.waitFor({ state: 'hidden' });
    expect(await cards.count()).toBe(11);

    await page.emulateMedia({ media: 'print' });
    const layout = await page.$$eval('.card-page', (sheets) =>
      sheets.map((sheet) => {
        const rects = [...sheet.querySelectorAll('.credential')].map((card) => card.getBoundingClientRect());
        return {
          cards: rects.length,
          columns: new Set(rects.map((rect) => Math.round(rect.left))).size,
          rows: new Set(rects.map((rect) => Math.round(rect.top))).size,
          heightMm: Math.round((sheet.getBoundingClientRect().height / 96) * 25.4),
        };
      }),
    );
    expect(layout).toEqual([
      { cards: 8, columns: 2, rows: 4, heightMm: 277 },
      { cards: 3, columns: 2, rows: 2, heightMm: 277 },
    ]);
    expect(await page.locator('.console-header').isHidden()).toBe(true);
    expect(await page.getByRole('button', { name: '打印代表证' }).isHidden()).toBe(true);
    await screenshot(page, 'console-cards-print');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, path: join(ARTIFACTS, 'console-cards.pdf') });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBe(2);
    await page.emulateMedia({ media: 'screen' });

    // Opening the session locks the roster; the projector link is shown once issued.
    await page.goto(`${base}${meetingPath}`);
    await confirm(page, '开会');
    await waitForText(page.locator('.badge'), '会议进行中');
    await page.getByRole('button', { name: '生成大屏链接' }).click();
    const displayUrl = await page.getByLabel('大屏链接', { exact: true }).inputValue();
    expect(displayUrl).toMatch(new RegExp(`^${base}/display/[\\w-]+$`));
    await screenshot(page, 'console-meeting-overview');
    await page.getByRole('link', { name: '会议', exact: true }).click();
    await page.getByRole('link', { name: '第三届第二次职工代表大会' }).waitFor();
    expect(await page.locator('table.data tbody tr').first().textContent()).toContain('会议进行中');
    await screenshot(page, 'console-meetings');
    expect(errors).toEqual([]);
  });
});
