import { Module } from '@nestjs/common';
import { HttpClientModule } from '../../common/http-client/http-client.module';
import { TraceContextConformanceController } from './trace-context-conformance.controller';
import { TraceContextConformanceService } from './trace-context-conformance.service';

/**
 * Test services for conformance suites (W3C Trace Context). The app imports it only when
 * TRACE_CONTEXT_CONFORMANCE=true, which the configuration refuses in production; otherwise its
 * route does not exist (404) and is not in the OpenAPI document.
 */
@Module({
  imports: [HttpClientModule],
  controllers: [TraceContextConformanceController],
  providers: [TraceContextConformanceService],
})
export class ConformanceModule {}
