import fc from 'fast-check';
import {
  encodeWire,
  hostileValue,
  hostileWireValue,
  Hostile,
  RawJson,
  STRUCTURAL_BODIES,
  textOf,
  toJsonText,
  validValue,
} from './fuzz-values';
import { JsonSchema, Operation, OperationParameter } from './openapi-operations';

/**
 * One request for an operation of the OpenAPI document: valid parts from its schemas, then at
 * most one mutation (a hostile value in one place, or a hostile body, content type or header),
 * so a failure names what caused it and fast-check can shrink it.
 */

export type Identity = 'user' | 'admin' | 'anonymous';

/** Stands in for the ID of a row the caller can see; the runner fills it in when sending. */
export const EXISTING_ID = '{existing}';

export interface FuzzRequest {
  operation: Operation;
  identity: Identity;
  /** What the mutation tries, e.g. `nul`, `deep-nesting`, `valid`. */
  category: string;
  /** Where: `body.amountCents`, `query.page`, `path.id`, `header.authorization`, `body`, `-`. */
  target: string;
  /** Path with percent-encoded segments (may hold EXISTING_ID) and the raw query string. */
  path: string;
  query: string;
  /** Headers besides the identity's Authorization, which a header mutation may replace. */
  headers: Record<string, string>;
  body?: string | Buffer;
}

interface Draft {
  identity: Identity;
  pathValues: Record<string, string>;
  query: [string, string][];
  body: unknown;
  rawBody?: string | Buffer;
  /** null: send no Content-Type at all. */
  contentType?: string | null;
  headers: Record<string, string>;
}

interface Mutation {
  category: string;
  target: string;
  apply(draft: Draft): Draft;
}

const unchanged: Mutation = { category: 'valid', target: '-', apply: (draft) => draft };

function wireValid(schema: JsonSchema): fc.Arbitrary<string> {
  return validValue(schema).map((value) => encodeWire(textOf(value)));
}

function validDraft(operation: Operation): fc.Arbitrary<Omit<Draft, 'identity'>> {
  const byLocation = (location: string) =>
    operation.parameters.filter((parameter) => parameter.in === location);
  const pathValues = fc.record(
    Object.fromEntries(
      byLocation('path').map((parameter) => [
        parameter.name,
        fc.oneof(
          { weight: 3, arbitrary: fc.constant(EXISTING_ID) },
          // Every row ID is a UUID, whether or not the document says so.
          parameter.schema.format ? wireValid(parameter.schema) : fc.uuid(),
        ),
      ]),
    ),
  );
  const query = fc
    .tuple(
      ...byLocation('query').map((parameter) =>
        parameter.required
          ? wireValid(parameter.schema).map((value) => [[parameter.name, value]])
          : fc.option(
              wireValid(parameter.schema).map((value) => [[parameter.name, value]]),
              { nil: [] },
            ),
      ),
    )
    .map((entries) => entries.flat() as [string, string][]);
  const body = operation.body ? validValue(operation.body.schema) : fc.constant(undefined);
  return fc.record({ pathValues, query, body, headers: fc.constant({}) });
}

/** Paths of the fields of a body schema, nested objects and array items included. */
function fieldPaths(schema: JsonSchema, prefix: string[] = []): [string[], JsonSchema][] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, value]) => {
    const path = [...prefix, key];
    const nested =
      value.type === 'array' && value.items?.properties
        ? fieldPaths(value.items, [...path, '0'])
        : fieldPaths(value, path);
    return [[path, value] as [string[], JsonSchema], ...nested];
  });
}

/** A copy of `target` with `value` at `path`, creating containers on the way. */
function setAt(target: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const isIndex = /^\d+$/.test(head);
  const container: Record<string, unknown> | unknown[] =
    target !== null && typeof target === 'object'
      ? Array.isArray(target)
        ? [...(target as unknown[])]
        : { ...(target as Record<string, unknown>) }
      : isIndex
        ? []
        : {};
  const current = (container as Record<string, unknown>)[head];
  (container as Record<string, unknown>)[head] = setAt(current, rest, value);
  return container;
}

function withoutKey(target: unknown, key: string): unknown {
  if (target === null || typeof target !== 'object' || Array.isArray(target)) return target;
  const copy = { ...(target as Record<string, unknown>) };
  delete copy[key];
  return copy;
}

/**
 * The object's JSON text with `key` first: written as text because a JS object cannot hold an own
 * `__proto__` key through a spread.
 */
function withLeadingKey(body: unknown, key: string, value: unknown): string {
  const rest = toJsonText(body ?? {}).slice(1);
  return `{${JSON.stringify(key)}:${toJsonText(value)}${rest === '}' ? '' : ','}${rest}`;
}

const mutation = (category: string, target: string, apply: Mutation['apply']): Mutation => ({
  category,
  target,
  apply,
});

function parameterMutations(parameter: OperationParameter): fc.Arbitrary<Mutation> {
  const target = `${parameter.in}.${parameter.name}`;
  const setValue = ({ category, value }: Hostile) =>
    mutation(category, target, (draft) =>
      parameter.in === 'path'
        ? { ...draft, pathValues: { ...draft.pathValues, [parameter.name]: textOf(value) } }
        : {
            ...draft,
            query: [
              ...draft.query.filter(([name]) => name !== parameter.name),
              [parameter.name, textOf(value)],
            ],
          },
    );
  const hostile = hostileWireValue(parameter.schema).map(setValue);
  if (parameter.in !== 'query') return hostile;
  // Query strings can also carry arrays and objects where a scalar is expected.
  const shapes = fc
    .constantFrom(`${parameter.name}[]`, `${parameter.name}[a]`, `${parameter.name}[__proto__]`)
    .map((key) =>
      mutation('wrong-type', target, (draft) => ({
        ...draft,
        query: [...draft.query, [key, '1']],
      })),
    );
  const repeated = fc.constant(
    mutation('wrong-type', target, (draft) => ({
      ...draft,
      query: [...draft.query, [parameter.name, '1'], [parameter.name, '2']],
    })),
  );
  return fc.oneof({ weight: 4, arbitrary: hostile }, shapes, repeated);
}

const queryKeyMutations = fc
  .constantFrom(
    ['__proto__[isAdmin]', 'true'],
    ['constructor[prototype][isAdmin]', 'true'],
    ['__proto__', '1'],
    ['unknownParameter', '1'],
    ['%00', '1'],
  )
  .map(([key, value]) =>
    mutation(key.startsWith('unknown') ? 'unknown-field' : 'prototype-keys', 'query', (draft) => ({
      ...draft,
      query: [...draft.query, [key, value]],
    })),
  );

function bodyMutations(schema: JsonSchema): fc.Arbitrary<Mutation>[] {
  const fields = fieldPaths(schema);
  const perField = fields.map(([path, fieldSchema]) =>
    hostileValue(fieldSchema).map(({ category, value }) =>
      mutation(category, `body.${path.join('.')}`, (draft) => ({
        ...draft,
        body: setAt(draft.body, path, value),
      })),
    ),
  );
  const missing = (schema.required ?? []).map((key) =>
    fc.constant(
      mutation('missing-required', `body.${key}`, (draft) => ({
        ...draft,
        body: withoutKey(draft.body, key),
      })),
    ),
  );
  const extraKeys = fc
    .constantFrom('__proto__', 'constructor', 'prototype', 'unknownField', 'id', 'userId')
    .chain((key) =>
      fc
        .constantFrom<unknown>(1, { isAdmin: true }, null)
        .map((value) =>
          mutation(
            ['__proto__', 'constructor', 'prototype'].includes(key)
              ? 'prototype-keys'
              : 'unknown-field',
            `body.${key}`,
            (draft) => ({ ...draft, rawBody: withLeadingKey(draft.body, key, value) }),
          ),
        ),
    );
  const wholeBody = fc
    .constantFrom<unknown>([], 'text', 1, null, true, new RawJson('"\\ud800"'))
    .map((value) => mutation('wrong-type', 'body', (draft) => ({ ...draft, body: value })));
  return [...perField, ...missing, extraKeys, wholeBody];
}

const structuralBodies = fc
  .constantFrom(
    ...Object.entries(STRUCTURAL_BODIES).flatMap(([category, bodies]) =>
      bodies.map((text) => [category, text] as const),
    ),
  )
  .map(([category, text]) =>
    mutation(category, 'body', (draft) => ({
      ...draft,
      rawBody: text,
      contentType: 'application/json',
    })),
  );

/** The same data sent with a content type the route does not take, or none. */
const contentTypes = fc
  .constantFrom<string | null>(
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=fuzz',
    null,
    'application/json; charset=utf-16',
    'application/xml',
  )
  .map((contentType) =>
    mutation('content-type', 'header.content-type', (draft) => ({
      ...draft,
      contentType,
      rawBody: formatted(draft.body, contentType),
    })),
  );

function formatted(body: unknown, contentType: string | null): string {
  if (contentType === 'application/x-www-form-urlencoded' && body && typeof body === 'object') {
    return Object.entries(body)
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeWire(textOf(value))}`)
      .join('&');
  }
  if (contentType?.startsWith('multipart/')) {
    return `--fuzz\r\nContent-Disposition: form-data; name="data"\r\n\r\n${toJsonText(body)}\r\n--fuzz--\r\n`;
  }
  return toJsonText(body ?? {});
}

const invalidUtf8 = fc
  .constantFrom(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), Buffer.from([0xc3]))
  .map((bytes) =>
    mutation('invalid-utf8', 'body', (draft) => ({
      ...draft,
      rawBody: bytes,
      contentType: 'application/json',
    })),
  );

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const unsignedAdminToken = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
  sub: '00000000-0000-0000-0000-000000000000',
  role: 'admin',
})}.`;

const headerMutations = fc.oneof(
  fc
    .constantFrom(
      'Bearer ',
      'Bearer not-a-jwt',
      'Bearer a.b.c',
      `Bearer ${unsignedAdminToken}`,
      'Basic cm9vdDphZG1pbg==',
      `Bearer ${'a'.repeat(8000)}`,
      'bearer',
    )
    .map((authorization) =>
      mutation('bad-token', 'header.authorization', (draft) => ({
        ...draft,
        headers: { ...draft.headers, authorization },
      })),
    ),
  fc
    .constantFrom<[string, string]>(
      ['x-trace-id', 'a'.repeat(200)],
      ['x-trace-id', '../../etc/passwd'],
      ['x-trace-id', '<script>alert(1)</script>'],
      ['traceparent', `00-${'0'.repeat(32)}-${'0'.repeat(16)}-01`],
      ['traceparent', 'ff-not-a-traceparent'],
      ['tracestate', 'a'.repeat(4000)],
      ['accept', 'application/xml'],
    )
    .map(([name, value]) =>
      mutation('bad-header', `header.${name}`, (draft) => ({
        ...draft,
        headers: { ...draft.headers, [name]: value },
      })),
    ),
);

const takesBody = (operation: Operation) => operation.method !== 'GET';

function mutationsOf(operation: Operation): fc.Arbitrary<Mutation> {
  const parameters = operation.parameters.filter((parameter) => parameter.in !== 'header');
  const options: fc.Arbitrary<Mutation>[] = [
    ...parameters.map(parameterMutations),
    queryKeyMutations,
    headerMutations,
  ];
  if (operation.body) options.push(...bodyMutations(operation.body.schema));
  if (takesBody(operation)) options.push(structuralBodies, contentTypes, invalidUtf8);
  return fc.oneof(
    { weight: options.length, arbitrary: fc.constant(unchanged) },
    ...options.map((arbitrary) => ({ weight: 2, arbitrary })),
  );
}

function toRequest(operation: Operation, draft: Draft, applied: Mutation): FuzzRequest {
  const path = operation.path.replace(
    /\{(\w+)\}/g,
    (_, name: string) => draft.pathValues[name] ?? EXISTING_ID,
  );
  const query = draft.query.map(([name, value]) => `${name}=${value}`).join('&');
  const body = draft.rawBody ?? (draft.body === undefined ? undefined : toJsonText(draft.body));
  const contentType =
    draft.contentType === undefined
      ? body === undefined
        ? undefined
        : 'application/json'
      : draft.contentType;
  return {
    operation,
    identity: draft.identity,
    category: applied.category,
    target: applied.target,
    path,
    query,
    headers: { ...draft.headers, ...(contentType ? { 'content-type': contentType } : {}) },
    body,
  };
}

/** Requests for one operation, as a user, an admin and without a token. */
export function requestsFor(operation: Operation): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(
      fc.constantFrom<Identity>('user', 'admin', 'anonymous'),
      validDraft(operation),
      mutationsOf(operation),
    )
    .map(([identity, parts, applied]) =>
      toRequest(operation, applied.apply({ identity, ...parts }), applied),
    );
}
