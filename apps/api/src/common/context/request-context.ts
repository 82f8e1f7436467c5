import { Injectable } from '@nestjs/common';
import { CLS_ID, ClsService, ClsStore } from 'nestjs-cls';
import { FLAG_SAMPLED, newSpanId, newTraceId, TraceContext } from './trace-context';

export type Role = 'user' | 'admin';

export interface RequestActor {
  id: string;
  email: string;
  role: Role;
}

export interface RequestContextStore extends ClsStore {
  actor?: RequestActor;
  ip?: string;
  userAgent?: string;
  /** `performance.now()` when the request arrived. */
  startedAt?: number;
  traceContext?: TraceContext;
}

/**
 * Typed access to what the current request knows: its trace ID and W3C trace context, caller,
 * IP and user agent.
 */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService<RequestContextStore>) {}

  get traceId(): string | undefined {
    return this.cls.isActive() ? this.cls.getId() : undefined;
  }

  /** Its place in a distributed trace, which outgoing requests pass on. */
  get traceContext(): TraceContext | undefined {
    return this.cls.isActive() ? this.cls.get('traceContext') : undefined;
  }

  get actor(): RequestActor | undefined {
    return this.cls.isActive() ? this.cls.get('actor') : undefined;
  }

  get ip(): string | undefined {
    return this.cls.isActive() ? this.cls.get('ip') : undefined;
  }

  get userAgent(): string | undefined {
    return this.cls.isActive() ? this.cls.get('userAgent') : undefined;
  }

  get startedAt(): number | undefined {
    return this.cls.isActive() ? this.cls.get('startedAt') : undefined;
  }

  /**
   * Runs background work (a job's cycle, a delivery) as an operation of its own in trace
   * `traceId` (a new trace by default): its logs, its rows and the requests it makes carry it.
   */
  runInTrace<T>(work: () => Promise<T>, traceId: string = newTraceId()): Promise<T> {
    return this.cls.run(() => {
      this.cls.set(CLS_ID, traceId);
      this.cls.set('traceContext', {
        traceId,
        spanId: newSpanId(),
        flags: FLAG_SAMPLED,
        tracestate: [],
      });
      return work();
    });
  }

  setActor(actor: RequestActor): void {
    this.cls.set('actor', actor);
  }
}
