/** The auth module's public entry: what code outside the module uses of it. */
export { AccessTokenVerifier, bearerTokenOf } from './access-token.verifier';
export { AuthModule } from './auth.module';
export { JwtAuthGuard } from './jwt-auth.guard';
export { RefreshToken } from './refresh-token.entity';
export { RevokedToken } from './revoked-token.entity';
