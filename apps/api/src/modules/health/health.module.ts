import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { Readiness } from './readiness';
import { RedisProbe } from './redis-probe';

/** `GET /health` (database and lifecycle), `/health/live` (liveness) and `/health/ready` (readiness). */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [RedisProbe, Readiness],
})
export class HealthModule {}
