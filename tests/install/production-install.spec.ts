// A production install (`npm run build`, `npm pack`, `npm ci --omit=dev`) serves every page, the API
// and the live layer (a small hall voting by socket) from a read-only folder: no devDependency, no
// TypeScript at run time, and nothing written anywhere but the folder of DATABASE_PATH.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createCongress, deviceReceipt, openBallot, SECRETARY_PASSWORD } from '../support/congress.js';
import { fileUpload } from '../support/multipart.js';
import { listing, makeProductionInstall, type ProductionInstall, spawnInInstall } from '../support/production-install.js';
import { remoteApp } from '../support/server-process.js';
import { within } from '../support/sockets.js';

const PAGES = ['/join', '/admin', '/display/some-display-token', '/results/some-ballot'];
const ENVIRONMENT = {
  NODE_ENV: 'production',
  SECRET_KEY: 'install-test-secret-key-0123456789-abcdefghij',
  HOST: '127.0.0.1',
  PORT: '0',
  ADMIN_USER: 'secretary',
  ADMIN_PASSWORD: SECRETARY_PASSWORD,
};

let install: ProductionInstall | undefined;
let server: ReturnType<typeof spawnInInstall> | undefined;
let url = '';
let installedFiles: string[] = [];
const sockets: Socket[] = [];

function environment(): Record<string, string> {
  return { ...ENVIRONMENT, DATABASE_PATH: join(install!.data, 'yishi.sqlite') };
}

/** The address the server logs once it listens (PORT=0 picks a free one). */
async function listeningAddress(started: NonNullable<typeof server>): Promise<string> {
  const found = new Promise<string>((resolve, reject) => {
    const look = () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(started.output());
      if (match) resolve(match[1]!);
    };
    started.child.stdout!.on('data', look);
    started.exited.then(() => reject(new Error(`the server exited:\n${started.output()}`)));
    look();
  });
  return within(found, 30_000, `the server to listen:\n${started.output()}`);
}

async function signIn(username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

beforeAll(async () => {
  install = await makeProductionInstall();
  installedFiles = listing(install.app);
  server = spawnInInstall(install, ['dist/main.js'], environment());
  url = await listeningAddress(server);
}, 600_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGTERM');
    await within(server.exited, 10_000, 'the server to stop').catch(() => server!.child.kill('SIGKILL'));
  }
  install?.remove();
}, 30_000);

describe('a production install', () => {
  it('holds no devDependency and no TypeScript', () => {
    // A devDependency some production package needs as well (@types/node, by engine.io) is installed for that package.
    const { packages } = JSON.parse(readFileSync(join(install!.app, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const devOnly = Object.keys(packages).filter((path) => packages[path]!.dev);
    for (const tool of ['vite', 'tsx', 'typescript', 'socket.io-client', 'preact', 'htm', 'vitest']) expect(devOnly).toContain(`node_modules/${tool}`);
    for (const path of devOnly) expect(existsSync(join(install!.app, path)), path).toBe(false);
    const typescript = installedFiles.map((line) => line.split(' ')[0]!).filter((path) => !path.includes('/node_modules/') && /\.[cm]?ts$/.test(path));
    expect(typescript).toEqual([]);
    expect(existsSync(join(install!.app, 'src'))).toBe(false);
  });

  it('loads every compiled module with the production dependencies alone', async () => {
    const modules = installedFiles
      .map((line) => line.split(' ')[0]!)
      .filter((path) => path.startsWith(join(install!.app, 'dist')) && path.endsWith('.js'))
      // Entry points start something when loaded: the server runs already, the commands below.
      .filter((path) => !/dist\/(main|src\/main|src\/cli\/\w+)\.js$/.test(path));
    expect(modules.length).toBeGreaterThan(50);
    const loader = spawnInInstall(install!, ['--input-type=module', '-e', 'for (const path of JSON.parse(process.env.MODULES)) await import(path); console.log("loaded")'], {
      MODULES: JSON.stringify(modules),
    });
    expect(await within(loader.exited, 60_000, 'the modules to load'), loader.output()).toBe(0);
    expect(loader.output()).toContain('loaded');
  });

  it('serves every page and each script and style sheet it loads', async () => {
    for (const page of PAGES) {
      const response = await fetch(`${url}${page}`);
      expect(response.status, page).toBe(200);
      const html = await response.text();
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
      expect(
        assets.some((asset) => asset.endsWith('.js')),
        page,
      ).toBe(true);
      for (const asset of assets) {
        const loaded = await fetch(`${url}${asset}`);
        expect(loaded.status, asset).toBe(200);
        expect((await loaded.arrayBuffer()).byteLength, asset).toBeGreaterThan(0);
      }
    }
    const styled = await (await fetch(`${url}/admin`)).text();
    expect(styled).toMatch(/href="\/assets\/[^"]+\.css"/);
  });

  it('answers /api/health', async () => {
    const response = await fetch(`${url}/api/health`);
    expect(response.status).toBe(200);
  });

  it('accepts a socket.io connection from a signed-in secretary', async () => {
    const cookie = await signIn('secretary', SECRETARY_PASSWORD);
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } });
    sockets.push(socket);
    await within(
      new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', (error) => reject(error));
      }),
      10_000,
      'the socket to connect',
    );
    expect(socket.connected).toBe(true);
  });

  it('runs a hall: representatives join by code, check in and vote by socket, and the count is exact', async () => {
    const app = remoteApp(url);
    const congress = await createCongress(app, { representatives: 5, present: 'all' });
    const ballotId = await openBallot(congress);
    const phones = congress.representatives.map(({ code }) => {
      const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { code } });
      sockets.push(socket);
      return socket;
    });
    const answers = ['yes', 'yes', 'yes', 'no', 'abstain'];
    const acknowledged = await within(
      Promise.all(
        phones.map(
          (socket, index) => new Promise<unknown>((resolve) => socket.emit('ballot:cast', { ballotId, answers: [answers[index]], receipt: deviceReceipt() }, (response: unknown) => resolve(response))),
        ),
      ),
      20_000,
      'every vote to be acknowledged',
    );
    expect(acknowledged.every((response) => typeof response === 'object' && response !== null && 'data' in response)).toBe(true);
    const as = { cookie: congress.secretary };
    await call(app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: as });
    const { ballot } = await call(app, { method: 'POST', url: `/api/ballots/${ballotId}/publish`, headers: as });
    expect(ballot.result.items[0].counts).toEqual({ yes: 3, no: 1, abstain: 1 });
  });

  it('reads an uploaded roster in the compiled worker thread', async () => {
    const cookie = await signIn('secretary', SECRETARY_PASSWORD);
    const post = (path: string, body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      fetch(`${url}${path}`, { method: 'POST', headers: { cookie, ...headers }, body });
    const { term } = await (await post('/api/terms', JSON.stringify({ number: 1 }))).json();
    expect((await post(`/api/terms/${term.id}/delegations`, JSON.stringify({ name: '第一代表团' }))).status).toBe(201);
    const upload = fileUpload(['姓名,工号,代表团,身份', '张三,A001,第一代表团,代表', '李四,A002,第一代表团,列席代表'].join('\n'), '名单.csv', 'text/csv');
    const imported = await post(`/api/terms/${term.id}/members/import`, new Uint8Array(upload.payload), upload.headers);
    expect(await imported.json()).toEqual({ imported: 2 });
  });

  it('runs the admin and backup commands from dist', async () => {
    const admin = spawnInInstall(install!, ['dist/src/cli/admin.js', 'create', 'teller', '--role', 'scrutineer'], environment());
    admin.child.stdin!.end('teller-password-0123\n');
    expect(await within(admin.exited, 30_000, 'npm run admin'), admin.output()).toBe(0);
    await signIn('teller', 'teller-password-0123');
    const backup = spawnInInstall(install!, ['dist/src/cli/backup.js', join(install!.data, 'backup.sqlite')], environment());
    expect(await within(backup.exited, 30_000, 'npm run backup'), backup.output()).toBe(0);
    expect(existsSync(join(install!.data, 'backup.sqlite'))).toBe(true);
  });

  it('writes nothing in the install folder', () => {
    expect(listing(install!.app)).toEqual(installedFiles);
  });
});
