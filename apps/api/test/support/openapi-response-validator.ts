import type {
  OpenAPIObject,
  OperationObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** What the validator needs to know of one answer the API gave. */
export interface ObservedResponse {
  method: string;
  /** The request's path, without the query string. */
  path: string;
  status: number;
  /** The `Content-Type` header, if any. */
  contentType?: string;
  /** The body as JSON (when it is JSON) or its text. */
  body: unknown;
  /** Whether the answer had a body at all. */
  hasBody: boolean;
}

interface DocumentedRoute {
  template: string;
  pattern: RegExp;
  /** Literal segments win over templated ones (`/budgets/alerts` before `/budgets/{id}`). */
  literalSegments: number;
  operations: Partial<Record<string, OperationObject>>;
}

/** Where the document's schemas live for ajv: `openapi#/components/schemas/X`. */
const DOCUMENT_ID = 'openapi';
const ERROR_SCHEMA = { $ref: `${DOCUMENT_ID}#/components/schemas/ErrorResponseDto` };

const mediaTypeOf = (contentType: string) => contentType.split(';')[0].trim().toLowerCase();
const isJson = (mediaType: string) =>
  mediaType === 'application/json' || mediaType.endsWith('+json');
const isBinary = (schema: SchemaObject | ReferenceObject | undefined) =>
  schema !== undefined && !('$ref' in schema) && schema.format === 'binary';

/** Keywords holding data, kept as they are. */
const DATA_KEYS = new Set(['default', 'enum', 'const']);
/** Keywords holding schemas by name. */
const NAMED_SCHEMA_KEYS = new Set(['properties', 'schemas']);

/**
 * An OpenAPI 3.0 schema as JSON Schema (draft 7) for ajv: `nullable` becomes a `null` branch
 * and references point into the document registered under DOCUMENT_ID.
 */
export function jsonSchemaOf(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(jsonSchemaOf);
  if (schema === null || typeof schema !== 'object') return schema;
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) {
      converted[key] = `${DOCUMENT_ID}${value}`;
    } else if (DATA_KEYS.has(key)) {
      converted[key] = value;
    } else if (NAMED_SCHEMA_KEYS.has(key) && value && typeof value === 'object') {
      // Names of properties are not keywords: a property may be called `example`.
      converted[key] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([name, child]) => [
          name,
          jsonSchemaOf(child),
        ]),
      );
    } else {
      converted[key] = jsonSchemaOf(value);
    }
  }
  return (schema as { nullable?: unknown }).nullable === true
    ? { anyOf: [converted, { type: 'null' }] }
    : converted;
}

function routesOf(document: OpenAPIObject): DocumentedRoute[] {
  return Object.entries(document.paths)
    .map(([template, item]) => {
      const segments = template.split('/');
      const pattern = segments
        .map((segment) =>
          /^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
        )
        .join('/');
      return {
        template,
        pattern: new RegExp(`^${pattern}/?$`),
        literalSegments: segments.filter((segment) => !segment.startsWith('{')).length,
        operations: item as Partial<Record<string, OperationObject>>,
      };
    })
    .sort((a, b) => b.literalSegments - a.literalSegments);
}

/**
 * Checks answers of the API against its OpenAPI document: the operation (method and path
 * template), the status, the content type and, for JSON, the body's schema. Paths outside the
 * API (the SPA's files) are not checked; an unknown API route may only answer an error body.
 */
export class OpenApiResponseValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: DocumentedRoute[];
  private readonly validators = new Map<string, ValidateFunction>();
  /** How many answers were checked, for the contract report. */
  checked = 0;

  constructor(
    document: OpenAPIObject,
    private readonly apiPrefix = '/api/',
    private readonly unchecked = /^\/api\/docs(-json)?(\/|$)/,
  ) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: DOCUMENT_ID, components: jsonSchemaOf(document.components) });
    this.routes = routesOf(document);
  }

  /** A message naming the route, status and mismatch, or undefined when the answer conforms. */
  problemWith(response: ObservedResponse): string | undefined {
    const method = response.method.toLowerCase();
    const route = this.routes.find((candidate) => candidate.pattern.test(response.path));
    const operation = route?.operations[method === 'head' ? 'get' : method];
    const name = `${response.method.toUpperCase()} ${route?.template ?? response.path}`;
    if (!operation || !route) {
      if (!response.path.startsWith(this.apiPrefix) && !route) return undefined;
      if (this.unchecked.test(response.path)) return undefined;
      this.checked += 1;
      // Not an operation: the API may only refuse it, with its one error body.
      if (response.status < 400) {
        return `${name} answered ${response.status} but the OpenAPI document has no such operation`;
      }
      return this.schemaProblem(`${name} (no such operation)`, response, 'error', ERROR_SCHEMA);
    }
    this.checked += 1;
    const status = String(response.status);
    const documented = (operation.responses[status] ??
      operation.responses[`${status[0]}XX`] ??
      operation.responses.default) as ResponseObject | undefined;
    if (!documented) {
      return (
        `${name} answered ${status}, which the OpenAPI document does not list ` +
        `(documented: ${Object.keys(operation.responses).join(', ')}); body: ${preview(response.body)}`
      );
    }
    const where = `${name} → ${status}`;
    const content = documented.content ?? {};
    if (Object.keys(content).length === 0) {
      return response.hasBody && method !== 'head'
        ? `${where} has a body (${response.contentType ?? 'no content type'}) but the document describes none`
        : undefined;
    }
    if (method === 'head' || (!response.hasBody && response.status === 204)) return undefined;
    const mediaType = mediaTypeOf(response.contentType ?? '');
    const entry = Object.entries(content).find(([type]) => mediaTypeOf(type) === mediaType);
    if (!entry) {
      return (
        `${where} answered content type "${response.contentType ?? '(none)'}", not one the ` +
        `document lists (${Object.keys(content).join(', ')})`
      );
    }
    const schema = entry[1].schema;
    if (!schema || isBinary(schema) || !isJson(mediaType)) return undefined;
    return this.schemaProblem(where, response, `${route.template} ${method} ${status}`, schema);
  }

  private schemaProblem(
    where: string,
    response: ObservedResponse,
    key: string,
    schema: unknown,
  ): string | undefined {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(jsonSchemaOf(schema) as object);
      this.validators.set(key, validate);
    }
    if (validate(response.body)) return undefined;
    return (
      `${where}: the body does not match its documented schema: ` +
      `${this.ajv.errorsText(validate.errors, { dataVar: 'body', separator: '; ' })}; ` +
      `body: ${preview(response.body)}`
    );
  }
}

function preview(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text === undefined ? '(none)' : text.length > 600 ? `${text.slice(0, 600)}…` : text;
}
