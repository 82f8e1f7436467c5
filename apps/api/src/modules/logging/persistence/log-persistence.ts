import { BeforeApplicationShutdown, Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { reportException } from '../../../common/errors/exception-report';
import { AppLogWriter } from './app-log.writer';
import { LogSink } from './log-sink';

/**
 * Gives the log sink its database writer once the database is open; stores the rest on shutdown.
 * A failed write (retried by the sink) also goes to exception tracking, which never logs back.
 */
@Injectable()
export class LogPersistence implements OnModuleInit, BeforeApplicationShutdown {
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

  async beforeApplicationShutdown(): Promise<void> {
    await this.sink.drain();
  }
}
