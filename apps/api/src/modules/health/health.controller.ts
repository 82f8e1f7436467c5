import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorResult,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../../common/auth/public.decorator';
import { HttpDrain } from '../../common/http/http-drain';
import { LivenessDto, ReadinessDto } from './dto/health-probes.dto';
import { Readiness } from './readiness';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly drain: HttpDrain,
    private readonly readiness: Readiness,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  @ApiOkResponse({ description: 'The API and its database answer' })
  @ApiServiceUnavailableResponse({
    description: 'The database does not answer, or the instance is shutting down',
  })
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 3000 }),
      () => this.takingRequests(),
    ]);
  }

  /** Liveness: the process runs and its event loop answers. Looks at no dependency. */
  @Public()
  @Get('live')
  @ApiOperation({
    summary: 'Liveness probe',
    description:
      'Answers 200 while the process runs, whatever its dependencies do: restart the instance when it stops answering.',
  })
  @ApiOkResponse({ type: LivenessDto, description: 'The process is up' })
  live(@Res({ passthrough: true }) response: Response): LivenessDto {
    response.setHeader('Cache-Control', 'no-store');
    return { status: 'ok', uptimeSeconds: Math.floor(process.uptime()) };
  }

  /**
   * Readiness: whether a load balancer should send requests here. Answered, not thrown, when
   * not ready: a probe failing every few seconds is not an exception to track or log.
   */
  @Public()
  @Get('ready')
  @ApiOperation({
    summary: 'Readiness probe',
    description:
      'PostgreSQL (and Redis, when REDIS_URL is set) answer, no in-memory write queue is full, and shutdown has not begun.',
  })
  @ApiOkResponse({ type: ReadinessDto, description: 'Ready to take requests' })
  @ApiServiceUnavailableResponse({
    type: ReadinessDto,
    description:
      'Not ready: a dependency does not answer, a write queue is full, or the instance is shutting down; `components` says which',
  })
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessDto> {
    const result = await this.readiness.check();
    response.setHeader('Cache-Control', 'no-store');
    response.status(result.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return result;
  }

  /** Down from the moment shutdown begins, so a load balancer stops sending requests here. */
  private takingRequests(): HealthIndicatorResult {
    const lifecycle = this.indicators.check('lifecycle');
    return this.drain.draining ? lifecycle.down({ message: 'shutting down' }) : lifecycle.up();
  }
}
