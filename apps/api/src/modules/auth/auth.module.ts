import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { RefreshToken } from './refresh-token.entity';
import { RevokedToken } from './revoked-token.entity';
import {
  PostgresTokenRevocationStore,
  RedisTokenRevocationStore,
  TokenRevocationStore,
} from './token-revocation.store';
import { TokensService } from './tokens.service';

@Module({
  imports: [
    UsersModule,
    PassportModule,
    JwtModule.register({}),
    TypeOrmModule.forFeature([RefreshToken, RevokedToken]),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    TokensService,
    JwtStrategy,
    PostgresTokenRevocationStore,
    {
      provide: TokenRevocationStore,
      inject: [AppConfig, PostgresTokenRevocationStore],
      useFactory: (config: AppConfig, postgres: PostgresTokenRevocationStore) =>
        config.REDIS_URL ? new RedisTokenRevocationStore(config.REDIS_URL) : postgres,
    },
  ],
  exports: [TokensService, TokenRevocationStore],
})
export class AuthModule {}
