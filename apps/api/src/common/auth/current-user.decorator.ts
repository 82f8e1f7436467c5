import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { RequestActor } from '../context/request-context';

export interface AuthenticatedUser extends RequestActor {
  /** The access token's ID, used to revoke it. */
  jti: string;
  /** The refresh-token family the access token was issued with. */
  familyId: string;
  /** Expiry of the access token, seconds since the epoch. */
  expiresAt: number;
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser =>
    context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user,
);
