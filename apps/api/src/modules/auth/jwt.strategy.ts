import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthenticatedUser } from '../../common/auth/current-user.decorator';
import { AuthenticationError } from '../../common/errors/domain-errors';
import { TokenRevocationStore } from './token-revocation.store';
import { AccessTokenClaims, TokensService } from './tokens.service';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    tokens: TokensService,
    private readonly revocations: TokenRevocationStore,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: tokens.secret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthenticatedUser> {
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
