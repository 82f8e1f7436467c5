import { AuditCategory, AuditSeverity, InternalEvent } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { performance } from 'node:perf_hooks';
import { API_PREFIX } from '../../../common/http/api-prefix';
import { RequestContext } from '../../../common/context/request-context';
import { traceIdOf } from '../../../common/context/trace-id';
import { RequestFailure } from '../../../common/errors/request-failure';
import { AppConfig } from '../../../config/app-config';
import { AuditRecorder } from '../audit-recorder';
import { AuditSpec } from './audit.decorator';

/** The parts of an Express request the action log reads. */
export interface AuditedRequest {
  method: string;
  originalUrl: string;
  path: string;
  route?: { path?: string };
  params?: Record<string, string>;
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  socket?: { remoteAddress?: string };
}

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const VERBS: Partial<Record<string, { action: string; past: string }>> = {
  POST: { action: 'create', past: 'Created' },
  PUT: { action: 'update', past: 'Updated' },
  PATCH: { action: 'update', past: 'Updated' },
  DELETE: { action: 'delete', past: 'Deleted' },
};
/** Request bodies larger than this are summarised, not copied into the metadata. */
const BODY_LIMIT_BYTES = 4096;

const specs = new WeakMap<object, AuditSpec>();

function isMutating(request: AuditedRequest): boolean {
  return MUTATING_METHODS.has(request.method);
}

function singular(segment: string): string {
  const name = segment.replace(/-/g, '_');
  if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
  return name.endsWith('s') ? name.slice(0, -1) : name;
}

/**
 * What a route does, from its path: the first segment after `/api/v<n>` names the resource
 * (singular), further static segments name the action, else the method does.
 * `POST /api/v1/transactions` → `transaction.create`; `POST /api/v1/auth/login` → `auth.login`.
 */
export function actionOfRoute(
  method: string,
  routePath: string,
): { resourceType: string; action: string; derivedFromMethod: boolean } {
  const segments = routePath.split('/').filter(Boolean);
  const start = segments[0] === API_PREFIX && /^v\d+$/.test(segments[1] ?? '') ? 2 : 0;
  const resourceType = singular(segments[start] ?? 'request');
  const steps = segments.slice(start + 1).filter((segment) => !segment.startsWith(':'));
  if (steps.length > 0) {
    return {
      resourceType,
      action: `${resourceType}.${steps.join('.').replace(/-/g, '_')}`,
      derivedFromMethod: false,
    };
  }
  const verb = VERBS[method]?.action ?? method.toLowerCase();
  return { resourceType, action: `${resourceType}.${verb}`, derivedFromMethod: true };
}

function stringField(value: unknown, key: string): string | undefined {
  const field = (value as Record<string, unknown> | null | undefined)?.[key];
  return typeof field === 'string' ? field : undefined;
}

/** The user a sign-in or registration answered with. */
function signedInUserOf(response: unknown): { id?: string; email?: string } {
  const user = (response as { user?: unknown } | null | undefined)?.user;
  return { id: stringField(user, 'id'), email: stringField(user, 'email') };
}

function bodyForLog(body: unknown): unknown {
  if (body === undefined || body === null) return undefined;
  const size = JSON.stringify(body)?.length ?? 0;
  return size <= BODY_LIMIT_BYTES ? body : { omitted: true, sizeBytes: size };
}

/** `Updated transaction 5e0c…`, or the action's name when the route names its own step. */
function defaultMessage(
  method: string,
  route: ReturnType<typeof actionOfRoute>,
  resourceId: string | null,
): string {
  const past = VERBS[method]?.past;
  if (!route.derivedFromMethod || !past) return route.action;
  const what = `${past} ${route.resourceType.replace(/_/g, ' ')}`;
  return resourceId ? `${what} ${resourceId}` : what;
}

function severityOf(status: number): AuditSeverity {
  if (status === 503) return 'CRITICAL';
  return status >= 500 ? 'ERROR' : 'WARNING';
}

function categoryOfFailure(status: number, spec: AuditSpec | undefined): AuditCategory {
  if (status >= 500) return 'error';
  if (spec?.category) return spec.category;
  if (status === 401) return 'authentication';
  if (status === 403) return 'roles';
  return 'data';
}

/**
 * Turns an HTTP request into an action-log event: the audit interceptor reports successes, the
 * exception filter failures (including requests a guard refused) through
 * `InternalEvent.RequestFailed`, so each request is recorded once. The route's `@Audit` spec is remembered per request by the audit route guard.
 */
@Injectable()
export class HttpAudit {
  constructor(
    private readonly recorder: AuditRecorder,
    private readonly context: RequestContext,
    private readonly config: AppConfig,
  ) {}

  /** AUDIT_LOGGING_ENABLED: when off, requests are neither remembered nor described. */
  get enabled(): boolean {
    return this.config.AUDIT_LOGGING_ENABLED;
  }

  /** Remembers the spec of the route a request reached. */
  remember(request: AuditedRequest, spec: AuditSpec | undefined): void {
    if (spec) specs.set(request, spec);
  }

  /**
   * True when a successful request is recorded: the action log is on (AUDIT_LOGGING_ENABLED) and
   * the request changes something or its route names an action, unless its route opted out.
   * When it is off, nothing about the request is described.
   */
  recordsSuccess(request: AuditedRequest): boolean {
    if (!this.enabled) return false;
    const spec = specs.get(request);
    if (spec?.recorded === false) return false;
    return isMutating(request) || spec?.action !== undefined;
  }

  async recordSuccess(request: AuditedRequest, status: number, response: unknown): Promise<void> {
    const spec = specs.get(request);
    const described = this.describe(request, spec, response);
    await this.recorder.record({
      ...described,
      category: spec?.category ?? 'data',
      result: 'success',
      severity: 'INFO',
      metadata: { ...described.metadata, statusCode: status },
    });
  }

  /**
   * Records a failed mutating or named request, any 401/403, and any server error. Called while
   * the exception filter answers, so the request's context (caller, start) is still current.
   */
  @OnEvent(InternalEvent.RequestFailed)
  async recordFailure(failure: RequestFailure): Promise<void> {
    if (!this.enabled) return;
    // Read as the guard and the interceptor read it (route parameters are strings here).
    const request = failure.request as AuditedRequest;
    const spec = specs.get(request);
    const { status } = failure;
    const recorded = this.recordsSuccess(request) || status === 401 || status === 403;
    if (!recorded && status < 500) return;
    const described = this.describe(request, spec, undefined);
    const action = recorded ? described.action : 'error.unhandled';
    const error = failure.error instanceof Error ? failure.error : undefined;
    await this.recorder.record({
      ...described,
      action,
      category: categoryOfFailure(status, spec),
      result: 'failure',
      severity: severityOf(status),
      message: `${action} failed (${status}): ${failure.message}`,
      metadata: {
        ...described.metadata,
        statusCode: status,
        ...(status >= 500 && error ? { errorName: error.name, stack: error.stack } : {}),
      },
    });
  }

  private describe(request: AuditedRequest, spec: AuditSpec | undefined, response: unknown) {
    const route = actionOfRoute(request.method, request.route?.path ?? request.path);
    const resourceType = spec?.resourceType ?? route.resourceType;
    const action = spec?.action ?? route.action;
    const resourceId = request.params?.id ?? stringField(response, 'id') ?? null;
    const actor = this.context.actor;
    const signedIn = signedInUserOf(response);
    const userAgent = request.headers['user-agent'];
    const startedAt = this.context.startedAt;
    return {
      action,
      resourceType,
      resourceId,
      actorId: actor?.id ?? signedIn.id ?? null,
      // A failed sign-in names the email it tried.
      actorEmail: actor?.email ?? signedIn.email ?? stringField(request.body, 'email') ?? null,
      ip: request.ip ?? request.socket?.remoteAddress ?? null,
      userAgent: Array.isArray(userAgent) ? userAgent[0] : (userAgent ?? null),
      traceId: traceIdOf(request),
      durationMs: startedAt === undefined ? null : Math.round(performance.now() - startedAt),
      message: spec?.message ?? defaultMessage(request.method, route, resourceId),
      metadata: {
        method: request.method,
        path: request.originalUrl,
        ...(request.route?.path ? { route: request.route.path } : {}),
        ...(isMutating(request) ? { body: bodyForLog(request.body) } : {}),
      },
    };
  }
}
