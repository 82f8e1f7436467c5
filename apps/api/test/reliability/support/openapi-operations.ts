/**
 * The operations of a served OpenAPI 3 document, flattened for the fuzzer: method, path template,
 * parameters and JSON request body schema with every `$ref` resolved.
 */

export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  example?: unknown;
  default?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  $ref?: string;
}

export type ParameterLocation = 'path' | 'query' | 'header';

export interface OperationParameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** `GET /api/v1/transactions/{id}`: how reports name it. */
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  parameters: OperationParameter[];
  /** The `application/json` request body, when the operation takes one. */
  body?: { schema: JsonSchema; required: boolean };
  /** Whether the document says the operation needs a bearer token. */
  secured: boolean;
  /** Status codes the document declares for the operation. */
  documentedStatuses: number[];
  /** False when the document says successful requests are not in the action log (log ingest). */
  recordedInActionLog: boolean;
}

interface OpenApiOperation {
  parameters?: (OperationParameter & { $ref?: string })[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
  responses?: Record<string, unknown>;
  'x-action-log'?: boolean;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The schema with every `$ref` replaced by its target (the document has no cycles in bodies). */
function resolve(schema: JsonSchema, document: OpenApiDocument, depth = 0): JsonSchema {
  if (depth > 20) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(document.components?.schemas?.[name] ?? {}, document, depth + 1);
  }
  const resolved: JsonSchema = { ...schema };
  if (schema.items) resolved.items = resolve(schema.items, document, depth + 1);
  if (schema.properties) {
    resolved.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => [
        key,
        resolve(value, document, depth + 1),
      ]),
    );
  }
  if (schema.allOf) {
    return schema.allOf
      .map((part) => resolve(part, document, depth + 1))
      .reduce<JsonSchema>(
        (merged, part) => ({
          ...merged,
          ...part,
          properties: { ...merged.properties, ...part.properties },
          required: [...(merged.required ?? []), ...(part.required ?? [])],
        }),
        { ...resolved, allOf: undefined },
      );
  }
  return resolved;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const jsonBody = operation.requestBody?.content?.['application/json']?.schema;
      operations.push({
        id: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase() as Operation['method'],
        path,
        parameters: (operation.parameters ?? []).map((parameter) => ({
          name: parameter.name,
          in: parameter.in,
          required: parameter.required ?? false,
          schema: resolve(parameter.schema ?? {}, document),
        })),
        body: jsonBody
          ? {
              schema: resolve(jsonBody, document),
              required: operation.requestBody?.required ?? false,
            }
          : undefined,
        secured: (operation.security?.length ?? 0) > 0,
        documentedStatuses: Object.keys(operation.responses ?? {})
          .map(Number)
          .filter(Number.isInteger),
        recordedInActionLog: operation['x-action-log'] !== false,
      });
    }
  }
  return operations;
}
