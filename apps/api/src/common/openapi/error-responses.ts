import { HttpStatus } from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ROUTE_ACCESS, RouteAccess } from '../auth/public.decorator';
import { ROLES } from '../auth/roles.decorator';
import { Role } from '../context/request-context';
import { RouteHandler, routedOperationsOf } from './documented-routes';

/** The schema every error answer follows (common/http/error-response.dto.ts). */
export const ERROR_RESPONSE_SCHEMA_REF = '#/components/schemas/ErrorResponseDto';

const reflector = new Reflector();

function metadataOf<T>(key: string, route: RouteHandler): T | undefined {
  return reflector.getAllAndOverride<T | undefined>(key, [route.handler, route.controller]);
}

function isRateLimited(route: RouteHandler): boolean {
  const guards = [
    ...((Reflect.getMetadata(GUARDS_METADATA, route.controller) as unknown[]) ?? []),
    ...((Reflect.getMetadata(GUARDS_METADATA, route.handler) as unknown[]) ?? []),
  ];
  return guards.some(
    (guard) =>
      typeof guard === 'function' &&
      (guard === ThrottlerGuard || guard.prototype instanceof ThrottlerGuard),
  );
}

const takesJsonBody = (operation: OperationObject) =>
  operation.requestBody !== undefined &&
  'content' in operation.requestBody &&
  'application/json' in operation.requestBody.content;

interface SharedError {
  status: HttpStatus;
  description: string;
  applies(operation: OperationObject, route: RouteHandler | undefined): boolean;
  headers?: ResponseObject['headers'];
}

/**
 * The errors the app's global pipeline can answer on a route, whatever its handler does, and
 * which routes each one concerns. Derived from the route's metadata and its documented inputs,
 * so a new route is documented correctly without a decorator per status.
 */
const SHARED_ERRORS: SharedError[] = [
  {
    status: HttpStatus.BAD_REQUEST,
    description:
      'Invalid input, one message per field in `details`. Every route refuses text PostgreSQL ' +
      'cannot store (NUL, unpaired surrogates) and over-deep JSON in its path, query or body.',
    applies: () => true,
  },
  {
    status: HttpStatus.UNAUTHORIZED,
    description: 'Missing, malformed, expired or revoked access token',
    applies: (_operation, route) =>
      route !== undefined && metadataOf<RouteAccess>(ROUTE_ACCESS, route) === undefined,
  },
  {
    status: HttpStatus.FORBIDDEN,
    description: 'Signed in without the role this route needs',
    applies: (_operation, route) =>
      route !== undefined && (metadataOf<Role[]>(ROLES, route)?.length ?? 0) > 0,
  },
  {
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    description: 'The body is larger than the API accepts',
    applies: takesJsonBody,
  },
  {
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    description: 'The body is in a charset or content encoding the API does not read',
    applies: takesJsonBody,
  },
  {
    status: HttpStatus.TOO_MANY_REQUESTS,
    description: 'Too many requests from this client; wait `Retry-After` seconds',
    applies: (_operation, route) => route !== undefined && isRateLimited(route),
    headers: {
      'Retry-After': {
        description: 'Seconds until the limit lets requests through again',
        schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 86_400 },
      },
    },
  },
  {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    description: 'An unexpected error; the trace ID finds it in the logs',
    applies: () => true,
  },
  {
    status: HttpStatus.SERVICE_UNAVAILABLE,
    description:
      'A dependency (the database) is unavailable; try again shortly. Every route can meet ' +
      'one: sign-in checks and the action log use the database too.',
    applies: () => true,
  },
];

function errorResponse({ description, headers }: SharedError): ResponseObject {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: { 'application/json': { schema: { $ref: ERROR_RESPONSE_SCHEMA_REF } } },
  };
}

/**
 * Adds the shared error answers each operation can give (see SHARED_ERRORS) unless the route
 * documents that status itself, with a more precise description.
 */
export function addSharedErrorResponses(
  document: OpenAPIObject,
  handlers: Map<string, RouteHandler>,
): void {
  for (const { operation, route } of routedOperationsOf(document, handlers)) {
    for (const error of SHARED_ERRORS) {
      const status = String(error.status);
      if (operation.responses[status] || !error.applies(operation, route)) continue;
      operation.responses[status] = errorResponse(error);
    }
  }
}
