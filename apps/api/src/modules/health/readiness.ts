import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import { performance } from 'node:perf_hooks';
import { HttpDrain } from '../../common/http/http-drain';
import { AppConfig } from '../../config/app-config';
import { AuditRecorder } from '../audit';
import { ExceptionCapture } from '../exceptions';
import { LogSink } from '../logging';
import {
  ComponentStatusDto,
  QueueStatusDto,
  ReadinessComponentsDto,
  ReadinessDto,
} from './dto/health-probes.dto';
import { RedisProbe } from './redis-probe';

/** How long the database and Redis may take to answer before they count as down. */
const PING_TIMEOUT_MS = 3000;

interface QueueBacklog {
  readonly backlog: { queued: number; dropped: number };
}

const errorMessageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * What `GET /health/ready` reports: whether this instance should get traffic. Every dependency
 * (PostgreSQL, Redis when configured) must answer, no write queue may be full (a full queue drops
 * what it is given), and shutdown must not have begun. Only reads: the queues are looked up, not
 * touched.
 */
@Injectable()
export class Readiness {
  constructor(
    private readonly config: AppConfig,
    private readonly database: TypeOrmHealthIndicator,
    private readonly drain: HttpDrain,
    private readonly redis: RedisProbe,
    private readonly moduleRef: ModuleRef,
  ) {}

  async check(): Promise<ReadinessDto> {
    const [database, redis] = await Promise.all([
      this.timed(() => this.pingDatabase()),
      this.redis.configured ? this.timed(() => this.redis.ping(PING_TIMEOUT_MS)) : undefined,
    ]);
    const components: ReadinessComponentsDto = {
      database,
      ...(redis ? { redis } : {}),
      lifecycle: this.drain.draining
        ? { status: 'down', message: 'shutting down' }
        : { status: 'up' },
      auditQueue: this.queue(AuditRecorder, this.config.AUDIT_LOGGING_QUEUE_SIZE),
      logQueue: this.queue(LogSink, this.config.LOG_PERSIST_QUEUE_SIZE),
      exceptionQueue: this.queue(ExceptionCapture, this.find(ExceptionCapture)?.capacity ?? 0),
    };
    const ready = Object.values(components).every(
      (component: ComponentStatusDto) => component.status === 'up',
    );
    return { status: ready ? 'ok' : 'error', components };
  }

  /** `SELECT 1` through terminus's indicator (the same ping as `GET /health`). */
  private async pingDatabase(): Promise<void> {
    const result = await this.database.pingCheck('database', { timeout: PING_TIMEOUT_MS });
    const { status, message } = result.database as { status: string; message?: unknown };
    if (status !== 'up') throw new Error(typeof message === 'string' ? message : 'no answer');
  }

  private async timed(ping: () => Promise<void>): Promise<ComponentStatusDto> {
    const started = performance.now();
    const responseTimeMs = () => Math.round(performance.now() - started);
    try {
      await ping();
      return { status: 'up', responseTimeMs: responseTimeMs() };
    } catch (error) {
      return { status: 'down', responseTimeMs: responseTimeMs(), message: errorMessageOf(error) };
    }
  }

  private queue(type: new (...args: never[]) => QueueBacklog, capacity: number): QueueStatusDto {
    const probe = this.find(type);
    if (!probe) return { status: 'down', message: 'not running', queued: 0, capacity, dropped: 0 };
    const { queued, dropped } = probe.backlog;
    return queued >= capacity
      ? { status: 'down', message: 'full: new items are dropped', queued, capacity, dropped }
      : { status: 'up', queued, capacity, dropped };
  }

  /** A provider of another module, read where it lives (those modules do not export them). */
  private find<T>(type: new (...args: never[]) => T): T | undefined {
    try {
      return this.moduleRef.get(type, { strict: false });
    } catch {
      return undefined;
    }
  }
}
