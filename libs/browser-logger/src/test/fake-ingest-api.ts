import {
  type BrowserLogEntry,
  LOG_BATCH_SCHEMA,
  LOG_INGEST_LIMITS,
  type LogBatch,
} from '@ledgerlens/contracts';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { DROP_REPORT_MESSAGE } from '../lib/drop-counts';

const ajv = new Ajv({ allErrors: true });
addFormats(ajv, ['uuid', 'date-time']);
/** The schema the API validates with; below, the checks it makes after the schema. */
const validateSchema = ajv.compile(LOG_BATCH_SCHEMA);

/** What the next request meets; `ok` once the script is used up. */
export type Outcome =
  | 'ok'
  | 'network-error'
  /** Stored, but the answer never arrives: the browser cannot tell it from a network error. */
  | 'stored-then-network-error'
  | 'server-error'
  | 'rate-limited'
  /** 400 blaming the batch, not an entry (as for `entries` too long). */
  | 'refused'
  /** 400 blaming the first entry that is not a drop report. */
  | 'refused-first-entry'
  | 'forbidden';

export interface ReceivedRequest {
  via: 'fetch' | 'beacon';
  at: number;
  entries: BrowserLogEntry[];
  headers: Headers;
  /** HTTP status of the answer; 0 when none arrived. */
  status: number;
  /** Entries this answer refused (a 4xx other than 408 and 429), drop reports left out. */
  refused: Set<string>;
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

/**
 * The API's ingest endpoint as the browser sees it: validates every body as the API does,
 * stores entries keyed like the database (clientId + timestamp, a repeat stored once) and
 * answers with the API's shapes. Also the browser's `sendBeacon`, delivering to the same store.
 */
export class FakeIngestApi {
  readonly requests: ReceivedRequest[] = [];
  /** Stored rows by `clientId|timestamp`. */
  readonly rows = new Map<string, BrowserLogEntry>();
  /** What the API would have said of bodies it refused as invalid: always a bug of the logger. */
  readonly validationErrors: Record<string, string[]>[] = [];
  acceptsBeacons = true;
  /** Batches stored whose answer was then lost: the browser will send them again. */
  lostAnswers = 0;
  /** Off: every request fails as a network error, the script untouched. */
  online = true;
  private readonly script: Outcome[] = [];
  private readonly beaconDeliveries: Promise<void>[] = [];

  constructor(private readonly clock: { now(): number }) {}

  answerNext(...outcomes: Outcome[]): void {
    this.script.push(...outcomes);
  }

  /** From now on every request is answered `ok`. */
  heal(): void {
    this.script.length = 0;
  }

  get storedEntries(): BrowserLogEntry[] {
    return [...this.rows.values()];
  }

  /** Stored entries, drop reports left out. */
  get storedLogs(): BrowserLogEntry[] {
    return this.storedEntries.filter((entry) => entry.message !== DROP_REPORT_MESSAGE);
  }

  readonly fetch: typeof fetch = async (_input, init) => {
    const body = String(init?.body);
    const outcome = this.online ? (this.script.shift() ?? 'ok') : 'network-error';
    const request: ReceivedRequest = {
      via: 'fetch',
      at: this.clock.now(),
      entries: this.parseEntries(body),
      headers: new Headers(init?.headers),
      status: 0,
      refused: new Set(),
    };
    this.requests.push(request);
    const response = this.answer(body, outcome, request);
    if (!response) throw new TypeError('Failed to fetch');
    request.status = response.status;
    return response;
  };

  readonly sendBeacon = (_url: string, body: Blob): boolean => {
    if (!this.acceptsBeacons) return false;
    const at = this.clock.now();
    this.beaconDeliveries.push(
      body.text().then((text) => {
        const request: ReceivedRequest = {
          via: 'beacon',
          at,
          entries: this.parseEntries(text),
          headers: new Headers(),
          status: 0,
          refused: new Set(),
        };
        request.status = this.answer(text, 'ok', request)?.status ?? 0;
        this.requests.push(request);
      }),
    );
    return true;
  };

  /** Entries in 2xx-answered fetch requests, in order. */
  get acknowledgedEntries(): BrowserLogEntry[] {
    return this.requests
      .filter((request) => request.via === 'fetch' && request.status === 200)
      .flatMap((request) => request.entries);
  }

  private parseEntries(body: string): BrowserLogEntry[] {
    try {
      return (JSON.parse(body) as LogBatch).entries ?? [];
    } catch {
      return [];
    }
  }

  /** The answer to an outcome; undefined for a network error. */
  private answer(body: string, outcome: Outcome, request: ReceivedRequest): Response | undefined {
    const { entries } = request;
    switch (outcome) {
      case 'network-error':
        return undefined;
      case 'server-error':
        return this.error(503, 'Service Unavailable', 'Database unavailable');
      case 'rate-limited':
        return this.error(429, 'Too Many Requests', 'ThrottlerException: Too Many Requests', {
          'Retry-After': '2',
        });
      case 'forbidden':
        this.refuse(request, entries);
        return this.error(403, 'Forbidden', 'Forbidden');
      case 'refused':
        this.refuse(request, entries);
        return this.error(
          400,
          'Bad Request',
          'Validation failed',
          {},
          {
            entries: ['entries must contain no more than 100 elements'],
          },
        );
      case 'refused-first-entry': {
        const index = entries.findIndex((entry) => entry.message !== DROP_REPORT_MESSAGE);
        this.refuse(request, entries.slice(index, index + 1));
        return this.error(
          400,
          'Bad Request',
          'Validation failed',
          {},
          {
            [`entries.${Math.max(0, index)}.message`]: ['message must be a string'],
          },
        );
      }
      case 'ok':
      case 'stored-then-network-error': {
        const response = this.store(body);
        if (outcome === 'ok') return response;
        if (response.ok) this.lostAnswers += 1;
        return undefined;
      }
    }
  }

  private refuse(request: ReceivedRequest, entries: BrowserLogEntry[]): void {
    for (const entry of entries) {
      if (entry.message !== DROP_REPORT_MESSAGE) request.refused.add(entry.clientId);
    }
  }

  private store(body: string): Response {
    if (byteLength(body) > LOG_INGEST_LIMITS.requestBytes) {
      return this.error(413, 'Payload Too Large', 'request entity too large');
    }
    const batch = JSON.parse(body) as unknown;
    const details = validateSchema(batch) ? this.limitErrors(batch) : this.schemaErrors();
    if (Object.keys(details).length > 0) {
      this.validationErrors.push(details);
      return this.error(400, 'Bad Request', 'Validation failed', {}, details);
    }
    const { entries } = batch as LogBatch;
    let stored = 0;
    for (const entry of entries) {
      const key = `${entry.clientId}|${entry.timestamp}`;
      if (this.rows.has(key)) continue;
      this.rows.set(key, entry);
      stored += 1;
    }
    return Response.json({ received: entries.length, stored, duplicates: entries.length - stored });
  }

  private schemaErrors(): Record<string, string[]> {
    const details: Record<string, string[]> = {};
    for (const error of validateSchema.errors ?? []) {
      const field = error.instancePath.split('/').slice(1).join('.') || 'body';
      (details[field] ??= []).push(error.message ?? 'is invalid');
    }
    return details;
  }

  private limitErrors(batch: LogBatch): Record<string, string[]> {
    const details: Record<string, string[]> = {};
    const now = this.clock.now();
    batch.entries.forEach((entry, index) => {
      for (const field of ['message', 'stack'] as const) {
        const text = entry[field];
        if (text !== undefined && byteLength(text) > LOG_INGEST_LIMITS.messageBytes) {
          details[`entries.${index}.${field}`] = [`${field} is too long`];
        }
      }
      const offset = Date.parse(entry.timestamp) - now;
      if (
        offset > LOG_INGEST_LIMITS.clockToleranceMinutes * 60_000 ||
        offset < -LOG_INGEST_LIMITS.maxAgeDays * 86_400_000
      ) {
        details[`entries.${index}.timestamp`] = ['timestamp is outside the clock window'];
      }
    });
    return details;
  }

  private error(
    statusCode: number,
    error: string,
    message: string,
    headers: Record<string, string> = {},
    details?: Record<string, string[]>,
  ): Response {
    return Response.json(
      { statusCode, error, message, details, traceId: '4bf92f3577b34da6a3ce929d0e0e4736' },
      { status: statusCode, headers },
    );
  }

  /** Waits until every beacon the browser took has reached the store. */
  async beaconsDelivered(): Promise<void> {
    await Promise.all(this.beaconDeliveries);
  }
}
