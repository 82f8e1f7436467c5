import { BeforeApplicationShutdown, Injectable, OnModuleInit } from '@nestjs/common';
import { AppLogWriter } from './app-log.writer';
import { LogSink } from './log-sink';

/** Gives the log sink its database writer once the database is open; stores the rest on shutdown. */
@Injectable()
export class LogPersistence implements OnModuleInit, BeforeApplicationShutdown {
  constructor(
    private readonly sink: LogSink,
    private readonly writer: AppLogWriter,
  ) {}

  onModuleInit(): void {
    this.sink.connect((batch) => this.writer.write(batch));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.sink.drain();
  }
}
