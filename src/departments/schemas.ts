// zod schemas for departments (部门): request bodies and the department as answered.
import { z } from 'zod';
import { requiredText as text } from '../http/routes.js';

export const departmentInput = z.object({ name: text(60) }).strict();
export const departmentPatch = z.object({ name: text(60).optional(), disabled: z.boolean().optional() }).strict();

export const department = z.object({ id: z.string(), name: z.string(), disabled: z.boolean(), createdAt: z.string() }).meta({ id: 'Department' });
