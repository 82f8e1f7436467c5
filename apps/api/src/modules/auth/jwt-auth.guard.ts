import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthenticatedUser } from '../../common/auth/current-user.decorator';
import { ROUTE_ACCESS, RouteAccess } from '../../common/auth/public.decorator';
import { RequestContext } from '../../common/context/request-context';
import { AccessTokenVerifier, bearerTokenOf } from './access-token.verifier';

/**
 * Closed by default: every route needs a valid, unrevoked access token unless marked @Public()
 * or @OptionalAuth().
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly requestContext: RequestContext,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (access === 'public') return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const token = bearerTokenOf(request.headers.authorization);
    // With @OptionalAuth(), a missing, expired or revoked token leaves the caller anonymous.
    const user =
      access === 'optional'
        ? await this.verifier.authenticate(token).catch(() => undefined)
        : await this.verifier.authenticate(token);
    if (user) {
      request.user = user;
      this.requestContext.setActor({ id: user.id, email: user.email, role: user.role });
    }
    return true;
  }
}
