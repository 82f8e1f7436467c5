import type { AuditCategory } from '@ledgerlens/contracts';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

/** OpenAPI extension on operations whose successful requests the action log does not record. */
export const ACTION_LOG_EXTENSION = 'x-action-log';

export const AUDIT_SPEC = 'audit:spec';

/** How a route's requests appear in the action log; every field has a default. */
export interface AuditSpec {
  /** e.g. `auth.login`; default `<resourceType>.<create|update|delete>` from the method. */
  action?: string;
  /** default: from the route's first path segment, singular (`/transactions` → `transaction`). */
  resourceType?: string;
  /** default `data`. */
  category?: AuditCategory;
  /** What happened, in words; default e.g. `Updated transaction`. */
  message?: string;
  /**
   * false: successful requests are not recorded even when they change something (e.g. log
   * ingest, whose volume would drown the log). Refusals (401/403) and server errors still are.
   */
  recorded?: boolean;
}

/**
 * Describes a route's (or a controller's) entries in the action log. Mutating requests are
 * recorded without it; a GET route that names an `action` is recorded too (e.g. an export).
 * A route not recorded says so in the OpenAPI document (`x-action-log: false`).
 */
export const Audit = (spec: AuditSpec) =>
  spec.recorded === false
    ? applyDecorators(SetMetadata(AUDIT_SPEC, spec), ApiExtension(ACTION_LOG_EXTENSION, false))
    : SetMetadata(AUDIT_SPEC, spec);
