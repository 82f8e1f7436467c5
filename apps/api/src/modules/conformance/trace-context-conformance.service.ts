import { Injectable } from '@nestjs/common';
import {
  OutgoingHttpClient,
  OutgoingRequestError,
} from '../../common/http-client/outgoing-http-client';
import { ConformanceCall } from './conformance-calls.pipe';
import { ConformanceCallResultDto } from './dto/conformance-result.dto';

/** The harness runs on the same machine as the API under test, so loopback must be reachable. */
const HARNESS_DESTINATIONS = { allowLoopback: true, allowPrivate: false };
/** The W3C harness waits 5 s for each callback by default. */
const CALL_TIMEOUT_MS = 5000;

/** The test service of the W3C Trace Context suite, over the API's own outgoing HTTP client. */
@Injectable()
export class TraceContextConformanceService {
  constructor(private readonly client: OutgoingHttpClient) {}

  /** Makes the calls one after the other; a failed call is reported and the next one made. */
  async run(calls: ConformanceCall[]): Promise<ConformanceCallResultDto[]> {
    const results: ConformanceCallResultDto[] = [];
    for (const { url, arguments: payload } of calls) {
      try {
        const response = await this.client.postJson(url, payload, {
          destinations: HARNESS_DESTINATIONS,
          timeoutMs: CALL_TIMEOUT_MS,
        });
        results.push({ url, status: response.status });
      } catch (error) {
        if (!(error instanceof OutgoingRequestError)) throw error;
        results.push({ url, error: error.reason });
      }
    }
    return results;
  }
}
