import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { LOG_BATCH_SCHEMA, LogBatch } from '@ledgerlens/contracts';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiSecurity,
  ApiTags,
  ApiTooManyRequestsResponse,
  type SchemaObject,
} from '@nestjs/swagger';
import { OptionalAuth } from '../../../common/auth/public.decorator';
import { ErrorResponseDto } from '../../../common/http/error-response.dto';
import { RateLimited } from '../../../common/http/rate-limits';
import { Audit } from '../../audit';
import { LogBatchResultDto } from './log-batch.dto';
import { LogBatchPipe } from './log-batch.pipe';
import { LogIngestService } from './log-ingest.service';

@ApiTags('logging')
@Controller('logging/logs')
export class LogIngestController {
  constructor(private readonly ingest: LogIngestService) {}

  @Post('batch')
  @OptionalAuth()
  @RateLimited('logIngest')
  @Audit({ recorded: false })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Store a batch of browser log entries',
    description:
      'Up to 100 entries, 64 KB a message, 1 MB a request. Stored whole or not at all; an entry ' +
      'sent again (same clientId and timestamp) is stored once. Signed-in callers are tagged ' +
      'with their user; anonymous ones as anonymous. Secrets are redacted on arrival.',
  })
  // A token is optional here: `{}` documents anonymous callers, `bearer` signed-in ones.
  @ApiSecurity({})
  @ApiBearerAuth()
  @ApiBody({ schema: LOG_BATCH_SCHEMA as SchemaObject })
  @ApiOkResponse({ type: LogBatchResultDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'More than 1 MB' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  store(@Body(LogBatchPipe) body: LogBatch): Promise<LogBatchResultDto> {
    return this.ingest.store(body.entries);
  }
}
