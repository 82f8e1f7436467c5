import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { RequestContext } from '../context/request-context';
import { AuthenticationError } from '../errors/domain-errors';
import { AuthenticatedUser } from './current-user.decorator';
import { ROUTE_ACCESS, RouteAccess } from './public.decorator';

/**
 * Closed by default: every route needs a valid, unrevoked access token unless marked @Public()
 * or @OptionalAuth().
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly requestContext: RequestContext,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (access === 'public') return true;
    if (access === 'optional') {
      // A missing, expired or revoked token leaves the caller anonymous rather than refused.
      await (super.canActivate(context) as Promise<boolean>).catch(() => false);
      return true;
    }
    return super.canActivate(context) as Promise<boolean>;
  }

  override handleRequest<TUser = AuthenticatedUser>(
    error: unknown,
    user: TUser,
    info: unknown,
  ): TUser {
    if (error) throw error;
    if (!user) {
      const reason =
        info instanceof Error && info.name === 'TokenExpiredError'
          ? 'Access token expired'
          : 'Missing or invalid access token';
      throw new AuthenticationError(reason);
    }
    const { id, email, role } = user as unknown as AuthenticatedUser;
    this.requestContext.setActor({ id, email, role });
    return user;
  }
}
