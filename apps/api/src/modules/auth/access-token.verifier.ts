import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuthenticatedUser } from '../../common/auth/current-user.decorator';
import { AuthenticationError } from '../../common/errors/domain-errors';
import { accessTokenClaimsOf } from './access-token-claims';
import { DeletedAccounts } from './deleted-accounts';
import { TokenRevocationStore } from './token-revocation.store';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const INVALID = 'Missing or invalid access token';

/** The token of an `Authorization: Bearer …` header, if there is one. */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  return authorization ? BEARER.exec(authorization)?.[1] : undefined;
}

/**
 * Turns an access token into its user, or refuses it: missing, malformed, without the claims it
 * must carry, expired, revoked (itself or its whole sign-in), or of a deleted account.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly revocations: TokenRevocationStore,
    private readonly deletedAccounts: DeletedAccounts,
  ) {}

  async authenticate(token: string | undefined): Promise<AuthenticatedUser> {
    if (!token) throw new AuthenticationError(INVALID);
    const payload = await this.jwt.verifyAsync<object>(token).catch((error: Error) => {
      throw new AuthenticationError(
        error.name === 'TokenExpiredError' ? 'Access token expired' : INVALID,
      );
    });
    const claims = accessTokenClaimsOf(payload);
    if (!claims) throw new AuthenticationError(INVALID);
    if (await this.revocations.isRevoked(claims.fam)) {
      throw new AuthenticationError('Access token has been revoked');
    }
    if (await this.deletedAccounts.isDeleted(claims.sub)) {
      throw new AuthenticationError('This account no longer exists');
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
