/** What the bench (bench/auth-guard.ts) and its servers (servers.ts) share: key, tokens, messages. */
import { JwtModuleOptions, JwtService } from '@nestjs/jwt';
import { createSecretKey, randomUUID } from 'node:crypto';

/** The secret both servers verify with and the bench signs with. */
const BENCH_SECRET = 'auth-guard-bench-secret-auth-guard-bench-secret';

/** The sign-in whose tokens the servers hold revoked. */
export const REVOKED_FAMILY = '6f1d4c1e-8a53-4c0f-9d55-2f1f6f0b7a10';

/**
 * What `modules/auth/jwt-options.ts` makes of a secret: HS256, the secret as a `KeyObject`. The
 * expiry is set in each token's claims here rather than in the sign options.
 */
export function jwtModuleOptions(): JwtModuleOptions {
  return {
    secret: createSecretKey(Buffer.from(BENCH_SECRET)),
    signOptions: { algorithm: 'HS256' },
    verifyOptions: { algorithms: ['HS256'] },
  };
}

export type TokenCase = 'valid' | 'expired' | 'revoked';

/** The servers: the API's guard, passport's, and the baseline reading no token. */
export type Guard = 'nestJwt' | 'passportJwt' | 'noVerification';

/** What the bench asks the servers' process. */
export type BenchMessage = 'cpu' | 'stop' | { timeGuards: { calls: number; rounds: number } };

/** An access token as `TokensService.issue` signs it, in each of the cases the bench sends. */
export function accessTokenFor(tokenCase: TokenCase): string {
  const now = Math.floor(Date.now() / 1000);
  const issuedAt = tokenCase === 'expired' ? now - 3600 : now;
  return new JwtService(jwtModuleOptions()).sign({
    sub: randomUUID(),
    email: 'bench-auth-guard@example.com',
    role: 'user',
    fam: tokenCase === 'revoked' ? REVOKED_FAMILY : randomUUID(),
    jti: randomUUID(),
    iat: issuedAt,
    exp: issuedAt + 900,
  });
}
