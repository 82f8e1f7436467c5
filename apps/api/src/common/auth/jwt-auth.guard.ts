import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { RequestContext } from '../context/request-context';
import { AuthenticationError } from '../errors/domain-errors';
import { AuthenticatedUser } from './current-user.decorator';
import { IS_PUBLIC } from './public.decorator';

/** Closed by default: every route needs a valid, unrevoked access token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly requestContext: RequestContext,
  ) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    return isPublic ? true : super.canActivate(context);
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
