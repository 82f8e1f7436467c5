import { isIn, isInt, isString, isUUID } from 'class-validator';
import { Role } from '../../common/context/request-context';

export interface AccessTokenClaims {
  sub: string;
  email: string;
  role: Role;
  jti: string;
  fam: string;
  iat: number;
  exp: number;
}

const ROLES: readonly Role[] = ['user', 'admin'];

/** How far ahead of this clock another instance's may be when it signs a token. */
const CLOCK_SKEW_SECONDS = 30;

/**
 * The claims of a verified token when it has every one the API relies on, else undefined. The
 * JWT library checks `exp` only when present, so a token without it would never expire; and
 * `jti`, `fam` and `sub` end up in uuid columns and room names, so they must be UUIDs.
 */
export function accessTokenClaimsOf(payload: unknown): AccessTokenClaims | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const claims = payload as Partial<Record<keyof AccessTokenClaims, unknown>>;
  const nowSeconds = Date.now() / 1000;
  const valid =
    isUUID(claims.sub) &&
    isUUID(claims.jti) &&
    isUUID(claims.fam) &&
    isString(claims.email) &&
    isIn(claims.role, ROLES) &&
    isInt(claims.exp) &&
    isInt(claims.iat) &&
    (claims.iat as number) <= nowSeconds + CLOCK_SKEW_SECONDS;
  return valid ? (claims as AccessTokenClaims) : undefined;
}
