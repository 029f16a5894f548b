// Runs the real server (src/main.ts) in a child process on 127.0.0.1 with an ephemeral port, and an
// inject()-compatible client over HTTP, so the API fixtures work against it unchanged.
import { type ChildProcess, spawn } from 'node:child_process';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { SECRETARY_PASSWORD } from './congress.js';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Stops the server: SIGTERM (graceful) or SIGKILL (a crash). Resolves when it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startServer(databasePath: string, extraEnvironment: Record<string, string> = {}, timeoutMs = 20_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
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
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve({ url: match[1]!, child, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
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
