import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AUDIT_SPEC, AuditSpec } from './audit.decorator';
import { AuditedRequest, HttpAudit } from './http-audit';

/**
 * Never refuses: runs before the other guards only to note the `@Audit` spec of the route a
 * request reached, so a request that a later guard refuses is still recorded under its action.
 * With the action log off it does nothing.
 */
@Injectable()
export class AuditRouteGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: HttpAudit,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http' || !this.audit.enabled) return true;
    const spec = this.reflector.getAllAndMerge<AuditSpec | []>(AUDIT_SPEC, [
      context.getClass(),
      context.getHandler(),
    ]);
    const named = Array.isArray(spec) ? undefined : spec;
    this.audit.remember(context.switchToHttp().getRequest<AuditedRequest>(), named);
    return true;
  }
}
