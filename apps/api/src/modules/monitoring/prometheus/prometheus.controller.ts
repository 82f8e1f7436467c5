import { Controller, Get, Headers, Res, VERSION_NEUTRAL } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { PROMETHEUS_PATH } from '../../../app/api-prefix';
import { Public } from '../../../common/auth/public.decorator';
import { AuthenticationError } from '../../../common/errors/domain-errors';
import { ErrorResponseDto } from '../../../common/http/error-response.dto';
import { AppConfig } from '../../../config/app-config';
import { PrometheusMetrics } from './prometheus-metrics';

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
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Prometheus metrics (text format)',
    description: 'Needs `Authorization: Bearer <METRICS_TOKEN>` when METRICS_TOKEN is set.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The Prometheus text exposition' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
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
