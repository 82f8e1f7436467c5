import { HandshakeErrorCode } from '@ledgerlens/contracts';
import { Injectable, Logger } from '@nestjs/common';
import type { ExtendedError } from 'socket.io';
import { AuthenticationError, DependencyUnavailableError } from '../../common/errors/domain-errors';
import { AccessTokenVerifier, bearerTokenOf } from '../auth';
import type { RealtimeSocket } from './realtime-socket';

type Handshake = RealtimeSocket['handshake'];

/**
 * The access token a client sent: `auth: { token }` (what browsers can send) or an
 * `Authorization: Bearer …` header (other clients). Never a query parameter: URLs end up in logs.
 */
export function accessTokenOf(handshake: Pick<Handshake, 'auth' | 'headers'>): string | undefined {
  const token: unknown = handshake.auth?.['token'];
  if (typeof token === 'string' && token.trim() !== '') {
    return bearerTokenOf(token) ?? token.trim();
  }
  return bearerTokenOf(handshake.headers.authorization);
}

function refusal(message: string, code: HandshakeErrorCode): ExtendedError {
  return Object.assign(new Error(message), { data: { code } });
}

/**
 * The socket.io middleware that admits a client: the same access-token check as HTTP requests
 * (signature, expiry, revocation). A refused client gets `connect_error` saying why.
 */
@Injectable()
export class HandshakeAuth {
  private readonly logger = new Logger('Realtime');

  constructor(private readonly verifier: AccessTokenVerifier) {}

  readonly admit = (socket: RealtimeSocket, next: (error?: ExtendedError) => void): void => {
    this.verifier.authenticate(accessTokenOf(socket.handshake)).then(
      (user) => {
        socket.data.user = user;
        next();
      },
      (error: unknown) => next(this.refusalOf(error)),
    );
  };

  private refusalOf(error: unknown): ExtendedError {
    if (error instanceof AuthenticationError) return refusal(error.message, 'unauthorized');
    if (error instanceof DependencyUnavailableError) return refusal(error.message, 'unavailable');
    this.logger.error({ err: error }, 'Checking a socket handshake failed');
    return refusal('The token could not be checked; try again later', 'unavailable');
  }
}
