// Runs the real server (src/main.ts) in a child process on 127.0.0.1 with an ephemeral port, and an
// inject()-compatible client over HTTP, so the API fixtures work against it unchanged.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { SECRETARY_PASSWORD } from './congress.js';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Stops the server: SIGTERM (graceful) or SIGKILL (a crash). Resolves when it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A free loopback port, so readiness does not depend on the log level. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilHealthy(url: string, child: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('server did not become healthy');
}

/** What the child runs: the sources through tsx (tests), or the compiled server as `npm start` runs it (dist/main.js, built first). */
export type ServerEntry = 'sources' | 'compiled';

/**
 * The Node options `npm start` runs the server with (package.json: `node <options> scripts/start.mjs
 * main`), so that tests and benchmarks measure the server as production runs it.
 */
export function productionNodeOptions(): string[] {
  const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  const words = scripts.start.split(/\s+/);
  return words.slice(words.indexOf('node') + 1, words.indexOf('scripts/start.mjs'));
}

export async function startServer(databasePath: string, extraEnvironment: Record<string, string> = {}, timeoutMs = 20_000, entry: ServerEntry = 'sources'): Promise<ServerProcess> {
  const port = await freePort();
  // YISHI_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the server under a benchmark.
  const nodeArguments = process.env.YISHI_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...productionNodeOptions(), ...nodeArguments, ...(entry === 'compiled' ? ['dist/main.js'] : ['--import', 'tsx', 'src/main.ts'])], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_PATH: databasePath,
      SECRET_KEY: 'crash-test-secret-key-0123456789-abcdefghij',
      ADMIN_USER: 'secretary',
      ADMIN_PASSWORD: SECRETARY_PASSWORD,
      LOG_LEVEL: 'info',
      CODE_ATTEMPT_LIMIT: '10000',
      ...extraEnvironment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  let output = '';
  // YISHI_SERVER_OUTPUT=/tmp/server.log keeps the server's whole output (with --trace-gc, say).
  if (process.env.YISHI_SERVER_OUTPUT) {
    const file = createWriteStream(process.env.YISHI_SERVER_OUTPUT, { flags: 'a' });
    // Both streams into one file: neither may end it while the other still writes; the exit does.
    child.stdout!.pipe(file, { end: false });
    child.stderr!.pipe(file, { end: false });
    child.once('close', () => file.end());
  }
  child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(url, child, Date.now() + timeoutMs);
  } catch {
    await stop('SIGKILL');
    throw new Error(`server did not start within ${timeoutMs} ms:\n${output}`);
  }
  return { url, child, stop };
}

/** Enough of FastifyInstance.inject, over real HTTP, for the fixtures in congress.ts. */
export function remoteApp(baseUrl: string): FastifyInstance {
  const inject = async (options: InjectOptions) => {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
    let body: string | undefined;
    if (options.payload !== undefined) {
      body = typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${baseUrl}${String(options.url)}`, { method: options.method ?? 'GET', headers, body });
    const text = await response.text();
    return {
      statusCode: response.status,
      body: text,
      headers: { 'set-cookie': response.headers.getSetCookie() },
      json: () => JSON.parse(text) as unknown,
    };
  };
  return { inject } as unknown as FastifyInstance;
}
