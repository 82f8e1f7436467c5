import { WireResponse } from './fuzz-client';
import { FuzzRequest } from './fuzz-requests';

/**
 * The properties every fuzzed answer must have: no 5xx (unless it is the operation's one
 * documented outcome), errors in the one JSON error body with the trace ID of the X-Trace-Id header and
 * field messages for field-level mistakes, and nothing secret or internal in any body.
 */

const ERROR_BODY_KEYS = new Set(['statusCode', 'error', 'message', 'details', 'traceId']);

/** What only a server's insides would show: stack traces, SQL, driver errors, file paths. */
const INTERNALS: [string, RegExp][] = [
  ['a stack property', /"stack"\s*:/],
  ['a stack line', /\n\s+at [\w.<>[\] ]*\(?[/\w]/],
  ['a TypeORM error', /QueryFailedError|EntityNotFound|TypeORMError/],
  [
    'PostgreSQL text',
    /invalid byte sequence|syntax error at or near|violates .* constraint|relation "/,
  ],
  ['a server file path', /\/work\/|node_modules|dist\/apps\/api|\.ts:\d+/],
];

function isFieldErrors(details: unknown): details is Record<string, string[]> {
  return (
    details !== null &&
    typeof details === 'object' &&
    !Array.isArray(details) &&
    Object.keys(details).length > 0 &&
    Object.values(details).every(
      (messages) =>
        Array.isArray(messages) &&
        messages.length > 0 &&
        messages.every((message) => typeof message === 'string'),
    )
  );
}

function errorBodyViolations(request: FuzzRequest, response: WireResponse): string[] {
  const violations: string[] = [];
  const contentType = String(response.headers['content-type'] ?? '');
  if (!contentType.startsWith('application/json')) {
    violations.push(`error answer is ${contentType || 'without a content type'}, not JSON`);
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(response.text) as Record<string, unknown>;
  } catch {
    return [...violations, 'error body is not JSON'];
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return [...violations, 'error body is not an object'];
  }
  const unexpected = Object.keys(body).filter((key) => !ERROR_BODY_KEYS.has(key));
  if (unexpected.length) violations.push(`error body has unexpected keys ${unexpected.join(', ')}`);
  if (body['statusCode'] !== response.status) violations.push('statusCode differs from the status');
  if (typeof body['error'] !== 'string') violations.push('error body lacks `error`');
  if (typeof body['message'] !== 'string') violations.push('error body lacks `message`');
  const traceHeader = response.headers['x-trace-id'];
  if (typeof body['traceId'] !== 'string' || !body['traceId']) {
    violations.push('error body lacks `traceId`');
  } else if (body['traceId'] !== traceHeader) {
    violations.push(`traceId ${body['traceId']} differs from X-Trace-Id ${String(traceHeader)}`);
  }
  if ('details' in body && !isFieldErrors(body['details'])) {
    violations.push('`details` is not field → messages');
  }
  // A mistake in one named field or parameter is answered with that field's messages.
  const fieldLevel = /^(body|query|path)\./.test(request.target) && request.category !== 'valid';
  if (response.status === 400 && fieldLevel && !isFieldErrors(body['details'])) {
    violations.push(`400 for ${request.target} without field messages (details)`);
  }
  return violations;
}

/**
 * Every operation documents 500 and 503, which any route may answer when something breaks; a 5xx
 * is acceptable only from an operation whose documented outcome it is (no 2xx at all: the sample
 * exception route), or a 503 while a dependency is down (never during a fuzz run).
 */
function answersOnPurpose(request: FuzzRequest, status: number): boolean {
  const statuses = request.operation.documentedStatuses;
  return statuses.includes(status) && !statuses.some((documented) => documented < 300);
}

export interface OracleInput {
  request: FuzzRequest;
  response: WireResponse;
  /** Secrets no body may show: the JWT secret and every password sent so far. */
  secrets: Iterable<string>;
}

export function violationsOf({ request, response, secrets }: OracleInput): string[] {
  if (response.status === 0) return [`no answer: ${response.error}`];
  const violations: string[] = [];
  if (response.error) violations.push(response.error);
  if (response.status >= 500 && !answersOnPurpose(request, response.status)) {
    violations.push(`${response.status} answer`);
  }
  if (response.status >= 400) {
    violations.push(...errorBodyViolations(request, response));
    for (const [what, pattern] of INTERNALS) {
      if (pattern.test(response.text)) violations.push(`error body shows ${what}`);
    }
  }
  for (const secret of secrets) {
    if (response.text.includes(secret))
      violations.push('body shows a secret (JWT secret or password)');
  }
  return violations;
}
