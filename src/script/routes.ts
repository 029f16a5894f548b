// HTTP routes: the chair's script (主持词) of a sitting.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { api, idParams, responses } from '../http/routes.js';
import * as schemas from './schemas.js';
import { chairScript, type ScriptDeps } from './service.js';

export interface ScriptRoutesOptions {
  context: ScriptDeps;
}

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function scriptRoutes(app: FastifyInstance, { context }: ScriptRoutesOptions): Promise<void> {
  const routes = api(app);

  routes.get('/api/meetings/:id/script', {
    config: { permission: 'script.read', errors: ['MEETING_NOT_FOUND'] },
    schema: {
      tags: ['meetings'],
      summary: 'The chair’s script (主持词) of a sitting, with the attendance and ballot figures as they are now: for officers and the sitting’s presiding chair',
      params: idParams,
      response: responses({ 200: z.object({ script: schemas.chairScript }) }),
    },
    handler: async (request) => ({ script: await chairScript(context, request.actor, request.params.id) }),
  });
}
