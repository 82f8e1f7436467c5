import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ExceptionCapture } from './exception-capture';

/** How long an uncaught exception waits for its occurrence to be stored before the exit. */
export const FATAL_FLUSH_TIMEOUT_MS = 3000;

/**
 * Records what escapes everything else: `unhandledRejection` and `uncaughtException`, while the
 * application runs (registered at start, removed at shutdown).
 *
 * - An unhandled rejection is logged and recorded, and the process goes on (as Sentry's
 *   default "warn" mode): a promise nobody awaited has not left shared state half-changed.
 * - An uncaught exception is recorded (level `fatal`), then the process ends as it would have
 *   without this handler: its stack on stderr and exit code 1, after waiting at most
 *   FATAL_FLUSH_TIMEOUT_MS for the occurrence to be stored. Going on after an uncaught exception
 *   would run on state of unknown shape, so the error is never swallowed. When something else
 *   also listens (a test runner, say), that listener decides what happens to the process.
 */
@Injectable()
export class ProcessErrorHandlers implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Process');
  private readonly onRejection = (reason: unknown) => this.handleRejection(reason);
  private readonly onUncaught = (error: Error, origin: string) => {
    void this.handleUncaught(error, origin);
  };

  /** Ends the process; a test replaces it. */
  exit: (code: number) => void = (code) => process.exit(code);

  constructor(private readonly capture: ExceptionCapture) {}

  onModuleInit(): void {
    process.on('unhandledRejection', this.onRejection);
    process.on('uncaughtException', this.onUncaught);
  }

  onApplicationShutdown(): void {
    process.off('unhandledRejection', this.onRejection);
    process.off('uncaughtException', this.onUncaught);
  }

  handleRejection(reason: unknown): void {
    this.logger.error({ err: reason }, 'Unhandled promise rejection');
    this.capture.capture({
      error: reason,
      origin: 'process',
      context: { event: 'unhandledRejection' },
    });
  }

  async handleUncaught(error: Error, origin = 'uncaughtException'): Promise<void> {
    this.capture.capture({ error, origin: 'process', level: 'fatal', context: { event: origin } });
    if (process.listenerCount('uncaughtException') > 1) return;
    this.logger.fatal({ err: error }, 'Uncaught exception: the process stops');
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.capture.flush(),
      new Promise((resolve) => (timer = setTimeout(resolve, FATAL_FLUSH_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    this.exit(1);
  }
}
