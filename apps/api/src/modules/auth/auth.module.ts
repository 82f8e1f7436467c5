import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { getRepositoryToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { AuditModule } from '../audit';
import { UsersModule } from '../users';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AccessTokenVerifier } from './access-token.verifier';
import { DeletedAccounts } from './deleted-accounts';
import { jwtOptionsOf } from './jwt-options';
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
    AuditModule,
    UsersModule,
    JwtModule.registerAsync({ inject: [AppConfig], useFactory: jwtOptionsOf }),
    TypeOrmModule.forFeature([RefreshToken, RevokedToken]),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    TokensService,
    AccessTokenVerifier,
    DeletedAccounts,
    {
      provide: TokenRevocationStore,
      inject: [AppConfig, getRepositoryToken(RevokedToken), DataSource],
      useFactory: (config: AppConfig, revoked: Repository<RevokedToken>, dataSource: DataSource) =>
        config.REDIS_URL
          ? new RedisTokenRevocationStore(config.REDIS_URL)
          : new PostgresTokenRevocationStore(revoked, dataSource),
    },
  ],
  exports: [AccessTokenVerifier],
})
export class AuthModule {}
