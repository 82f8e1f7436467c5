import { Logger } from '@nestjs/common';
import { JwtModuleOptions } from '@nestjs/jwt';
import { createSecretKey, randomBytes } from 'node:crypto';
import { AppConfig } from '../../config/app-config';

/**
 * HS256 with `JWT_SECRET` (or a random secret, with a warning, when it is unset). The secret is
 * handed over as a `KeyObject`: given a string, jsonwebtoken first tries to read it as a PEM key
 * on every sign and verify, which costs more than checking the signature.
 */
export function jwtOptionsOf(config: AppConfig): JwtModuleOptions {
  if (!config.JWT_SECRET) {
    new Logger('Auth').warn(
      'JWT_SECRET is not set: using a random secret; sessions end when the API restarts',
    );
  }
  const secret = config.JWT_SECRET ?? randomBytes(32).toString('hex');
  return {
    secret: createSecretKey(Buffer.from(secret)),
    signOptions: { algorithm: 'HS256', expiresIn: config.JWT_ACCESS_TTL_SECONDS },
    verifyOptions: { algorithms: ['HS256'] },
  };
}
