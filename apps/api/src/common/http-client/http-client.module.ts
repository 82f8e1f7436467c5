import { Module } from '@nestjs/common';
import { OutgoingHttpClient } from './outgoing-http-client';

/** The outgoing HTTP client, for modules that call other services. */
@Module({
  providers: [OutgoingHttpClient],
  exports: [OutgoingHttpClient],
})
export class HttpClientModule {}
