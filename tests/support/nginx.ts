// Debian's nginx in front of a Yishi server, run the way the README deploys it: deploy/nginx.conf
// itself, filled in with free ports, a temporary folder and a self-signed certificate made by openssl,
// nginx in the foreground as a child process, stopped by the test.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX_TEMPLATE = join(import.meta.dirname, '..', '..', 'deploy', 'nginx.conf');
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** Where nginx listens. */
export const PROXY_HOST = '127.0.0.2';
/**
 * Where nginx connects to Yishi from. On loopback every connection would come from 127.0.0.1, the
 * browser's and nginx's alike; a source of its own lets the test tell which one Yishi counted.
 */
export const PROXY_SOURCE = '127.0.0.3';

export interface Nginx {
  /** https://127.0.0.2:<port> */
  url: string;
  accessLog(): string;
  stop(): Promise<void>;
}

/** A port free on `host` now: bound with port 0, then let go. */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * deploy/nginx.conf with its example values replaced. Each must be there: if the template drifts,
 * the test fails here instead of testing something the README no longer shows.
 */
export function fillTemplate(template: string, replacements: [string, string][]): string {
  let filled = template;
  for (const [example, value] of replacements) {
    if (!filled.includes(example)) throw new Error(`deploy/nginx.conf no longer contains "${example}"`);
    filled = filled.replaceAll(example, value);
  }
  return filled;
}

function makeCertificate(folder: string): { certificate: string; key: string } {
  const certificate = join(folder, 'cert.pem');
  const key = join(folder, 'key.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${PROXY_HOST}`, '-addext', `subjectAltName=IP:${PROXY_HOST}`, '-keyout', key, '-out', certificate],
    { stdio: 'ignore' },
  );
  return { certificate, key };
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** Starts nginx in front of Yishi at 127.0.0.1:`yishiPort`; resolves once it accepts connections. */
export async function startNginx(yishiPort: number): Promise<Nginx> {
  const folder = mkdtempSync(join(tmpdir(), 'yishi-nginx-'));
  const [httpPort, httpsPort] = [await freePort(PROXY_HOST), await freePort(PROXY_HOST)];
  const { certificate, key } = makeCertificate(folder);
  const accessLog = join(folder, 'access.log');
  const site = fillTemplate(readFileSync(NGINX_TEMPLATE, 'utf8'), [
    ['server 127.0.0.1:3000;', `server 127.0.0.1:${yishiPort};`],
    ['proxy_pass http://yishi;', `proxy_pass http://yishi;\n        proxy_bind ${PROXY_SOURCE};`],
    ['listen 80;', `listen ${PROXY_HOST}:${httpPort};`],
    ['listen 443 ssl;', `listen ${PROXY_HOST}:${httpsPort} ssl;`],
    ['/etc/letsencrypt/live/yishi.example.org/fullchain.pem', certificate],
    ['/etc/letsencrypt/live/yishi.example.org/privkey.pem', key],
    ['/var/log/nginx/yishi.access.log', accessLog],
  ]);
  writeFileSync(join(folder, 'yishi.conf'), site);
  for (const temporary of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(folder, temporary));
  // What Debian's /etc/nginx/nginx.conf gives the site, with every path in the temporary folder.
  // As root, nginx's workers would run as nobody, who cannot enter the temporary folder.
  writeFileSync(
    join(folder, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root root;\n' : ''}worker_processes 1;
events { worker_connections 512; }
http {
  client_body_temp_path ${join(folder, 'client_body')};
  proxy_temp_path ${join(folder, 'proxy')};
  fastcgi_temp_path ${join(folder, 'fastcgi')};
  uwsgi_temp_path ${join(folder, 'uwsgi')};
  scgi_temp_path ${join(folder, 'scgi')};
  access_log off;
  include ${join(folder, 'yishi.conf')};
}
`,
  );
  let output = '';
  const child: ChildProcess = spawn(NGINX, ['-p', folder, '-c', join(folder, 'nginx.conf'), '-g', `daemon off; pid ${join(folder, 'nginx.pid')}; error_log stderr;`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // No nginx at NGINX_PATH: spawn reports it as an error event, and the child never runs.
  child.once('error', (error) => (output += `${error.message} (apt-get install -y nginx)\n`));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(folder, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await reachable(PROXY_HOST, httpsPort))) {
    if (child.exitCode !== null || child.pid === undefined || Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `https://${PROXY_HOST}:${httpsPort}`, accessLog: () => readFileSync(accessLog, 'utf8'), stop };
}
