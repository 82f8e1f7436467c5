import type { OpenAPIObject, OperationObject, PathItemObject } from '@nestjs/swagger';

export const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface DocumentedOperation {
  path: string;
  method: HttpMethod;
  operation: OperationObject;
}

/** Every operation of a document with its path and method. */
export function operationsOf(document: OpenAPIObject): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]: [string, PathItemObject]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({
      path,
      method,
      operation: item[method] as OperationObject,
    })),
  );
}
