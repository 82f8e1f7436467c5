import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuthenticatedUser } from '../../common/auth/current-user.decorator';
import { AuthenticationError } from '../../common/errors/domain-errors';
import { TokenRevocationStore } from './token-revocation.store';
import { AccessTokenClaims } from './tokens.service';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The token of an `Authorization: Bearer …` header, if there is one. */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  return authorization ? BEARER.exec(authorization)?.[1] : undefined;
}

/** Turns an access token into its user, or refuses it: missing, malformed, expired or revoked. */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly revocations: TokenRevocationStore,
  ) {}

  async authenticate(token: string | undefined): Promise<AuthenticatedUser> {
    if (!token) throw new AuthenticationError('Missing or invalid access token');
    const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token).catch((error: Error) => {
      throw new AuthenticationError(
        error.name === 'TokenExpiredError'
          ? 'Access token expired'
          : 'Missing or invalid access token',
      );
    });
    if (await this.revocations.isRevoked(claims.jti)) {
      throw new AuthenticationError('Access token has been revoked');
    }
    return {
      id: claims.sub,
      email: claims.email,
      role: claims.role,
      jti: claims.jti,
      familyId: claims.fam,
      expiresAt: claims.exp,
    };
  }
}
