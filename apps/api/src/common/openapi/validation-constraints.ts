import { Type } from '@nestjs/common';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger';
import {
  ARRAY_MAX_SIZE,
  ARRAY_MIN_SIZE,
  getMetadataStorage,
  IS_EMAIL,
  IS_IN,
  IS_UUID,
  MATCHES,
  IS_ISO4217_CURRENCY_CODE,
  IS_INT,
  MAX,
  MAX_LENGTH,
  MIN,
  MIN_LENGTH,
} from 'class-validator';
import { RouteHandler, routedOperationsOf } from './documented-routes';

type Schema = SchemaObject | ReferenceObject;

/** What a class-validator constraint says in JSON Schema words. */
const KEYWORD_OF: Record<string, (schema: SchemaObject, constraints: unknown[]) => void> = {
  [MAX_LENGTH]: (schema, [limit]) => (schema.maxLength = limit as number),
  [MIN_LENGTH]: (schema, [limit]) => (schema.minLength = limit as number),
  [MAX]: (schema, [limit]) => (schema.maximum = limit as number),
  [MIN]: (schema, [limit]) => (schema.minimum = limit as number),
  [ARRAY_MAX_SIZE]: (schema, [limit]) => (schema.maxItems = limit as number),
  [ARRAY_MIN_SIZE]: (schema, [limit]) => (schema.minItems = limit as number),
  [IS_EMAIL]: (schema) => (schema.format ??= 'email'),
  [IS_UUID]: (schema) => (schema.format ??= 'uuid'),
  [IS_IN]: (schema, [values]) => {
    if (Array.isArray(values)) schema.enum ??= values;
  },
  [MATCHES]: (schema, [pattern]) => {
    if (pattern instanceof RegExp) schema.pattern ??= pattern.source;
  },
  // Three letters once trimmed and upper-cased.
  [IS_ISO4217_CURRENCY_CODE]: (schema) => {
    schema.minLength = 3;
    schema.maxLength = 3;
  },
  [IS_INT]: (schema) => {
    if (schema.type === 'number' || schema.type === undefined) schema.type = 'integer';
  },
};

const isReference = <T extends object>(
  value: T | ReferenceObject | undefined,
): value is ReferenceObject => value !== undefined && '$ref' in value;

function resolve(document: OpenAPIObject, schema: Schema | undefined): SchemaObject | undefined {
  if (!isReference(schema)) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = document.components?.schemas?.[name];
  return isReference(target) ? undefined : target;
}

function applyConstraints(
  document: OpenAPIObject,
  schemaOf: (property: string) => Schema | undefined,
  dto: Type<unknown>,
): void {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  for (const { name, propertyName, constraints, each } of metadata) {
    const keyword = name === undefined ? undefined : KEYWORD_OF[name];
    const property = resolve(document, schemaOf(propertyName));
    if (!keyword || !property) continue;
    const target = each ? resolve(document, property.items) : property;
    if (target) keyword(target, constraints ?? []);
  }
}

interface RouteArgument {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

function routeArgumentsOf(route: RouteHandler): Array<RouteArgument & { kind: number }> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.methodName) ??
    {}) as Record<string, RouteArgument>;
  return Object.entries(args).map(([key, argument]) => ({
    ...argument,
    kind: Number(key.split(':')[0]),
  }));
}

function parameterSchema(
  operation: OperationObject,
  location: ParameterObject['in'],
  name: string,
): Schema | undefined {
  const parameter = operation.parameters?.find(
    (candidate): candidate is ParameterObject =>
      !isReference(candidate) && candidate.in === location && candidate.name === name,
  );
  return parameter?.schema;
}

function documentRouteConstraints(
  document: OpenAPIObject,
  operation: OperationObject,
  route: RouteHandler,
): void {
  const types = (Reflect.getMetadata(
    'design:paramtypes',
    route.controller.prototype as object,
    route.methodName,
  ) ?? []) as unknown[];
  for (const argument of routeArgumentsOf(route)) {
    const dto = types[argument.index];
    if (argument.kind === RouteParamtypes.QUERY && typeof dto === 'function') {
      applyConstraints(document, (name) => parameterSchema(operation, 'query', name), dto as Type);
    }
    if (
      argument.kind === RouteParamtypes.PARAM &&
      argument.data === undefined &&
      typeof dto === 'function'
    ) {
      applyConstraints(document, (name) => parameterSchema(operation, 'path', name), dto as Type);
    }
    if (argument.kind === RouteParamtypes.BODY && typeof dto === 'function') {
      const body = operation.requestBody;
      const schema =
        body && !isReference(body)
          ? resolve(document, body.content['application/json']?.schema)
          : undefined;
      applyConstraints(document, (name) => schema?.properties?.[name], dto as Type);
    }
    if (
      argument.kind === RouteParamtypes.PARAM &&
      typeof argument.data === 'string' &&
      argument.pipes?.includes(UuidParamPipe)
    ) {
      const schema = resolve(document, parameterSchema(operation, 'path', argument.data));
      if (schema) schema.format = 'uuid';
    }
  }
}

/** Strings of these formats are validated as such, which bounds their length. */
const LENGTH_OF_FORMAT: Record<string, number> = { uuid: 36, date: 10 };

/** Keys whose values are data, not schemas. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum']);

function visitSchemas(value: unknown, visit: (schema: SchemaObject) => void): void {
  if (Array.isArray(value)) return value.forEach((item) => visitSchemas(item, visit));
  if (value === null || typeof value !== 'object') return;
  const schema = value as SchemaObject;
  if (typeof schema.type === 'string') visit(schema);
  for (const [key, child] of Object.entries(value)) {
    if (!DATA_KEYS.has(key)) visitSchemas(child, visit);
  }
}

/** int32 when the bounds fit it, else int64 (every integer the API handles is a safe JS integer). */
function integerFormatOf(schema: SchemaObject): string {
  const int32 = (bound: number | undefined) => bound !== undefined && Math.abs(bound) < 2 ** 31;
  return int32(schema.minimum) && int32(schema.maximum) ? 'int32' : 'int64';
}

/**
 * Makes the document state what validation enforces: class-validator limits of query and body
 * DTOs (lengths, bounds, whole numbers, array sizes), UUID path parameters, the lengths formats
 * imply and the width of every integer. Run after Swagger built the document from decorators.
 */
export function documentValidationConstraints(
  document: OpenAPIObject,
  handlers: Map<string, RouteHandler>,
): void {
  for (const { operation, route } of routedOperationsOf(document, handlers)) {
    if (route) documentRouteConstraints(document, operation, route);
  }
  visitSchemas(document, (schema) => {
    const implied = schema.format ? LENGTH_OF_FORMAT[schema.format] : undefined;
    if (schema.type === 'string' && implied !== undefined && schema.maxLength === undefined) {
      schema.maxLength = implied;
    }
    if (schema.type === 'integer' && schema.format === undefined) {
      schema.format = integerFormatOf(schema);
    }
  });
}
