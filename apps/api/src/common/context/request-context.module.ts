import { Global, Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { performance } from 'node:perf_hooks';
import { RequestContext } from './request-context';
import { traceIdOf, traceOf } from './trace-id';

interface RawRequest {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  socket?: { remoteAddress?: string };
}

interface RawResponse {
  setHeader(name: string, value: string): void;
}

@Global()
@Module({
  imports: [
    ClsModule.forRoot({
      global: true,
      middleware: {
        mount: true,
        generateId: true,
        idGenerator: (request: RawRequest) => traceIdOf(request),
        setup: (cls, request: RawRequest, response: RawResponse) => {
          cls.set('startedAt', performance.now());
          cls.set('traceContext', traceOf(request).context);
          response.setHeader('X-Trace-Id', cls.getId());
          cls.set('ip', request.ip ?? request.socket?.remoteAddress);
          const userAgent = request.headers['user-agent'];
          cls.set('userAgent', Array.isArray(userAgent) ? userAgent[0] : userAgent);
        },
      },
    }),
  ],
  providers: [RequestContext],
  exports: [RequestContext],
})
export class RequestContextModule {}
