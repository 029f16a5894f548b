// Turns every failure into one envelope: 4xx with a stable code for bad input, never a stack trace.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { constraintError } from '../db/constraints.js';
import { AppError, type ErrorCode, errorBody, statusOf } from '../errors.js';

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

/** The multipart parser (busboy) reports a truncated or boundary-less upload, or a part never closed, as a plain Error. */
const MALFORMED_MULTIPART = /^(Unexpected end of multipart data|Multipart: Boundary not found|Part terminated early due to unexpected end of multipart data)$/;

function classify(error: FastifyError): { code: ErrorCode; details?: unknown } {
  if (error instanceof AppError) return { code: error.code, details: error.details };
  const constraint = constraintError(error);
  if (constraint) return { code: constraint.code };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((issue) => ({ path: issue.instancePath, message: issue.message }));
    return { code: 'VALIDATION_FAILED', details };
  }
  if (error.code && fastifyCodes[error.code]) return { code: fastifyCodes[error.code]! };
  if (error instanceof SyntaxError) return { code: 'BAD_JSON' };
  if (!error.statusCode && MALFORMED_MULTIPART.test(error.message)) return { code: 'VALIDATION_FAILED', details: { reason: 'the multipart body is malformed' } };
  if (error.statusCode === 429) return { code: 'RATE_LIMITED' };
  if (error.statusCode === 413) return { code: 'PAYLOAD_TOO_LARGE' };
  if (error.statusCode === 415) return { code: 'UNSUPPORTED_MEDIA_TYPE' };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return { code: 'VALIDATION_FAILED' };
  return { code: 'INTERNAL' };
}

/**
 * Fastify's router refuses some URLs before any route or error handler runs (a path parameter over
 * maxParamLength, a malformed percent-escape): give them the same envelope (the `frameworkErrors` option).
 */
export function frameworkErrors(_error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void reply.status(statusOf('VALIDATION_FAILED')).send(errorBody('VALIDATION_FAILED', { reason: 'the address is malformed' }));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { code, details } = classify(error);
    if (code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
    else if (code === 'STORAGE_FULL') request.log.warn('storage full');
    void reply.status(statusOf(code)).send(errorBody(code, details));
  });
  app.setNotFoundHandler((_request, reply) => {
    void reply.status(404).send(errorBody('ROUTE_NOT_FOUND'));
  });
}
