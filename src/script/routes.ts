// HTTP routes: the chair's script (主持词) of a sitting.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { api, idParams, responses } from '../http/routes.js';
import { docxResponse, sendPaper } from '../papers/paper-file.js';
import * as schemas from './schemas.js';
import { chairScript, chairScriptDocx, type ScriptDeps } from './service.js';

export interface ScriptRoutesOptions {
  context: ScriptDeps & Pick<AppContext, 'paperWork'>;
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

  routes.get('/api/meetings/:id/script/docx', {
    config: { permission: 'script.read', errors: ['MEETING_NOT_FOUND', 'PAPER_WORK_BUSY', 'PAPER_TOO_SLOW', 'PAPER_TOO_MUCH_MEMORY'] },
    schema: {
      tags: ['meetings'],
      summary: 'The chair’s script as a .docx in the official layout (GB/T 9704-2012), with the figures as they are now: for officers and the sitting’s presiding chair',
      params: idParams,
      response: docxResponse,
    },
    handler: async (request, reply) => sendPaper(reply, await chairScriptDocx(context, request.actor, request.params.id)),
  });
}
