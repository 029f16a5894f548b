// Every route the app serves, read from the app itself (Fastify's route tree), so a route added
// tomorrow is fuzzed and must appear in the permission table without anyone remembering to list it.
import type { FastifyInstance } from 'fastify';

export interface Route {
  method: string;
  /** Fastify's spelling: `/api/ballots/:id`. */
  url: string;
}

/** The key the permission table uses: `POST /api/ballots/:id/open`. */
export const routeKey = (route: Route): string => `${route.method} ${route.url}`;

const recorded = new WeakMap<object, Route[]>();

/**
 * Wraps Fastify's factory so every app it builds records each route as it is added (an onRoute
 * hook must exist before the first route, and buildApp adds them itself). Use in a spec with
 * `vi.mock('fastify', async (original) => (await import('../support/route-table.js')).recordingFastify(await original()))`.
 * Fastify's own printRoutes tree cannot serve: it drops the static text before a wildcard.
 */
export function recordingFastify<T extends { default: (...options: any[]) => any }>(module: T): T {
  const original = module.default;
  const factory = (...options: unknown[]) => {
    const app = original(...options);
    const routes: Route[] = [];
    recorded.set(app, routes);
    app.addHook('onRoute', (route: { method: string | string[]; url: string }) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
    });
    return app;
  };
  return { ...module, default: Object.assign(factory, original) };
}

/** Every route of an app built while Fastify was recording, sorted. */
export function routesOf(app: FastifyInstance): Route[] {
  const routes = recorded.get(app);
  if (!routes) throw new Error('this app was built without recordingFastify: mock fastify in the spec');
  return [...new Map(routes.map((route) => [routeKey(route), route])).values()].sort((a, b) => routeKey(a).localeCompare(routeKey(b)));
}

/** Path parameters of a route, in order: `/api/motions/:id/attachments/:attachmentId` → id, attachmentId. */
export function parametersOf(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]!);
}

/** Fills a route's parameters (and its `*`) with the given values, URL-encoded. */
export function fillPath(url: string, values: Record<string, string>): string {
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(values[name] ?? 'x')).replace('*', () => encodeURIComponent(values['*'] ?? 'x'));
}

/** The commands a connected socket listens for (`noun:verb`), read from the server's side of one live socket. */
export function socketCommandsOf(app: FastifyInstance): string[] {
  const [socket] = app.io.of('/').sockets.values();
  if (!socket) throw new Error('connect a socket first: commands are registered per connection');
  return socket
    .eventNames()
    .map(String)
    .filter((name) => /^[a-z-]+:[a-z-]+$/.test(name))
    .sort();
}
