import { STATUS_CODES } from 'node:http';
import type { DestinationPolicy } from '../../../common/http-client/destination-policy';
import {
  OutgoingRequestError,
  OutgoingResponse,
} from '../../../common/http-client/outgoing-http-client';
import type { AppConfig } from '../../../config/app-config';
import type { DeliveryOutcome } from './contact-point';
import { retryAfterMs } from './retry-after';

/**
 * What the senders that speak HTTP (webhook, SMS gateway) share: where they may connect, how
 * they introduce themselves, and how an answer or a failure becomes a delivery outcome.
 */

export const ALERTING_USER_AGENT = 'Ledgerlens-Alerting';
/** Standard Webhooks suggests 15 to 30 s: long enough for a receiver that does some work. */
export const DELIVERY_TIMEOUT_MS = 15_000;

/** Public addresses only, unless ALERT_WEBHOOK_ALLOW_PRIVATE opens private ones (tests, local use). */
export function alertDestinations(config: Pick<AppConfig, 'ALERT_WEBHOOK_ALLOW_PRIVATE'>) {
  const policy: DestinationPolicy = {
    allowLoopback: false,
    allowPrivate: config.ALERT_WEBHOOK_ALLOW_PRIVATE,
  };
  return policy;
}

/** Answers that say "try again later": timeout, too early, rate limit, and server errors. */
function isTransient(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/**
 * The outcome of an answer: 2xx is sent; 410 Gone asks us to stop for good; timeouts, rate
 * limits and 5xx are retried (after `Retry-After` when given); any other answer will not change
 * on retrying (a redirect included: it is not followed, the URL needs updating).
 * `detail` is text from the receiver that explains the failure, already safe to show.
 */
export function outcomeOfResponse(response: OutgoingResponse, detail?: string): DeliveryOutcome {
  const { status } = response;
  if (status >= 200 && status < 300) return { status: 'sent', responseCode: status };
  const error = [`HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trim(), detail]
    .filter(Boolean)
    .join(': ');
  if (status === 410) {
    return { status: 'failed', responseCode: status, error, permanent: true, gone: true };
  }
  if (isTransient(status)) {
    const retryAfter = retryAfterMs(response.headers['retry-after']);
    return {
      status: 'failed',
      responseCode: status,
      error,
      ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter }),
    };
  }
  return { status: 'failed', responseCode: status, error, permanent: true };
}

const FAILURE_TEXT: Record<OutgoingRequestError['reason'], string> = {
  'invalid url': 'The URL is not a valid http(s) URL',
  'destination not allowed':
    'The URL points to a private or local address (allowed only with ALERT_WEBHOOK_ALLOW_PRIVATE)',
  'timed out': `No answer within ${DELIVERY_TIMEOUT_MS / 1000} seconds`,
  'connection failed': 'Could not connect',
  'response too large': 'The answer was too large',
};

/**
 * The outcome of a request that got no answer. A URL that is invalid or not allowed stays so;
 * the rest (timeouts, refused connections) may pass. The text names no URL, so no credentials in
 * it can leak.
 */
export function outcomeOfRequestFailure(failure: OutgoingRequestError): DeliveryOutcome {
  const permanent =
    failure.reason === 'invalid url' || failure.reason === 'destination not allowed';
  return {
    status: 'failed',
    error: FAILURE_TEXT[failure.reason],
    ...(permanent ? { permanent: true } : {}),
  };
}

/** Sends `call` and classifies whatever happens; errors other than the client's are bugs and thrown. */
export async function deliverOverHttp(
  call: () => Promise<OutgoingResponse>,
  detailOf: (response: OutgoingResponse) => string | undefined = () => undefined,
): Promise<DeliveryOutcome> {
  let response: OutgoingResponse;
  try {
    response = await call();
  } catch (error) {
    if (error instanceof OutgoingRequestError) return outcomeOfRequestFailure(error);
    throw error;
  }
  const ok = response.status >= 200 && response.status < 300;
  return outcomeOfResponse(response, ok ? undefined : detailOf(response));
}
