import { Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server, ServerResponse } from 'node:http';

function closeAfterAnswer(response: ServerResponse): void {
  if (!response.headersSent) response.setHeader('Connection', 'close');
}

/**
 * Stops the HTTP server taking work on shutdown, before anything it depends on stops: it stops
 * listening, closes idle keep-alive connections, answers every request still running or still
 * arriving on an open connection with `Connection: close` (so each connection ends after its
 * answer), and waits until none is running. Without it, keep-alive clients go on being served
 * while the write queues drain and the database closes, and what those requests record is lost.
 */
@Injectable()
export class HttpDrain implements OnApplicationBootstrap {
  private readonly logger = new Logger('Shutdown');
  private readonly running = new Set<ServerResponse>();
  private server?: Server;
  private started = false;
  private allAnswered?: () => void;

  constructor(@Optional() private readonly adapterHost?: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost?.httpAdapter?.getHttpServer() as Server | undefined;
    if (server) this.attach(server);
  }

  /** Follows the requests of `server` (before any other listener sees them). */
  attach(server: Server): void {
    this.server = server;
    server.prependListener('request', (_request, response: ServerResponse) =>
      this.follow(response),
    );
  }

  /** True once the drain began: the instance takes no new work (health says not ready). */
  get draining(): boolean {
    return this.started;
  }

  /** Requests being answered right now. */
  get inFlight(): number {
    return this.running.size;
  }

  /**
   * Stops taking requests and waits up to `timeoutMs` for those running; the connections of any
   * still running then are closed, and the count is logged. Resolves once no request runs.
   */
  async drain(timeoutMs: number): Promise<void> {
    if (this.started || !this.server) return;
    this.started = true;
    for (const response of this.running) closeAfterAnswer(response);
    // Stops listening and, on Node 19+, closes the keep-alive connections that wait idle.
    this.server.close();
    if (!(await this.finishedWithin(timeoutMs))) {
      this.logger.warn(
        `${this.running.size} request(s) still running after ${timeoutMs} ms (SHUTDOWN_TIMEOUT_MS): closing their connections`,
      );
      this.server.closeAllConnections();
    }
    // A connection whose last answer had already started before the drain is idle now.
    this.server.closeIdleConnections();
  }

  private follow(response: ServerResponse): void {
    if (this.started) closeAfterAnswer(response);
    this.running.add(response);
    response.once('close', () => {
      this.running.delete(response);
      if (this.running.size === 0) this.allAnswered?.();
    });
  }

  private finishedWithin(timeoutMs: number): Promise<boolean> {
    if (this.running.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.allAnswered = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }
}
