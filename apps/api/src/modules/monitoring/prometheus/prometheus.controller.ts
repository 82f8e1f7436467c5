import { Controller, Get, Headers, Res, VERSION_NEUTRAL } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { PROMETHEUS_PATH } from '../../../common/http/api-prefix';
import { Public } from '../../../common/auth/public.decorator';
import { AuthenticationError } from '../../../common/errors/domain-errors';
import { ErrorResponseDto } from '../../../common/http/error-response.dto';
import { AppConfig } from '../../../config/app-config';
import { PrometheusMetrics } from './prometheus-metrics';

/** The document's security scheme for METRICS_TOKEN (not a user's access token). */
export const METRICS_SECURITY_SCHEME = 'metricsToken';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compares digests (same length whatever the input) in constant time. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

@ApiTags('monitoring')
@Controller({ path: PROMETHEUS_PATH, version: VERSION_NEUTRAL })
export class PrometheusController {
  constructor(
    private readonly prometheus: PrometheusMetrics,
    private readonly config: AppConfig,
  ) {}

  /** No user token here: a scraper has none. METRICS_TOKEN, when set, is checked instead. */
  @Public()
  @Get()
  // Open by default; `{}` documents that no credential is needed unless METRICS_TOKEN is set.
  @ApiSecurity({})
  @ApiSecurity(METRICS_SECURITY_SCHEME)
  @ApiOperation({
    summary: 'Prometheus metrics (text format)',
    description:
      'Open by default. When METRICS_TOKEN is set, needs `Authorization: Bearer <METRICS_TOKEN>`.',
  })
  @ApiOkResponse({
    description: 'The Prometheus text exposition',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiUnauthorizedResponse({
    type: ErrorResponseDto,
    description: 'METRICS_TOKEN is set and the request does not carry it',
  })
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const token = this.config.METRICS_TOKEN;
    if (token) {
      const given = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim() ?? '';
      if (!sameSecret(given, token)) {
        throw new AuthenticationError('A valid metrics token is required');
      }
    }
    response.setHeader('Content-Type', this.prometheus.contentType);
    response.setHeader('Cache-Control', 'no-store');
    return this.prometheus.metrics();
  }
}
