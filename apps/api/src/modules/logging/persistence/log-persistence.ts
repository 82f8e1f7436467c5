import { Injectable, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { reportException } from '../../../common/errors/exception-report';
import { AppLogWriter } from './app-log.writer';
import { LogSink } from './log-sink';

/**
 * Gives the log sink its database writer once the database is open; stores the rest on shutdown.
 * A failed write (retried by the sink) also goes to exception tracking, which never logs back.
 */
@Injectable()
export class LogPersistence implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly sink: LogSink,
    private readonly writer: AppLogWriter,
    @Optional() private readonly events?: EventEmitter2,
  ) {}

  onModuleInit(): void {
    this.sink.connect(async (batch) => {
      try {
        return await this.writer.write(batch);
      } catch (error) {
        reportException(this.events, { error, origin: 'logs', context: { records: batch.length } });
        throw error;
      }
    });
  }

  /**
   * Last of the queues: every other shutdown step (the other queues' drains included) logs, and
   * runs in `beforeApplicationShutdown`. The database pool closes after this (its module is
   * global, and Nest shuts global modules down last).
   */
  async onApplicationShutdown(): Promise<void> {
    await this.sink.drain();
  }
}
