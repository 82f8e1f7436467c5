import { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { routeHandlersByOperation } from './documented-routes';
import { addSharedErrorResponses } from './error-responses';
import { operationsOf } from './operations';
import { documentValidationConstraints } from './validation-constraints';

/**
 * What Swagger's decorators leave out, derived in one place from the routes' metadata: the
 * limits validation enforces and the error answers the global pipeline can give.
 */
export function completeOpenApiDocument(
  app: INestApplication,
  document: OpenAPIObject,
): OpenAPIObject {
  const handlers = routeHandlersByOperation(app);
  documentValidationConstraints(document, handlers);
  addSharedErrorResponses(document, handlers);
  declareTags(document);
  return document;
}

/** Lists every tag the operations use at the top, so tools group operations by them. */
function declareTags(document: OpenAPIObject): void {
  const used = new Set(operationsOf(document).flatMap(({ operation }) => operation.tags ?? []));
  const declared = new Set((document.tags ?? []).map((tag) => tag.name));
  const missing = [...used].filter((name) => !declared.has(name)).sort();
  document.tags = [...(document.tags ?? []), ...missing.map((name) => ({ name }))];
}
