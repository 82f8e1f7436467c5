import { Module } from '@nestjs/common';
import { LogWindowedCountsStore } from './windowed-counts.store';

/**
 * The stored logs' windowed counts for other modules, apart from `LoggingModule`: that one is
 * made once, by the app, with the log sink (`forRoot`), so other modules cannot import it.
 */
@Module({
  providers: [LogWindowedCountsStore],
  exports: [LogWindowedCountsStore],
})
export class LogWindowedCountsModule {}
