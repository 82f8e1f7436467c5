import type { BrowserLogEntry } from '@ledgerlens/contracts';
import { batchBody } from './batches';
import { isRetryableStatus, parseRetryAfterMs } from './retry-policy';

/** What became of one request. */
export type SendOutcome =
  | { kind: 'stored' }
  /** Network error, 408, 429 or 5xx: the same batch may be sent again. */
  | { kind: 'retryable'; retryAfterMs?: number }
  /**
   * Any other 4xx. `refusedIndexes` names the offending entries when the API's `details`
   * (`entries.3.timestamp`) point at entries only; without it the whole batch was refused.
   */
  | { kind: 'refused'; status: number; refusedIndexes?: ReadonlySet<number> };

export type BatchPoster = (entries: readonly BrowserLogEntry[]) => Promise<SendOutcome>;

export interface TransportConfig {
  fetch: typeof fetch;
  endpoint: string;
  /** Called for every request, e.g. to add `Authorization: Bearer …` while signed in. */
  headers?: () => HeadersInit | undefined;
  now: () => number;
}

const ENTRY_FIELD = /^entries\.(\d+)(\.|$)/;

/** The entries the API's error `details` blame, when they blame entries and nothing else. */
async function refusedIndexesOf(response: Response): Promise<Set<number> | undefined> {
  try {
    const { details } = (await response.json()) as { details?: Record<string, unknown> };
    const fields = Object.keys(details ?? {});
    const matches = fields.map((field) => ENTRY_FIELD.exec(field));
    if (fields.length === 0 || matches.some((match) => match === null)) return undefined;
    return new Set(matches.map((match) => Number((match as RegExpExecArray)[1])));
  } catch {
    return undefined;
  }
}

/** Posts batches to the ingest endpoint and says what happened; it never throws. */
export function createBatchPoster(config: TransportConfig): BatchPoster {
  return async (entries) => {
    let response: Response;
    try {
      const headers = new Headers(config.headers?.());
      headers.set('Content-Type', 'application/json');
      response = await config.fetch(config.endpoint, {
        method: 'POST',
        headers,
        body: batchBody(entries),
      });
    } catch {
      return { kind: 'retryable' };
    }
    if (response.ok) return { kind: 'stored' };
    if (isRetryableStatus(response.status)) {
      const retryAfterMs = parseRetryAfterMs(response.headers.get('Retry-After'), config.now());
      return retryAfterMs === undefined
        ? { kind: 'retryable' }
        : { kind: 'retryable', retryAfterMs };
    }
    return {
      kind: 'refused',
      status: response.status,
      refusedIndexes: await refusedIndexesOf(response),
    };
  };
}
