// HTTP routes: departments (部门), listed for the officers and managed by the secretary.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CoreContext } from '../context.js';
import { officerOf } from '../http/auth.js';
import { api, idParams, responses } from '../http/routes.js';
import { department, departmentInput, departmentPatch } from './schemas.js';
import * as departments from './service.js';

export interface DepartmentRoutesOptions {
  context: CoreContext;
}

/** An encapsulated plugin: registered with app.register and given only what its routes use. */
export async function departmentRoutes(app: FastifyInstance, { context }: DepartmentRoutesOptions): Promise<void> {
  const routes = api(app);
  // Listed under motions in the OpenAPI document, as the pages have always found them.
  const tags = ['motions'];

  routes.get('/api/departments', {
    config: { permission: 'departments.read' },
    schema: { tags, summary: 'Departments that handle motions', response: responses({ 200: z.object({ departments: z.array(department) }) }) },
    handler: async (_request) => {
      return { departments: await departments.listDepartments(context) };
    },
  });

  routes.post('/api/departments', {
    config: { permission: 'departments.manage', errors: ['DEPARTMENT_EXISTS'] },
    schema: { tags, summary: 'Add a department (secretary)', body: departmentInput, response: responses({ 201: z.object({ department }) }) },
    handler: async (request, reply) => reply.status(201).send({ department: await departments.createDepartment(context, officerOf(request), request.body.name) }),
  });

  routes.patch('/api/departments/:id', {
    config: { permission: 'departments.manage', errors: ['DEPARTMENT_NOT_FOUND', 'DEPARTMENT_EXISTS'] },
    schema: { tags, summary: 'Rename or disable a department (secretary)', params: idParams, body: departmentPatch, response: responses({ 200: z.object({ department }) }) },
    handler: async (request) => ({ department: await departments.updateDepartment(context, officerOf(request), request.params.id, request.body) }),
  });
}
