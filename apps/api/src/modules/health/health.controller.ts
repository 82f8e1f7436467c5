import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorResult,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../../common/auth/public.decorator';
import { HttpDrain } from '../../common/http/http-drain';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly drain: HttpDrain,
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

  /** Down from the moment shutdown begins, so a load balancer stops sending requests here. */
  private takingRequests(): HealthIndicatorResult {
    const lifecycle = this.indicators.check('lifecycle');
    return this.drain.draining ? lifecycle.down({ message: 'shutting down' }) : lifecycle.up();
  }
}
