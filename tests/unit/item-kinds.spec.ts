// The pages know every kind of ballot item the server declares, and no other: adding a kind on one
// side only fails here. The server's side is its OpenAPI document; the pages' side is each page's
// registry in web/src/kinds (the phone's, the published result's, the console's) and the complete one.
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../support/congress.js';

type Schema = { $ref?: string; oneOf?: Schema[]; anyOf?: Schema[]; properties?: Record<string, Schema>; enum?: string[]; const?: string };

let app: FastifyInstance;
let serverKinds: string[];

/** The web modules are loaded by URL: they are DOM code, type-checked by web/tsconfig.json, not by this project's. */
async function registryKinds(file: string, name: string): Promise<string[]> {
  const module = (await import(pathToFileURL(`${import.meta.dirname}/../../web/src/kinds/${file}`).href)) as Record<string, object>;
  return Object.keys(module[name] ?? {}).sort();
}

beforeAll(async () => {
  app = await createApp();
  const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { components: { schemas: Record<string, Schema> } };
  const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]!) : schema);
  const ballotItem = resolve(document.components.schemas.BallotItem!);
  const variants = (ballotItem.oneOf ?? ballotItem.anyOf ?? []).map(resolve);
  serverKinds = variants.flatMap((variant) => variant.properties?.kind?.enum ?? (variant.properties?.kind?.const ? [variant.properties.kind.const] : [])).sort();
});

afterAll(async () => {
  await app?.close();
});

describe('ballot item kinds on the server and in the pages', () => {
  it('reads the kinds the server declares for a ballot item', () => {
    expect(serverKinds).toEqual(expect.arrayContaining(['approval', 'election']));
  });

  it.each([
    ['the complete registry', 'index.ts', 'kinds'],
    ["the phone's paper", 'voter.ts', 'voterKinds'],
    ['the published result', 'result.ts', 'resultKinds'],
    ["the console's form and result", 'console.ts', 'consoleKinds'],
  ])('has a module for every kind and no other in %s', async (_name, file, exported) => {
    expect(await registryKinds(file, exported)).toEqual(serverKinds);
  });
});
