import { InternalEvent, SessionEndedPayload } from '@ledgerlens/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { AuthenticationError } from '../../common/errors/domain-errors';
import { AuditRecorder } from '../audit';
import { User } from '../users';
import { RefreshToken } from './refresh-token.entity';
import { TokenRevocationStore } from './token-revocation.store';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Signs access tokens and keeps refresh tokens: rotation on use; on reuse or logout the whole
 * sign-in (the family: its refresh tokens and its access tokens) ends.
 */
@Injectable()
export class TokensService {
  private readonly logger = new Logger(TokensService.name);

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    @InjectRepository(RefreshToken) private readonly refreshTokens: Repository<RefreshToken>,
    private readonly revocations: TokenRevocationStore,
    private readonly audit: AuditRecorder,
    private readonly events: EventEmitter2,
  ) {}

  async issue(user: User, familyId: string = randomUUID()): Promise<IssuedTokens> {
    const expiresIn = this.config.JWT_ACCESS_TTL_SECONDS;
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, email: user.email, role: user.role, fam: familyId },
      { expiresIn, jwtid: randomUUID() },
    );
    const refreshToken = randomBytes(32).toString('base64url');
    await this.refreshTokens.insert({
      userId: user.id,
      familyId,
      tokenHash: hashOf(refreshToken),
      expiresAt: new Date(Date.now() + this.config.JWT_REFRESH_TTL_SECONDS * 1000),
    });
    return { accessToken, refreshToken, expiresIn };
  }

  /**
   * Exchanges a refresh token for a new pair in the same family. A token presented twice means
   * it leaked: the whole family is revoked and the caller must sign in again.
   */
  async rotate(refreshToken: string): Promise<{ user: User; tokens: IssuedTokens }> {
    const stored = await this.refreshTokens.findOne({
      where: { tokenHash: hashOf(refreshToken) },
      relations: { user: true },
    });
    if (!stored?.user) throw new AuthenticationError('Invalid refresh token');
    if (stored.revokedAt) throw new AuthenticationError('Refresh token has been revoked');
    if (stored.expiresAt.getTime() <= Date.now())
      throw new AuthenticationError('Refresh token expired');
    const claimed = await this.refreshTokens.update(
      { id: stored.id, usedAt: IsNull(), revokedAt: IsNull() },
      { usedAt: new Date() },
    );
    if (claimed.affected !== 1) {
      await this.endSignIn(stored.familyId, 'token_reuse');
      this.logger.warn(`Refresh token reuse detected; revoked family ${stored.familyId}`);
      void this.audit.record({
        action: 'auth.token_reuse',
        category: 'authentication',
        result: 'failure',
        severity: 'CRITICAL',
        message:
          'A used refresh token was presented again; every session of its sign-in was revoked',
        resourceType: 'session',
        resourceId: stored.familyId,
        actorId: stored.user.id,
        actorEmail: stored.user.email,
      });
      throw new AuthenticationError(
        'Refresh token already used; all sessions of this sign-in were revoked',
      );
    }
    return { user: stored.user, tokens: await this.issue(stored.user, stored.familyId) };
  }

  /**
   * Ends a sign-in: its refresh tokens are revoked, and so are its access tokens (by family id,
   * until the newest of them would have expired); its open sockets are closed.
   */
  async endSignIn(familyId: string, reason: SessionEndedPayload['reason']): Promise<void> {
    await this.refreshTokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    const lastExpiry = new Date(Date.now() + this.config.JWT_ACCESS_TTL_SECONDS * 1000);
    await this.revocations.revoke(familyId, lastExpiry);
    const ended: SessionEndedPayload = { familyId, reason };
    this.events.emit(InternalEvent.SessionEnded, ended);
  }
}
