import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  type SchemaObject,
} from '@nestjs/swagger';
import { Public } from '../../common/auth/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { Audit } from '../audit';
import {
  CONFORMANCE_CALLS_SCHEMA,
  ConformanceCall,
  ConformanceCallsPipe,
} from './conformance-calls.pipe';
import { ConformanceResultDto } from './dto/conformance-result.dto';
import { TraceContextConformanceService } from './trace-context-conformance.service';

/** Served only when TRACE_CONTEXT_CONFORMANCE=true (never in production). */
@ApiTags('conformance')
@Controller('conformance')
export class TraceContextConformanceController {
  constructor(private readonly conformance: TraceContextConformanceService) {}

  @Post('trace-context')
  @Public()
  // It changes no data; refusals (400) are still recorded.
  @Audit({ recorded: false })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'W3C Trace Context test service',
    description:
      'For the W3C Trace Context test suite: POSTs each `arguments` as JSON to its `url`, in ' +
      "order, through the API's outgoing HTTP client (which propagates traceparent and " +
      'tracestate), and answers once all calls are done. Loopback URLs are allowed, private ' +
      'networks are not. Only when TRACE_CONTEXT_CONFORMANCE=true; no token needed.',
  })
  @ApiBody({ schema: CONFORMANCE_CALLS_SCHEMA as unknown as SchemaObject })
  @ApiOkResponse({ type: ConformanceResultDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  async run(@Body(ConformanceCallsPipe) calls: ConformanceCall[]): Promise<ConformanceResultDto> {
    return { calls: await this.conformance.run(calls) };
  }
}
